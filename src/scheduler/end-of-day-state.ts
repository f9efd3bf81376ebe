import type { HandoffConfig } from "../config/schema.js";
import { daysOffRequests, extraDaysOff, withExtraDaysOff, type DaysOffRequest } from "../domain/days-off-commands.js";
import type { LogIssue } from "../domain/end-of-day.js";
import { commentsOnOrMentioning } from "../store/end-of-day-store.js";
import { recordedLogIssues, type LogIssueRecord } from "../store/log-issues-store.js";
import type { TickContext } from "./tick-context.js";

/** What reminders and the digest need to know about log issues and days off, derived from the store at tick time. */
export interface EndOfDayState {
  /** Every log issue opened, current and retired. */
  records: LogIssueRecord[];
  /** The same, as the domain recognises updates on them. */
  logIssues: LogIssue[];
  daysOffRequests: DaysOffRequest[];
  /** The config with the `/handoff off` days added to each contractor's `days_off`. */
  config: HandoffConfig;
}

export const logRepoOf = (ctx: Pick<TickContext, "account">, config: HandoffConfig): string => `${ctx.account}/${config.digest.repository}`;

/** Reads the log issues from the posts, and the `/handoff off` commands from the comments recorded on them. */
export async function loadEndOfDayState(ctx: Pick<TickContext, "db" | "installationId">, config: HandoffConfig): Promise<EndOfDayState> {
  const records = await recordedLogIssues(ctx.db, ctx.installationId);
  const logIssues = records.map((record) => ({ login: record.login, repo: record.repo, number: record.number }));
  const comments = await commentsOnOrMentioning(ctx.db, {
    installationId: ctx.installationId,
    logins: config.contractors.map((contractor) => contractor.login),
    numbers: [...new Set(records.map((record) => record.number))],
    needles: [],
    containing: "/handoff",
  });
  const requests = daysOffRequests(comments, config.contractors, logIssues);
  return { records, logIssues, daysOffRequests: requests, config: withExtraDaysOff(config, extraDaysOff(requests)) };
}
