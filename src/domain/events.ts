/** Normalised events, recorded from webhooks. Times are ISO-8601 instants taken from the payload. */

export type PullRequestAction =
  | "opened"
  | "reopened"
  | "ready_for_review"
  | "converted_to_draft"
  | "closed"
  | "merged"
  | "review_requested";

export interface CommitData {
  sha: string;
  /** First line of the commit message. */
  message: string;
  branch: string;
  /** Login of who pushed; may differ from the event's actor (the commit author). */
  pusher: string;
}

export interface PullRequestData {
  action: PullRequestAction;
  title: string;
  draft: boolean;
  headBranch: string;
  requestedReviewers: string[];
  /** Requested teams as "org/slug". */
  requestedTeams: string[];
}

export interface ReviewData {
  /** "approved" | "changes_requested" | "commented" | "dismissed" */
  state: string;
  body: string;
  title: string;
}

export interface ReviewCommentData {
  body: string;
  title: string;
  path: string;
}

export interface CommentData {
  body: string;
  /** Title of the issue or pull request the comment is on. */
  title: string;
  onPullRequest: boolean;
}

export interface IssueData {
  action: "opened" | "closed";
  title: string;
}

interface Base<K extends string, D> {
  /** Unique per installation: dedupes redeliveries and commits seen on several branches; edits replace by key. */
  key: string;
  kind: K;
  /** Login of who acted: the commit's author (or its pusher), the PR/review/comment author. */
  actor: string;
  /** "owner/name" */
  repo: string;
  /** Issue or pull request number; null for commits. */
  number: number | null;
  /** Author of the issue or pull request the event is on, when there is one. */
  subjectAuthor: string | null;
  occurredAt: string;
  url: string | null;
  data: D;
}

export type CommitEvent = Base<"commit", CommitData>;
export type PullRequestEvent = Base<"pull_request", PullRequestData>;
export type ReviewEvent = Base<"review", ReviewData>;
export type ReviewCommentEvent = Base<"review_comment", ReviewCommentData>;
export type CommentEvent = Base<"comment", CommentData>;
export type IssueEvent = Base<"issue", IssueData>;

export type NewEvent = CommitEvent | PullRequestEvent | ReviewEvent | ReviewCommentEvent | CommentEvent | IssueEvent;
export type EventKind = NewEvent["kind"];

/** An event as read back from the store. */
export type RecordedEvent = NewEvent & {
  id: number;
  /** When the webhook arrived; decides only which digest a late event lands in. */
  recordedAt: string;
};
