import type { Contractor, HandoffConfig } from "../config/schema.js";
import { buildBrief } from "../domain/brief.js";
import type { Decision } from "../domain/decisions.js";
import type { PostedPrompt } from "../domain/prompt-answers.js";
import { briefMarker, renderBrief } from "../domain/render-brief.js";
import { briefDue, previousScheduledDay } from "../domain/schedule.js";
import { hoursWindow } from "../domain/working-day.js";
import { finishedPostKeys, retireLogIssue } from "../store/log-issues-store.js";
import { claimPost, finishPost } from "../store/posts-store.js";
import { conversationEvents } from "../store/pull-request-events-store.js";
import { loadEndOfDayState, type EndOfDayState } from "./end-of-day-state.js";
import { ensureLogIssue, isGone } from "./ensure-log-issue.js";
import { loadDecisions } from "./load-decisions.js";
import { postOnce } from "./post-once.js";
import { promptsAsOf } from "./prompts-as-of.js";
import { LEASE_MS, type TickContext } from "./tick-context.js";

export type BriefOutcome =
  | { login: string; day: string; result: "posted" | "skipped" | "busy" }
  | { login: string; day: string; result: "failed"; error: string };

/** Every brief's post key starts so. */
export const BRIEF_POSTS = "brief:";
/** The post key of a contractor's brief for working day `day`. */
export const briefKey = (login: string, day: string): string => `${BRIEF_POSTS}${login.toLowerCase()}:${day}`;

/** Records that day `key` had nothing to brief, so that later ticks of the same day decide nothing again. */
async function recordNoBrief(ctx: TickContext, key: string): Promise<void> {
  const ref = { installationId: ctx.installationId, key };
  const claim = await claimPost(ctx.db, { ...ref, owner: ctx.owner, now: ctx.now, leaseMs: LEASE_MS });
  if (claim.status === "claimed") await finishPost(ctx.db, { ...ref, state: "skipped", now: ctx.now, detail: {} });
}

interface BriefSources {
  state: EndOfDayState;
  prompts: PostedPrompt[];
  decisions: Decision[];
  firstConfigAt: string;
}

async function brief(ctx: TickContext, sources: BriefSources, contractor: Contractor, day: string): Promise<BriefOutcome> {
  const { config } = sources.state;
  const key = briefKey(contractor.login, day);
  const previous = previousScheduledDay(day, contractor);
  const since = previous === null ? sources.firstConfigAt : hoursWindow(previous, contractor).end.toUTC().toISO()!;
  const events = await conversationEvents(ctx.db, { installationId: ctx.installationId, after: since, upTo: ctx.now });
  const content = buildBrief({ contractor, team: config.team, day, since, at: ctx.now, events, prompts: sources.prompts, decisions: sources.decisions });
  if (content === null) {
    await recordNoBrief(ctx, key);
    return { login: contractor.login, day, result: "skipped" };
  }

  const logIssue = await ensureLogIssue(ctx, config, contractor.login, sources.state.records);
  if (logIssue === null) return { login: contractor.login, day, result: "busy" };
  try {
    const outcome = await postOnce(ctx, key, {
      find: async () => (await ctx.github.findCommentsByMarker(logIssue.repo, logIssue.number, briefMarker(contractor.login, day)))[0] ?? null,
      create: () => ctx.github.createComment(logIssue.repo, logIssue.number, renderBrief(content)),
    });
    return { login: contractor.login, day, result: outcome.status === "busy" ? "busy" : "posted" };
  } catch (error) {
    // The log issue was deleted: the next tick opens a new one and posts the brief there.
    const record = sources.state.records.find((candidate) => candidate.current && candidate.number === logIssue.number);
    if (isGone(error) && record) await retireLogIssue(ctx.db, ctx.installationId, record);
    throw error;
  }
}

/**
 * Posts each contractor's start-of-day brief that is due at `ctx.now`, once per contractor and working day,
 * on their log issue. Whether anything came in is decided at the first tick of the day's hours.
 */
export async function postBriefs(ctx: TickContext, config: HandoffConfig, firstConfigAt: string): Promise<BriefOutcome[]> {
  if (!config.start_of_day_brief.enabled) return [];
  const pending: string[] = [];
  for (const contractor of config.contractors) {
    const day = briefDue(ctx.now, contractor, firstConfigAt);
    const key = day === null ? null : briefKey(contractor.login, day);
    if (key !== null && !(await finishedPostKeys(ctx.db, ctx.installationId, key)).has(key)) pending.push(contractor.login);
  }
  if (pending.length === 0) return [];

  const state = await loadEndOfDayState(ctx, config);
  const sources: BriefSources = {
    state,
    prompts: await promptsAsOf(ctx, ctx.now),
    decisions: await loadDecisions(ctx, state.config, state.logIssues),
    firstConfigAt,
  };
  const outcomes: BriefOutcome[] = [];
  // `state.config` carries the `/handoff off` days: a day off gets no brief.
  for (const contractor of state.config.contractors.filter((c) => pending.includes(c.login))) {
    const day = briefDue(ctx.now, contractor, firstConfigAt);
    if (day === null) continue;
    try {
      outcomes.push(await brief(ctx, sources, contractor, day));
    } catch (error) {
      // One contractor's failure does not hold up the others' briefs.
      const message = error instanceof Error ? error.message : String(error);
      ctx.log.warn({ installation: ctx.installationId, login: contractor.login, err: error }, `brief for ${contractor.login} failed; retried at the next tick`);
      outcomes.push({ login: contractor.login, day, result: "failed", error: message });
    }
  }
  return outcomes;
}
