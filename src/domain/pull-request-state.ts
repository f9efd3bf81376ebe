import { byTime } from "./end-of-day.js";
import type { PullRequestEvent, RecordedEvent } from "./events.js";

/** What review prompts need to know of a pull request right now. */
export interface PullRequestState {
  repo: string;
  number: number;
  title: string;
  url: string | null;
  /** Login of the author; null when unknown. */
  author: string | null;
  open: boolean;
  draft: boolean;
  headBranch: string;
  requestedReviewers: string[];
  /** Requested teams as "org/slug". */
  requestedTeams: string[];
}

/** Identifies a pull request across events, posts and API answers (repository names are case-insensitive). */
export const pullRequestKey = (repo: string, number: number): string => `${repo.toLowerCase()}#${number}`;

export const isPullRequestEvent = (event: RecordedEvent): event is RecordedEvent & PullRequestEvent => event.kind === "pull_request";

/** The state a recorded pull_request event shows. */
export function stateOfEvent(event: RecordedEvent & PullRequestEvent): PullRequestState {
  const { data } = event;
  return {
    repo: event.repo,
    number: event.number ?? 0,
    title: data.title,
    url: event.url,
    author: event.subjectAuthor,
    open: data.action !== "closed" && data.action !== "merged",
    draft: data.draft,
    headBranch: data.headBranch,
    requestedReviewers: data.requestedReviewers,
    requestedTeams: data.requestedTeams,
  };
}

/** Each pull request's state as its latest recorded pull_request event shows it, by `pullRequestKey`. */
export function pullRequestStates(events: readonly RecordedEvent[]): Map<string, PullRequestState> {
  const states = new Map<string, PullRequestState>();
  for (const event of events.filter(isPullRequestEvent).sort(byTime)) {
    if (event.number !== null) states.set(pullRequestKey(event.repo, event.number), stateOfEvent(event));
  }
  return states;
}
