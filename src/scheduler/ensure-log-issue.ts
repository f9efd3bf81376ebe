import type { HandoffConfig } from "../config/schema.js";
import { sameLogin, sortedByTime } from "../domain/end-of-day.js";
import { LOG_LABEL, logIssueBody, logIssueMarker, logIssueTitle } from "../domain/log-issue.js";
import { issueStateEvents } from "../store/end-of-day-store.js";
import { logIssueKey, retireLogIssue, type LogIssueRecord } from "../store/log-issues-store.js";
import { logRepoOf } from "./end-of-day-state.js";
import { postOnce } from "./post-once.js";
import type { TickContext } from "./tick-context.js";

export interface OpenLogIssue {
  repo: string;
  number: number;
  url: string;
}

/** The log issue's latest recorded state change is `issues.closed` (a reopened one is used again), or it is in another repository than the config's now. */
async function isReplaced(ctx: TickContext, record: LogIssueRecord, repo: string): Promise<boolean> {
  if (record.repo.toLowerCase() !== repo.toLowerCase()) return true;
  const events = await issueStateEvents(ctx.db, { installationId: ctx.installationId, numbers: [record.number] });
  const latest = sortedByTime(events.filter((event) => event.kind === "issue" && event.repo.toLowerCase() === repo.toLowerCase())).at(-1);
  return latest?.kind === "issue" && latest.data.action === "closed";
}

/**
 * The contractor's open log issue, opened the first time it is needed (exactly once, through postOnce on
 * `log:<login>`; a retry finds it by marker and label). One that was closed is replaced by a new one.
 * Null while another process is opening it.
 */
export async function ensureLogIssue(ctx: TickContext, config: HandoffConfig, login: string, records: readonly LogIssueRecord[]): Promise<OpenLogIssue | null> {
  const repo = logRepoOf(ctx, config);
  const current = records.find((record) => record.current && sameLogin(record.login, login));
  if (current && !(await isReplaced(ctx, current, repo))) return { repo: current.repo, number: current.number, url: current.url };
  if (current) await retireLogIssue(ctx.db, ctx.installationId, current);

  const outcome = await postOnce(ctx, logIssueKey(login), {
    find: async () => {
      const found = await ctx.github.findIssueByMarker(repo, logIssueMarker(login), { state: "open", labels: [LOG_LABEL.name] });
      return found && { repo, ...found };
    },
    create: async () => {
      await ctx.github.ensureLabel(repo, LOG_LABEL);
      const created = await ctx.github.createIssue(repo, { title: logIssueTitle(login), body: logIssueBody(login), labels: [LOG_LABEL.name] });
      ctx.log.info({ installation: ctx.installationId, login, issue: created.number }, `opened the log issue of ${login}`);
      return { repo, ...created };
    },
  });
  if (outcome.status === "busy") return null;
  const issue = outcome.status === "posted" ? outcome.target : (outcome.detail as unknown as OpenLogIssue);
  return { repo: issue.repo, number: issue.number, url: issue.url };
}

/** A comment on a deleted issue fails with 404 or 410. */
export const isGone = (error: unknown): boolean => [404, 410].includes((error as { status?: number }).status ?? 0);
