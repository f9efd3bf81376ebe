import { DateTime } from "luxon";
import type { HandoffConfig } from "../config/schema.js";
import { buildDigest, digestPushes, isEmptyDigest } from "../domain/digest.js";
import { keptPushes } from "../domain/commit-groups.js";
import { digestMarker, digestTitle, mayShowCommits, renderDigest, splitBody } from "../domain/render-digest.js";
import { digestDue } from "../domain/schedule.js";
import { commentsOnOrMentioning } from "../store/end-of-day-store.js";
import { eventsInIdRange, latestEventId, readPushCommits } from "../store/events-store.js";
import { claimPost, finishPost, latestPost, releasePost, savePostDetail } from "../store/posts-store.js";
import { planReviewPrompts } from "./plan-review-prompts.js";
import { postReviewPrompts } from "./post-review-prompts.js";
import { loadDecisions } from "./load-decisions.js";
import { loadEndOfDayState } from "./end-of-day-state.js";
import { LEASE_MS, type TickContext } from "./tick-context.js";

/** What a digest decided when first claimed; a retry posts exactly this. */
interface DigestDecision {
  /** The digest covers the events with an id in (after, cutoff]: after is the previous digest's cutoff. */
  after: number;
  cutoff: number;
  /** Decision instant of the previous digest: "No end-of-day update" lines cover days that ended after it. */
  since: string;
  at: string;
  issue?: { number: number; url: string };
}

const digestKey = (teamDate: string) => `digest:${teamDate}`;

export type DigestOutcome = {
  teamDate: string;
  result: "posted" | "skipped";
  issue?: number;
  /** Review prompts posted at this tick; absent when none. */
  prompts?: number;
} | null;

/** Posts the team date's digest once, at the first tick at or after digest_time. */
export async function postDigest(ctx: TickContext, config: HandoffConfig, firstConfigAt: string): Promise<DigestOutcome> {
  const teamDate = digestDue(ctx.now, config.team);
  if (!teamDate) return null;
  const ref = { installationId: ctx.installationId, key: digestKey(teamDate) };
  const claim = await claimPost(ctx.db, { ...ref, owner: ctx.owner, now: ctx.now, leaseMs: LEASE_MS });
  if (claim.status !== "claimed") return null;
  try {
    const decision = await decide(ctx, teamDate, firstConfigAt, claim.detail);
    return await postClaimedDigest(ctx, config, firstConfigAt, teamDate, claim.attempts, decision);
  } catch (error) {
    await releasePost(ctx.db, { ...ref, owner: ctx.owner, now: ctx.now });
    throw error;
  }
}

async function decide(ctx: TickContext, teamDate: string, firstConfigAt: string, saved: Record<string, unknown>): Promise<DigestDecision> {
  if (typeof saved.cutoff === "number" && typeof saved.after === "number") return saved as unknown as DigestDecision;
  const previous = await latestPost(ctx.db, ctx.installationId, "digest:", digestKey(teamDate));
  const decision: DigestDecision = {
    after: typeof previous?.detail.cutoff === "number" ? previous.detail.cutoff : 0,
    cutoff: await latestEventId(ctx.db, ctx.installationId, ctx.now),
    since: typeof previous?.detail.at === "string" ? previous.detail.at : firstConfigAt,
    at: ctx.now,
  };
  await savePostDetail(ctx.db, { installationId: ctx.installationId, key: digestKey(teamDate), owner: ctx.owner, detail: { ...decision } });
  return decision;
}

async function postClaimedDigest(
  ctx: TickContext,
  config: HandoffConfig,
  firstConfigAt: string,
  teamDate: string,
  attempts: number,
  decision: DigestDecision,
): Promise<DigestOutcome> {
  const ref = { installationId: ctx.installationId, key: digestKey(teamDate) };
  const logins = config.contractors.map((c) => c.login);
  // Pushes come without their commits, read below for the pushes the digest and the prompts show.
  const events = await eventsInIdRange(ctx.db, { installationId: ctx.installationId, after: decision.after, upTo: decision.cutoff, logins });
  // The `/handoff off` days count as days off, in deadlines too; updates on log issues are recognised.
  const endOfDay = await loadEndOfDayState(ctx, config);
  const reviews = await planReviewPrompts(ctx, endOfDay.config, teamDate, events, decision.at);
  // Which days had their update: comments that may be one (`/eod`, or on a log issue), shown in a digest or not.
  const updates = await commentsOnOrMentioning(ctx.db, {
    installationId: ctx.installationId,
    logins,
    numbers: [...new Set(endOfDay.logIssues.map((issue) => issue.number))],
    needles: ["/eod"],
    from: DateTime.fromISO(decision.since).minus({ days: 2 }).toUTC().toISO()!,
    to: decision.at,
  });
  const decisions = await loadDecisions(ctx, config, endOfDay.logIssues);
  const digest = buildDigest({
    config: endOfDay.config,
    teamDate,
    at: decision.at,
    since: decision.since,
    events,
    updates,
    logIssues: endOfDay.logIssues,
    configReadAt: firstConfigAt,
    waitingForReview: reviews.waiting,
    decisions,
  });
  if (isEmptyDigest(digest) && !config.digest.post_when_empty) {
    await finishPost(ctx.db, { ...ref, state: "skipped", now: ctx.now, detail: { ...decision } });
    return { teamDate, result: "skipped" };
  }

  const rendering = { teamZone: config.team.timezone };
  const shownPushes = mayShowCommits(digest, rendering) ? digestPushes(digest) : [];
  await readPushCommits(ctx.db, [...shownPushes, ...reviews.prompts.flatMap((prompt) => keptPushes(prompt.commits))]);
  const repo = `${ctx.account}/${config.digest.repository}`;
  const [body, ...continuations] = splitBody(renderDigest(digest, rendering), { teamDate });
  const issue =
    decision.issue ??
    (attempts > 1 ? await ctx.github.findIssueByMarker(repo, digestMarker(teamDate)) : null) ??
    (await ctx.github.createIssue(repo, { title: digestTitle(teamDate), body: body!, labels: config.digest.labels }));
  await savePostDetail(ctx.db, { ...ref, owner: ctx.owner, detail: { ...decision, issue } });

  // The digest is whole before any prompt goes out. A prompt GitHub refuses then cannot hold back its
  // continuations or the closing of the previous digest; and until its prompts are posted a retry renders
  // the same body ("prompted with this digest"), so it cuts it in the same places. Continuations are posted
  // in order, so after a retry the ones already there are a prefix.
  const posted = attempts > 1 ? (await ctx.github.findCommentsByMarker(repo, issue.number, `<!-- handoff:digest-part date=${teamDate} `)).length : 0;
  for (const part of continuations.slice(posted)) await ctx.github.createComment(repo, issue.number, part);

  const previous = await latestPost(ctx.db, ctx.installationId, "digest:", digestKey(teamDate), ["posted"]);
  const previousIssue = (previous?.detail.issue as { number?: number } | undefined)?.number;
  if (config.digest.close_previous && previousIssue && previousIssue !== issue.number) {
    await ctx.github.updateIssue(repo, previousIssue, { state: "closed" });
  }
  const prompts = await postReviewPrompts(ctx, config, reviews.prompts);
  await finishPost(ctx.db, { ...ref, state: "posted", now: ctx.now, detail: { ...decision, issue } });
  return { teamDate, result: "posted", issue: issue.number, ...(prompts > 0 && { prompts }) };
}
