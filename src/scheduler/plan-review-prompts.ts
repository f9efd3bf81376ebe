import type { HandoffConfig } from "../config/schema.js";
import type { DigestEvent } from "../domain/events.js";
import { waitingForReview, type WaitingReview } from "../domain/prompt-answers.js";
import { pullRequestKey, pullRequestStates, type PullRequestState } from "../domain/pull-request-state.js";
import { promptCandidates, reviewPrompts, type ReviewPrompt } from "../domain/review-prompts.js";
import { pullRequestEvents } from "../store/pull-request-events-store.js";
import { promptsAsOf } from "./prompts-as-of.js";
import type { TickContext } from "./tick-context.js";

export interface ReviewPlan {
  /** The prompts to post once the digest issue exists. */
  prompts: ReviewPrompt[];
  /** The digest's "Waiting for review" section, these prompts included. */
  waiting: WaitingReview[];
}

/**
 * Decides the review prompts of a digest from its events. A pull request's state comes from its latest
 * recorded pull_request event; only one known from comments alone is read from GitHub (one call each).
 * `config` holds the `/handoff off` days (EndOfDayState.config), so that deadlines skip them too.
 */
export async function planReviewPrompts(
  ctx: TickContext,
  config: HandoffConfig,
  teamDate: string,
  events: readonly DigestEvent[],
  at: string,
): Promise<ReviewPlan> {
  const posted = await promptsAsOf(ctx, at);
  let prompts: ReviewPrompt[] = [];
  if (config.review_prompts.enabled) {
    const repos = [...new Set(events.map((event) => event.repo))];
    const known = pullRequestStates(await pullRequestEvents(ctx.db, ctx.installationId, repos));
    const candidates = promptCandidates({ config, events, known });
    const states = new Map<string, PullRequestState>(known);
    for (const candidate of candidates) {
      const key = pullRequestKey(candidate.repo, candidate.number);
      const fetched = states.has(key) ? null : await ctx.github.getPullRequest(candidate.repo, candidate.number);
      if (fetched) states.set(key, fetched);
    }
    const previous = new Map<string, { teamDate: string; url: string | null }>();
    for (const prompt of [...posted].sort((a, b) => a.teamDate.localeCompare(b.teamDate))) {
      if (prompt.teamDate < teamDate) previous.set(pullRequestKey(prompt.repo, prompt.number), { teamDate: prompt.teamDate, url: prompt.promptUrl });
    }
    prompts = reviewPrompts({ config, teamDate, at, candidates, states, previous });
  }
  return { prompts, waiting: waitingForReview(posted, at, config.team, prompts) };
}
