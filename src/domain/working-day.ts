import { DateTime } from "luxon";
import { minutesOf, type Contractor, type Weekday, WEEKDAYS } from "../config/schema.js";
import { memoize } from "./memoize.js";

/** The part of a contractor's config that working-day math needs. */
export type WorkingPattern = Pick<Contractor, "timezone" | "hours" | "workdays" | "day_boundary" | "days_off">;

export interface HoursWindow {
  /** Start of hours on the working day, in the contractor's zone. */
  start: DateTime;
  /** End of hours; on the next calendar date when hours cross midnight. */
  end: DateTime;
}

const toInstant = (instant: DateTime | string): DateTime =>
  typeof instant === "string" ? DateTime.fromISO(instant, { setZone: true }) : instant;

// Stored instants are UTC ("…Z"), which Date.parse reads exactly and ~50 times faster than luxon: this sorts every digest's events.
export const millis = (instant: string): number =>
  instant.endsWith("Z") ? Date.parse(instant) : DateTime.fromISO(instant, { setZone: true }).toMillis();

// Keys are "<date> <clock> <zone>" and "<date> <days>": neither dates, clocks nor IANA zone names hold a space.
const localTimes = memoize((key) => {
  const [date, clock, zone] = key.split(" ") as [string, string, string];
  return DateTime.fromISO(`${date}T${clock}`, { zone });
});
const shiftedDates = memoize((key) => {
  const [date, days] = key.split(" ") as [string, string];
  return DateTime.fromISO(date, { zone: "UTC" }).plus({ days: Number(days) }).toISODate()!;
});
const weekdays = memoize((date) => WEEKDAYS[DateTime.fromISO(date, { zone: "UTC" }).weekday - 1]!);
const wallMinutes = (instant: DateTime): number => instant.hour * 60 + instant.minute;
const dayStarts = memoize((key) => {
  const [date, boundary, zone] = key.split(" ") as [string, string, string];
  let start = atLocal(date, boundary, zone);
  if (wallMinutes(start) === minutesOf(boundary)) return start;
  // Inside a DST gap luxon moves the time forward by the gap; the day begins where the clocks jumped past it.
  for (let before = start.minus({ minutes: 1 }); before.toISODate() === date && wallMinutes(before) >= minutesOf(boundary); before = before.minus({ minutes: 1 })) {
    start = before;
  }
  return start;
});

/** Wall-clock time `clock` ("HH:MM") on calendar `date` in `zone`; a time skipped by DST moves forward. */
export function atLocal(date: string, clock: string, zone: string): DateTime {
  return localTimes(`${date} ${clock} ${zone}`);
}

/** Calendar date `days` after `date` (both YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return shiftedDates(`${date} ${days}`);
}

export function weekdayOf(date: string): Weekday {
  return weekdays(date);
}

/** Working day (YYYY-MM-DD) of an instant: the local date, or the day before when the local time is before day_boundary. */
export function workingDayOf(instant: DateTime | string, pattern: Pick<WorkingPattern, "timezone" | "day_boundary">): string {
  const local = toInstant(instant).setZone(pattern.timezone);
  const beforeBoundary = local.hour * 60 + local.minute < minutesOf(pattern.day_boundary);
  return (beforeBoundary ? local.minus({ days: 1 }) : local).toISODate()!;
}

/** The working hours of day `day`; they end on the next calendar date when they cross midnight. */
export function hoursWindow(day: string, pattern: Pick<WorkingPattern, "timezone" | "hours">): HoursWindow {
  const [from, to] = [pattern.hours.slice(0, 5), pattern.hours.slice(6)];
  const crossesMidnight = minutesOf(to) <= minutesOf(from);
  return {
    start: atLocal(day, from, pattern.timezone),
    end: atLocal(crossesMidnight ? addDays(day, 1) : day, to, pattern.timezone),
  };
}

/**
 * The span of instants that belong to working day `day`: from its day_boundary to the next one, each the
 * first instant at which the wall clock of its date reads the boundary or later, as workingDayOf counts
 * (so where DST skips the boundary, the moment the clocks jump past it).
 */
export function daySpan(day: string, pattern: Pick<WorkingPattern, "timezone" | "day_boundary">): HoursWindow {
  return {
    start: dayStarts(`${day} ${pattern.day_boundary} ${pattern.timezone}`),
    end: dayStarts(`${addDays(day, 1)} ${pattern.day_boundary} ${pattern.timezone}`),
  };
}

/**
 * Whether working day `day` began (at its day_boundary, the start of its span) at or after `since`; any day
 * when `since` is unknown. Days that began before the app first read the config get no end-of-day reminder,
 * no "missing" line and no late update.
 */
export function dayBeganSince(day: string, pattern: Pick<WorkingPattern, "timezone" | "day_boundary">, since: DateTime | string | undefined): boolean {
  return since === undefined || daySpan(day, pattern).start.toMillis() >= (typeof since === "string" ? millis(since) : since.toMillis());
}

/** A day is scheduled when it is one of the workdays and not a day off. */
export function isScheduled(day: string, pattern: Pick<WorkingPattern, "workdays" | "days_off">, extraDaysOff: readonly string[] = []): boolean {
  return pattern.workdays.includes(weekdayOf(day)) && !pattern.days_off.includes(day) && !extraDaysOff.includes(day);
}
