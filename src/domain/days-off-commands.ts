import { DateTime } from "luxon";
import type { HandoffConfig } from "../config/schema.js";
import { isOnOwnLogIssue, sameLogin, type LogIssue } from "./end-of-day.js";
import type { RecordedEvent } from "./events.js";
import type { ExtraDaysOff } from "./schedule-report.js";
import { slashCommands } from "./slash-commands.js";
import { addDays } from "./working-day.js";

/** Longest range one command may give, so that a typo in a year cannot switch a contractor off for a decade. */
export const MAX_RANGE_DAYS = 366;
export const DAYS_OFF_USAGE = "`/handoff off YYYY-MM-DD` or `/handoff off YYYY-MM-DD..YYYY-MM-DD`";

/** What one `/handoff` line asks for: all its days, or the problems that stopped it (then no day at all). */
export interface ParsedDaysOff {
  days: string[];
  problems: string[];
}

/** One comment's `/handoff` commands, by the contractor on their log issue. */
export interface DaysOffRequest {
  /** The contractor's login as configured. */
  login: string;
  comment: RecordedEvent;
  commands: (ParsedDaysOff & { line: string })[];
}

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

function dateProblem(text: string): string | null {
  if (!DATE_SHAPE.test(text)) return `${JSON.stringify(text)} is not a date as YYYY-MM-DD`;
  return DateTime.fromISO(text, { zone: "UTC" }).isValid ? null : `${JSON.stringify(text)} is not a calendar date`;
}

function daysOfToken(token: string): ParsedDaysOff {
  const [from = "", to = from, ...extra] = token.split("..");
  if (extra.length > 0 || from === "" || to === "") return { days: [], problems: [`${JSON.stringify(token)} is not a date or a range as YYYY-MM-DD..YYYY-MM-DD`] };
  const problems = [dateProblem(from), to === from ? null : dateProblem(to)].filter((problem): problem is string => problem !== null);
  if (problems.length > 0) return { days: [], problems };
  const length = DateTime.fromISO(to, { zone: "UTC" }).diff(DateTime.fromISO(from, { zone: "UTC" }), "days").days + 1;
  if (length < 1) return { days: [], problems: [`the range ${token} ends before it starts`] };
  if (length > MAX_RANGE_DAYS) return { days: [], problems: [`the range ${token} covers ${length} days; give at most ${MAX_RANGE_DAYS}`] };
  return { days: Array.from({ length }, (_, offset) => addDays(from, offset)), problems: [] };
}

/**
 * Parses the argument of `/handoff`: "off" and one or more dates or ranges. Any problem cancels the whole
 * command; the problems quote the user's text, and the reply adds the usage ({@link DAYS_OFF_USAGE}).
 */
export function parseDaysOff(argument: string): ParsedDaysOff {
  const [verb, ...tokens] = argument.trim().split(/[\s,]+/).filter((token) => token !== "");
  if (verb?.toLowerCase() !== "off") {
    return { days: [], problems: [verb === undefined ? "/handoff needs a command" : `${JSON.stringify(verb)} is not a /handoff command`] };
  }
  if (tokens.length === 0) return { days: [], problems: ["give the day off as YYYY-MM-DD, or a range as YYYY-MM-DD..YYYY-MM-DD"] };
  const parsed = tokens.map(daysOfToken);
  const problems = parsed.flatMap((result) => result.problems);
  return problems.length > 0 ? { days: [], problems } : { days: [...new Set(parsed.flatMap((result) => result.days))].sort(), problems: [] };
}

/** The `/handoff` commands of each contractor comment on that contractor's own log issue, in the order given. */
export function daysOffRequests(
  comments: readonly RecordedEvent[],
  contractors: readonly { login: string }[],
  logIssues: readonly LogIssue[],
): DaysOffRequest[] {
  return comments.flatMap((comment) => {
    const contractor = contractors.find((candidate) => sameLogin(candidate.login, comment.actor));
    if (comment.kind !== "comment" || !contractor || !isOnOwnLogIssue(comment, logIssues)) return [];
    const commands = slashCommands(comment.data.body)
      .filter((command) => command.name === "handoff")
      .map((command) => ({ line: command.line, ...parseDaysOff(command.argument) }));
    return commands.length > 0 ? [{ login: contractor.login, comment, commands }] : [];
  });
}

/** The days off the requests add, per configured login. */
export function extraDaysOff(requests: readonly DaysOffRequest[]): ExtraDaysOff {
  const days: Record<string, string[]> = {};
  for (const request of requests) {
    days[request.login] = [...new Set([...(days[request.login] ?? []), ...request.commands.flatMap((command) => command.days)])].sort();
  }
  return days;
}

/** The config with the extra days off added to each contractor's `days_off`, for reminders and digests alike. */
export function withExtraDaysOff(config: HandoffConfig, extra: ExtraDaysOff): HandoffConfig {
  return {
    ...config,
    contractors: config.contractors.map((contractor) => ({
      ...contractor,
      days_off: [...new Set([...contractor.days_off, ...(extra[contractor.login] ?? [])])].sort(),
    })),
  };
}
