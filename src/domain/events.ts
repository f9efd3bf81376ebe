/** Normalised events, recorded from webhooks. Times are ISO-8601 instants taken from the payload. */

export type PullRequestAction =
  | "opened"
  | "reopened"
  | "ready_for_review"
  | "converted_to_draft"
  | "closed"
  | "merged"
  | "review_requested";

export interface PushedCommit {
  sha: string;
  /** First line of the commit message. */
  message: string;
}

/** One push's commits by one author: a push of many commits is one event, not one per commit. */
export interface PushData {
  branch: string;
  /** Login of who pushed; may differ from the event's actor (the commits' author). */
  pusher: string;
  /** How many commits: at least one. */
  count: number;
  /** In the push's order: all `count` of them, or none where a read leaves them out (see eventsInIdRange). */
  commits: PushedCommit[];
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
  action: "opened" | "closed" | "reopened";
  title: string;
}

interface Base<K extends string, D> {
  /** Unique per installation: dedupes redeliveries; edits replace by key. */
  key: string;
  kind: K;
  /** Login of who acted: the commits' author (or their pusher), the PR/review/comment author. */
  actor: string;
  /** "owner/name" */
  repo: string;
  /** Issue or pull request number; null for pushes. */
  number: number | null;
  /** Author of the issue or pull request the event is on, when there is one. */
  subjectAuthor: string | null;
  occurredAt: string;
  /** The event's page; for a push, the repository's (a commit's page is commitUrl()). */
  url: string | null;
  data: D;
}

export type PushEvent = Base<"push", PushData>;
export type PullRequestEvent = Base<"pull_request", PullRequestData>;
export type ReviewEvent = Base<"review", ReviewData>;
export type ReviewCommentEvent = Base<"review_comment", ReviewCommentData>;
export type CommentEvent = Base<"comment", CommentData>;
export type IssueEvent = Base<"issue", IssueData>;

export type NewEvent = PushEvent | PullRequestEvent | ReviewEvent | ReviewCommentEvent | CommentEvent | IssueEvent;
export type EventKind = NewEvent["kind"];

/**
 * An edit of an event (GitHub edits comments) and when it was made, the payload's `updated_at`: an edit
 * replaces the stored text only when it is newer, so an older edit delivered late changes nothing.
 */
export type EditedEvent = NewEvent & { editedAt: string };

/** An event as read back from the store. */
export type RecordedEvent = NewEvent & {
  id: number;
  /** When the webhook arrived; decides only which digest a late event lands in. */
  recordedAt: string;
};

/** A pushed commit's page on GitHub. */
export const commitUrl = (push: Pick<PushEvent, "url">, sha: string): string | null => (push.url === null ? null : `${push.url}/commit/${sha}`);

/** How many events an event counts as where users read counts: a push, one per commit. */
export const activityCount = (event: NewEvent): number => (event.kind === "push" ? event.data.count : 1);

/**
 * A recorded event as a digest reads it: without its key and arrival time, which only deduplication and
 * replies need. A busy week is tens of thousands of events, and every string read costs. A RecordedEvent is one.
 */
export type DigestEvent = NewEvent extends infer E ? (E extends NewEvent ? Omit<E, "key"> & { id: number } : never) : never;
