import { DateTime } from "luxon";
import type { Team } from "../config/schema.js";
import { addDays, atLocal, dayBeganSince, hoursWindow, isScheduled, weekdayOf, type WorkingPattern } from "./working-day.js";

/** An instant as a luxon DateTime or an ISO-8601 string with an offset. */
export type Instant = DateTime | string;

/** The part of the team config that the digest schedule needs. */
export type TeamSchedule = Pick<Team, "timezone" | "digest_time" | "workdays">;

/** A year and a few days: any valid pattern has a scheduled day within this many calendar days. */
const SEARCH_DAYS = 370;

/** `at` as a DateTime; a string must be ISO-8601 with an offset or Z. */
export function toInstant(at: Instant): DateTime {
  const instant = typeof at === "string" ? DateTime.fromISO(at, { setZone: true }) : at;
  if (!instant.isValid) throw new Error(`${JSON.stringify(String(at))} is not an ISO-8601 instant (e.g. "2026-11-02T16:30:00Z")`);
  return instant;
}

const localDateOf = (at: Instant, zone: string): string => toInstant(at).setZone(zone).toISODate()!;

/** The team's local calendar date (YYYY-MM-DD) at `at`. */
export function teamDateOf(at: Instant, team: Pick<TeamSchedule, "timezone">): string {
  return localDateOf(at, team.timezone);
}

/** The instant of `digest_time` on `teamDate` in the team zone. */
export function digestInstant(teamDate: string, team: Pick<TeamSchedule, "timezone" | "digest_time">): DateTime {
  return atLocal(teamDate, team.digest_time, team.timezone);
}

export function isTeamWorkday(date: string, team: Pick<TeamSchedule, "workdays">): boolean {
  return team.workdays.includes(weekdayOf(date));
}

/** The team date whose digest is due at `at` (a workday, at or after digest_time, same team date); else null. */
export function digestDue(at: Instant, team: TeamSchedule): string | null {
  const date = teamDateOf(at, team);
  return isTeamWorkday(date, team) && toInstant(at) >= digestInstant(date, team) ? date : null;
}

/** The first digest instant at or after `at`. */
export function nextDigest(at: Instant, team: TeamSchedule): DateTime {
  const today = teamDateOf(at, team);
  for (let offset = 0; offset <= 7; offset += 1) {
    const date = addDays(today, offset);
    const instant = digestInstant(date, team);
    if (isTeamWorkday(date, team) && instant >= toInstant(at)) return instant;
  }
  throw new Error("team.workdays lists no day: list at least one workday for the digest");
}

/** The first scheduled working day after `day`, or null when none comes within a year. */
export function nextScheduledDay(day: string, contractor: WorkingPattern, extraDaysOff: readonly string[] = []): string | null {
  return scheduledDayFrom(addDays(day, 1), 1, contractor, extraDaysOff);
}

/** The last scheduled working day before `day`, or null when none came within a year. */
export function previousScheduledDay(day: string, contractor: WorkingPattern, extraDaysOff: readonly string[] = []): string | null {
  return scheduledDayFrom(addDays(day, -1), -1, contractor, extraDaysOff);
}

function scheduledDayFrom(first: string, step: 1 | -1, contractor: WorkingPattern, extraDaysOff: readonly string[]): string | null {
  for (let offset = 0; offset < SEARCH_DAYS; offset += 1) {
    const day = addDays(first, offset * step);
    if (isScheduled(day, contractor, extraDaysOff)) return day;
  }
  return null;
}

/** The instant the end-of-day reminder of `day` falls due: end of hours plus `remindAfterMinutes`. */
export function reminderInstant(day: string, contractor: WorkingPattern, remindAfterMinutes: number): DateTime {
  return hoursWindow(day, contractor).end.plus({ minutes: remindAfterMinutes });
}

/**
 * The first `instantOf(D)` at or after `at` over scheduled days D, searching from `lookBackDays`
 * calendar days before the contractor's local date of `at`; null when no day is scheduled.
 */
function firstScheduledInstant(
  at: Instant,
  contractor: WorkingPattern,
  extraDaysOff: readonly string[],
  lookBackDays: number,
  instantOf: (day: string) => DateTime,
): DateTime | null {
  const from = toInstant(at);
  let day: string | null = addDays(localDateOf(from, contractor.timezone), -lookBackDays - 1);
  for (let count = 0; day !== null && count < SEARCH_DAYS; count += 1) {
    day = nextScheduledDay(day, contractor, extraDaysOff);
    if (day !== null && instantOf(day) >= from) return instantOf(day);
  }
  return null;
}

/** The first start of hours on a scheduled working day at or after `at`; null when no day is scheduled. */
export function nextBrief(at: Instant, contractor: WorkingPattern, extraDaysOff: readonly string[] = []): DateTime | null {
  // Hours start on the calendar date of their day: a day before yesterday cannot start later than `at`.
  return firstScheduledInstant(at, contractor, extraDaysOff, 1, (day) => hoursWindow(day, contractor).start);
}

/** The first end of hours plus `remindAfterMinutes` on a scheduled working day at or after `at`; null when none. */
export function nextReminder(
  at: Instant,
  contractor: WorkingPattern,
  remindAfterMinutes: number,
  extraDaysOff: readonly string[] = [],
): DateTime | null {
  // Hours may end on the next date, and the delay adds up to 12 hours: look back two days.
  return firstScheduledInstant(at, contractor, extraDaysOff, 2, (day) => reminderInstant(day, contractor, remindAfterMinutes));
}

/** The most recent scheduled day D whose reminder instant is at or before `at`; null when none within a year. */
function lastDayReminderReached(
  at: DateTime,
  contractor: WorkingPattern,
  remindAfterMinutes: number,
  extraDaysOff: readonly string[],
): string | null {
  let day: string | null = addDays(localDateOf(at, contractor.timezone), 1);
  for (let count = 0; day !== null && count < SEARCH_DAYS; count += 1) {
    day = previousScheduledDay(day, contractor, extraDaysOff);
    if (day !== null && reminderInstant(day, contractor, remindAfterMinutes) <= at) return day;
  }
  return null;
}

/**
 * The working day whose end-of-day reminder is due at `at`: its reminder instant has passed and the
 * next scheduled day's hours have not started (a missed reminder is caught up until then, never after).
 * Days that began before `notBefore` (when the app first read the config; see dayBeganSince) get none.
 */
export function reminderDue(
  at: Instant,
  contractor: WorkingPattern,
  remindAfterMinutes: number,
  notBefore: Instant,
  extraDaysOff: readonly string[] = [],
): string | null {
  const now = toInstant(at);
  const day = lastDayReminderReached(now, contractor, remindAfterMinutes, extraDaysOff);
  if (day === null || !dayBeganSince(day, contractor, toInstant(notBefore))) return null;
  const next = nextScheduledDay(day, contractor, extraDaysOff);
  return next === null || now < hoursWindow(next, contractor).start ? day : null;
}

/**
 * The scheduled working day whose hours contain `at` (a missed brief is caught up until the hours end),
 * when those hours started at or after `notBefore`; else null.
 */
export function briefDue(
  at: Instant,
  contractor: WorkingPattern,
  notBefore: Instant,
  extraDaysOff: readonly string[] = [],
): string | null {
  const now = toInstant(at);
  const today = localDateOf(now, contractor.timezone);
  // Hours that cross midnight started on the previous calendar date.
  for (const day of [today, addDays(today, -1)]) {
    const { start, end } = hoursWindow(day, contractor);
    const open = start <= now && now < end && start >= toInstant(notBefore);
    if (open && isScheduled(day, contractor, extraDaysOff)) return day;
  }
  return null;
}

/**
 * The scheduled working days whose hours ended in (`after`, `until`]: the days a digest posted at
 * `until` reports on when the previous digest was posted at `after`.
 */
export function scheduledDaysEndedBetween(
  after: Instant,
  until: Instant,
  contractor: WorkingPattern,
  extraDaysOff: readonly string[] = [],
): string[] {
  const [from, to] = [toInstant(after), toInstant(until)];
  const days: string[] = [];
  const last = localDateOf(to, contractor.timezone);
  for (let day = addDays(localDateOf(from, contractor.timezone), -1); day <= last; day = addDays(day, 1)) {
    const { end } = hoursWindow(day, contractor);
    if (from < end && end <= to && isScheduled(day, contractor, extraDaysOff)) days.push(day);
  }
  return days;
}
