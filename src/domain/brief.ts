import type { Contractor, Team } from "../config/schema.js";
import type { Decision } from "./decisions.js";
import { sameLogin, sortedByTime } from "./end-of-day.js";
import { millis } from "./working-day.js";
import type { RecordedEvent } from "./events.js";
import { isBot, waitingForReview, type PostedPrompt, type WaitingReview } from "./prompt-answers.js";
import { pullRequestKey } from "./pull-request-state.js";

export interface BriefInput {
  /** Its `days_off` include those added with `/handoff off`. */
  contractor: Contractor;
  team: Pick<Team, "timezone" | "workdays">;
  /** The working day the brief opens. */
  day: string;
  /** End of the contractor's previous working day's hours: feedback after it counts. */
  since: string;
  /** The posting instant. */
  at: string;
  /** Reviews, comments and pull_request events of the installation that occurred in (since, at]. */
  events: readonly RecordedEvent[];
  /** Every prompt, answers and closings resolved as of `at`. */
  prompts: readonly PostedPrompt[];
  /** Decisions with their answers (decisions.ts). */
  decisions: readonly Decision[];
}

export interface FeedbackItem {
  kind: "review" | "review_comment" | "comment";
  actor: string;
  /** Review state ("approved", "changes_requested", "commented", "dismissed"); null for comments. */
  state: string | null;
  body: string;
  /** File of an inline comment. */
  path: string | null;
  url: string | null;
  at: string;
}

export interface BriefPullRequest {
  repo: string;
  number: number;
  title: string;
  url: string | null;
  /** In time order. */
  feedback: FeedbackItem[];
  /** Merged or closed by someone else. */
  closed: { by: string; merged: boolean; at: string } | null;
}

export interface Brief {
  login: string;
  timezone: string;
  day: string;
  since: string;
  at: string;
  pullRequests: BriefPullRequest[];
  decisionsAnswered: Decision[];
  /** The contractor's prompted pull requests that nobody has answered. */
  unanswered: WaitingReview[];
}

// An event's URL is the PR's with a fragment (#pullrequestreview-…, #discussion_r…, #issuecomment-…).
const pullRequestUrl = (event: RecordedEvent): string | null => event.url?.replace(/#.*$/, "") ?? null;

const feedbackOf = (event: RecordedEvent): FeedbackItem | null => {
  if (event.kind === "review") return { kind: event.kind, actor: event.actor, state: event.data.state, body: event.data.body, path: null, url: event.url, at: event.occurredAt };
  if (event.kind === "review_comment") return { kind: event.kind, actor: event.actor, state: null, body: event.data.body, path: event.data.path, url: event.url, at: event.occurredAt };
  if (event.kind === "comment" && event.data.onPullRequest) return { kind: event.kind, actor: event.actor, state: null, body: event.data.body, path: null, url: event.url, at: event.occurredAt };
  return null;
};

/**
 * What came in for a contractor since their previous working day ended: feedback by others on their pull
 * requests (authored, or prompted for them) with merges and closings, and their decisions answered. Null
 * when nothing came in; the prompts still unanswered are listed, but alone they make no brief.
 */
export function buildBrief(input: BriefInput): Brief | null {
  const { contractor } = input;
  const login = contractor.login;
  const [since, at] = [millis(input.since), millis(input.at)];
  const inWindow = (instant: string) => millis(instant) > since && millis(instant) <= at;
  const prompted = new Set(input.prompts.filter((prompt) => sameLogin(prompt.contractor, login)).map((prompt) => pullRequestKey(prompt.repo, prompt.number)));
  const isTheirs = (event: RecordedEvent) =>
    event.number !== null && ((event.subjectAuthor !== null && sameLogin(event.subjectAuthor, login)) || prompted.has(pullRequestKey(event.repo, event.number)));

  const pullRequests = new Map<string, BriefPullRequest>();
  const entryOf = (event: RecordedEvent & { number: number }): BriefPullRequest => {
    const key = pullRequestKey(event.repo, event.number);
    const title = "title" in event.data ? event.data.title : "";
    return pullRequests.get(key) ?? pullRequests.set(key, { repo: event.repo, number: event.number, title, url: pullRequestUrl(event), feedback: [], closed: null }).get(key)!;
  };
  for (const event of sortedByTime(input.events)) {
    if (!isTheirs(event) || !inWindow(event.occurredAt) || sameLogin(event.actor, login) || isBot(event.actor)) continue;
    const numbered = event as RecordedEvent & { number: number };
    const feedback = feedbackOf(event);
    if (feedback) entryOf(numbered).feedback.push(feedback);
    if (event.kind === "pull_request" && (event.data.action === "merged" || event.data.action === "closed")) {
      entryOf(numbered).closed = { by: event.actor, merged: event.data.action === "merged", at: event.occurredAt };
    }
  }

  const decisionsAnswered = input.decisions.filter(
    (decision) => sameLogin(decision.asker, login) && decision.answer !== null && inWindow(decision.answer.at),
  );
  if (pullRequests.size === 0 && decisionsAnswered.length === 0) return null;
  const theirPrompts = input.prompts.filter((prompt) => sameLogin(prompt.contractor, login));
  return {
    login,
    timezone: contractor.timezone,
    day: input.day,
    since: input.since,
    at: input.at,
    pullRequests: [...pullRequests.values()],
    decisionsAnswered,
    unanswered: waitingForReview(theirPrompts, input.at, input.team),
  };
}
