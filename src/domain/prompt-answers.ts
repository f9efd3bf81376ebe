import type { Team } from "../config/schema.js";
import { byTime, sameLogin } from "./end-of-day.js";
import { millis } from "./working-day.js";
import type { RecordedEvent } from "./events.js";
import { pullRequestKey } from "./pull-request-state.js";
import type { ReviewPrompt } from "./review-prompts.js";
import { teamWorkingMinutes } from "./team-hours.js";

export interface PromptAnswer {
  by: string;
  at: string;
  url: string | null;
}

/** A review prompt as posted, with what became of it. */
export interface PostedPrompt {
  /** The post's key, `prompt:<repo>#<n>:<date>`. */
  key: string;
  repo: string;
  number: number;
  title: string;
  /** The pull request's URL. */
  url: string | null;
  teamDate: string;
  contractor: string;
  postedAt: string;
  promptUrl: string | null;
  /** The first review or comment by someone other than the contractor after the prompt. */
  answer: PromptAnswer | null;
  /** When the pull request was closed or merged after the prompt. */
  closedAt: string | null;
}

/** A prompted pull request with no answer yet. */
export interface WaitingReview {
  repo: string;
  number: number;
  title: string;
  url: string | null;
  contractor: string;
  /** The earliest unanswered prompt of the pull request. */
  promptedAt: string;
  promptUrl: string | null;
  /** Team working minutes (team-hours.ts) from the prompt to the instant asked about. */
  waitedMinutes: number;
  /** Prompted by the digest that lists it. */
  isNew: boolean;
}

export const isBot = (login: string): boolean => /\[bot\]$/i.test(login);

const onPullRequest = (prompt: Pick<PostedPrompt, "repo" | "number">, event: RecordedEvent): boolean =>
  event.number === prompt.number && event.repo.toLowerCase() === prompt.repo.toLowerCase();

/** The first review, inline comment or comment on the pull request after the prompt by someone other than the contractor and not a bot. */
export function answerOf(prompt: PostedPrompt, events: readonly RecordedEvent[]): PromptAnswer | null {
  const answer = [...events]
    .sort(byTime)
    .find(
      (event) =>
        (event.kind === "review" || event.kind === "review_comment" || event.kind === "comment") &&
        onPullRequest(prompt, event) &&
        millis(event.occurredAt) > millis(prompt.postedAt) &&
        !sameLogin(event.actor, prompt.contractor) &&
        !isBot(event.actor),
    );
  return answer ? { by: answer.actor, at: answer.occurredAt, url: answer.url } : null;
}

/** When the pull request was closed or merged after the prompt; null while it is open. */
export function closedAfter(prompt: PostedPrompt, events: readonly RecordedEvent[]): string | null {
  const closed = [...events]
    .sort(byTime)
    .find(
      (event) =>
        event.kind === "pull_request" &&
        (event.data.action === "closed" || event.data.action === "merged") &&
        onPullRequest(prompt, event) &&
        millis(event.occurredAt) >= millis(prompt.postedAt),
    );
  return closed?.occurredAt ?? null;
}

/** The prompts with their answer and closing filled in from `events` where they were still open. */
export function resolvePrompts(prompts: readonly PostedPrompt[], events: readonly RecordedEvent[]): PostedPrompt[] {
  // Each prompt looks at its own pull request's events only: there may be hundreds of prompts and of thousands of events.
  const byPullRequest = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    if (event.number === null) continue;
    const key = pullRequestKey(event.repo, event.number);
    const list = byPullRequest.get(key);
    if (list) list.push(event);
    else byPullRequest.set(key, [event]);
  }
  return prompts.map((prompt) => {
    const own = byPullRequest.get(pullRequestKey(prompt.repo, prompt.number)) ?? [];
    return { ...prompt, answer: prompt.answer ?? answerOf(prompt, own), closedAt: prompt.closedAt ?? closedAfter(prompt, own) };
  });
}

export const isWaiting = (prompt: PostedPrompt): boolean => prompt.answer === null && prompt.closedAt === null;

/**
 * Each pull request with an unanswered prompt on an open PR, once, since its earliest such prompt,
 * longest waiting first; `planned` prompts (of the digest being posted) count from `at`.
 */
export function waitingForReview(
  prompts: readonly PostedPrompt[],
  at: string,
  team: Pick<Team, "timezone" | "workdays">,
  planned: readonly ReviewPrompt[] = [],
): WaitingReview[] {
  const waiting = new Map<string, WaitingReview>();
  const sorted = prompts.filter(isWaiting).sort((a, b) => millis(a.postedAt) - millis(b.postedAt));
  for (const prompt of sorted) {
    const key = pullRequestKey(prompt.repo, prompt.number);
    if (waiting.has(key)) continue;
    const { repo, number, title, url, contractor, promptUrl } = prompt;
    waiting.set(key, { repo, number, title, url, contractor, promptedAt: prompt.postedAt, promptUrl, waitedMinutes: teamWorkingMinutes(prompt.postedAt, at, team), isNew: false });
  }
  for (const prompt of planned) {
    const key = pullRequestKey(prompt.repo, prompt.number);
    if (waiting.has(key)) continue;
    const { repo, number, title, url, contractor } = prompt;
    waiting.set(key, { repo, number, title, url, contractor, promptedAt: at, promptUrl: null, waitedMinutes: 0, isNew: true });
  }
  return [...waiting.values()];
}
