import { DateTime } from "luxon";
import type { Contractor, HandoffConfig } from "../config/schema.js";
import { nextBrief, nextDigest, nextReminder, toInstant, type Instant } from "./schedule.js";
import { workingDayOf } from "./working-day.js";

/** One contractor's line of `handoff schedule --json`; a "next" is null when that post is turned off or never comes. */
export interface ContractorSchedule {
  login: string;
  timezone: string;
  working_day: string;
  next_brief: string | null;
  next_reminder: string | null;
}

/** The `handoff schedule --json` shape; instants are UTC ISO-8601. */
export interface ScheduleReport {
  at: string;
  team: { timezone: string; next_digest: string };
  contractors: ContractorSchedule[];
}

/** Extra days off per contractor login (from `/handoff off`), on top of the configured `days_off`. */
export type ExtraDaysOff = Readonly<Record<string, readonly string[]>>;

const utcIso = (instant: DateTime | null): string | null => instant?.toUTC().toISO() ?? null;

/** What is scheduled next at `at`: the team's digest and, per contractor, their working day, brief and reminder. */
export function scheduleReport(config: HandoffConfig, at: Instant, extraDaysOff: ExtraDaysOff = {}): ScheduleReport {
  const instant = toInstant(at);
  return {
    at: utcIso(instant)!,
    team: { timezone: config.team.timezone, next_digest: utcIso(nextDigest(instant, config.team))! },
    contractors: config.contractors.map((contractor) => contractorSchedule(config, contractor, instant, extraDaysOff[contractor.login] ?? [])),
  };
}

function contractorSchedule(config: HandoffConfig, contractor: Contractor, at: DateTime, extraDaysOff: readonly string[]): ContractorSchedule {
  const { remind, remind_after_minutes } = config.end_of_day;
  return {
    login: contractor.login,
    timezone: contractor.timezone,
    working_day: workingDayOf(at, contractor),
    next_brief: config.start_of_day_brief.enabled ? utcIso(nextBrief(at, contractor, extraDaysOff)) : null,
    next_reminder: remind ? utcIso(nextReminder(at, contractor, remind_after_minutes, extraDaysOff)) : null,
  };
}

const FORMAT = "ccc d LLL HH:mm ZZZZ";

/** `iso` in `zone`, e.g. "Fri 30 Oct 09:00 GMT+7". */
function inZone(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).setLocale("en-US").toFormat(FORMAT);
}

/** `iso` in the contractor's zone and, in parentheses, in the team's zone. */
function inBothZones(iso: string | null, contractorZone: string, teamZone: string): string {
  return iso === null ? "none" : `${inZone(iso, contractorZone)} (${inZone(iso, teamZone)})`;
}

/** The schedule as short text for people: the digest in the team zone, each contractor's times in both zones. */
export function renderScheduleText(report: ScheduleReport): string {
  const teamZone = report.team.timezone;
  const lines = [
    `At ${inZone(report.at, teamZone)} (${teamZone})`,
    `Next digest: ${inZone(report.team.next_digest, teamZone)}`,
  ];
  for (const c of report.contractors) {
    lines.push(
      "",
      `${c.login} (${c.timezone})`,
      `  working day:   ${DateTime.fromISO(c.working_day, { zone: "UTC" }).setLocale("en-US").toFormat("ccc d LLL yyyy")}`,
      `  next brief:    ${inBothZones(c.next_brief, c.timezone, teamZone)}`,
      `  next reminder: ${inBothZones(c.next_reminder, c.timezone, teamZone)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
