import type { Contractor } from "../config/schema.js";
import type { DigestEvent } from "./events.js";
import { slashCommands } from "./slash-commands.js";
import { dayBeganSince, hoursWindow, millis, workingDayOf, type WorkingPattern } from "./working-day.js";

/** A contractor's log issue; `repo` is "owner/name" or the name alone (`digest.repository`). */
export interface LogIssue {
  login: string;
  repo: string;
  number: number;
}

const EOD_COMMAND = /^\s*\/eod(?![A-Za-z0-9_-])/i;
/** A log-issue comment that starts with one of these commands is the command, not an update. */
const STARTS_WITH_COMMAND = /^\s*\/(handoff|decision|decided)(?![A-Za-z0-9_-])/i;

/** A log-issue comment that starts with a command, or holds a `/handoff` one ("Out on Friday. /handoff off …"), is not an update. */
const isCommand = (body: string): boolean => STARTS_WITH_COMMAND.test(body) || slashCommands(body).some((command) => command.name === "handoff");

export const sameLogin = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** "owner/name" matches "owner/name" or the bare "name". */
function sameRepo(eventRepo: string, issueRepo: string): boolean {
  const a = eventRepo.toLowerCase();
  const b = issueRepo.toLowerCase();
  return a === b || (!b.includes("/") && a.split("/")[1] === b);
}

/** True when the comment is on the log issue of its own author. */
export function isOnOwnLogIssue(event: DigestEvent, logIssues: readonly LogIssue[]): boolean {
  return (
    event.kind === "comment" &&
    // The number first: it rules out nearly every log issue without comparing text.
    logIssues.some((issue) => issue.number === event.number && sameLogin(issue.login, event.actor) && sameRepo(event.repo, issue.repo))
  );
}

/**
 * An end-of-day update: a comment on its author's log issue (unless it is a command such as
 * `/handoff off`), or any comment starting with `/eod`. Whether the author is a contractor is for the caller to check.
 */
export function isEndOfDayUpdate(event: DigestEvent, logIssues: readonly LogIssue[]): boolean {
  if (event.kind !== "comment") return false;
  return EOD_COMMAND.test(event.data.body) || (isOnOwnLogIssue(event, logIssues) && !isCommand(event.data.body));
}

/** The contractor's end-of-day updates by working day (ascending), each day's in time order. */
export function updatesByDay(
  events: readonly DigestEvent[],
  contractor: Pick<Contractor, "login" | "timezone" | "day_boundary">,
  logIssues: readonly LogIssue[],
): Map<string, DigestEvent[]> {
  const updates = events
    .filter((event) => sameLogin(event.actor, contractor.login) && isEndOfDayUpdate(event, logIssues))
    .sort(byTime);
  const days = new Map<string, DigestEvent[]>();
  for (const update of updates) {
    const day = workingDayOf(update.occurredAt, contractor);
    days.set(day, [...(days.get(day) ?? []), update]);
  }
  return new Map([...days].sort(([a], [b]) => a.localeCompare(b)));
}

/** Time order; ties keep recording order. */
export function byTime(a: DigestEvent, b: DigestEvent): number {
  return millis(a.occurredAt) - millis(b.occurredAt) || a.id - b.id;
}

/**
 * Whether `a` comes no later than `b` in byTime order. Two UTC instants written alike ("…Z", same length)
 * compare as text, with no parsing: the store's are, so a digest's events are checked in one cheap pass.
 */
function inOrder(a: DigestEvent, b: DigestEvent): boolean {
  const x = a.occurredAt;
  const y = b.occurredAt;
  if (x.length === y.length && x.endsWith("Z") && y.endsWith("Z")) return x < y || (x === y && a.id <= b.id);
  return byTime(a, b) <= 0;
}

/** A copy of `events` in byTime order; each instant is read once, not once per comparison. */
export function sortedByTime<E extends DigestEvent>(events: readonly E[]): E[] {
  // The store hands events over in time order, and several steps of a digest ask for that order again.
  let sorted = true;
  for (let i = 1; sorted && i < events.length; i++) sorted = inOrder(events[i - 1]!, events[i]!);
  if (sorted) return events.slice();
  const keyed = events.map((event) => ({ event, at: millis(event.occurredAt) }));
  keyed.sort((a, b) => a.at - b.at || a.event.id - b.event.id);
  return keyed.map(({ event }) => event);
}

/**
 * An update is late when an earlier digest already reported on its working day: the day's hours ended
 * by `since` (the previous digest) and the update was posted after it. Days that began before the app
 * first read the config (`configReadAt`; see dayBeganSince) were never reported on, so their updates are
 * never late.
 */
export function isLateUpdate(
  update: Pick<DigestEvent, "occurredAt">,
  day: string,
  contractor: Pick<WorkingPattern, "timezone" | "hours" | "day_boundary">,
  since: string,
  configReadAt?: string,
): boolean {
  return dayBeganSince(day, contractor, configReadAt) && hoursWindow(day, contractor).end.toMillis() <= millis(since) && millis(update.occurredAt) > millis(since);
}
