import { DateTime } from "luxon";
import type { Contractor } from "../config/schema.js";
import type { RecordedEvent } from "./events.js";
import { workingDayOf } from "./working-day.js";

/** A contractor's log issue; `repo` is "owner/name" or the name alone (`digest.repository`). */
export interface LogIssue {
  login: string;
  repo: string;
  number: number;
}

const EOD_COMMAND = /^\s*\/eod(?![A-Za-z0-9_-])/i;

export const sameLogin = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** "owner/name" matches "owner/name" or the bare "name". */
function sameRepo(eventRepo: string, issueRepo: string): boolean {
  const a = eventRepo.toLowerCase();
  const b = issueRepo.toLowerCase();
  return a === b || (!b.includes("/") && a.split("/")[1] === b);
}

/** True when the comment is on the log issue of its own author. */
export function isOnOwnLogIssue(event: RecordedEvent, logIssues: readonly LogIssue[]): boolean {
  return (
    event.kind === "comment" &&
    logIssues.some((issue) => sameLogin(issue.login, event.actor) && issue.number === event.number && sameRepo(event.repo, issue.repo))
  );
}

/**
 * An end-of-day update: a comment on its author's log issue, or any comment starting with
 * `/eod`. Whether the author is a contractor is for the caller to check.
 */
export function isEndOfDayUpdate(event: RecordedEvent, logIssues: readonly LogIssue[]): boolean {
  return event.kind === "comment" && (EOD_COMMAND.test(event.data.body) || isOnOwnLogIssue(event, logIssues));
}

/** The contractor's end-of-day updates by working day (ascending), each day's in time order. */
export function updatesByDay(
  events: readonly RecordedEvent[],
  contractor: Pick<Contractor, "login" | "timezone" | "day_boundary">,
  logIssues: readonly LogIssue[],
): Map<string, RecordedEvent[]> {
  const updates = events
    .filter((event) => sameLogin(event.actor, contractor.login) && isEndOfDayUpdate(event, logIssues))
    .sort(byTime);
  const days = new Map<string, RecordedEvent[]>();
  for (const update of updates) {
    const day = workingDayOf(update.occurredAt, contractor);
    days.set(day, [...(days.get(day) ?? []), update]);
  }
  return new Map([...days].sort(([a], [b]) => a.localeCompare(b)));
}

/** Time order; ties keep recording order. */
export function byTime(a: RecordedEvent, b: RecordedEvent): number {
  return millis(a.occurredAt) - millis(b.occurredAt) || a.id - b.id;
}

export const millis = (instant: string): number => DateTime.fromISO(instant, { setZone: true }).toMillis();
