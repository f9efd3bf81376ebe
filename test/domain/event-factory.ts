import { configSchema, type HandoffConfig } from "../../src/config/schema.js";
import type {
  CommentEvent,
  CommitEvent,
  IssueEvent,
  PullRequestAction,
  PullRequestEvent,
  RecordedEvent,
  ReviewCommentEvent,
  ReviewEvent,
} from "../../src/domain/events.js";

/** A config through the real schema, so defaults are the ones users get. */
export const configOf = (raw: unknown): HandoffConfig => configSchema.parse(raw);

type Recorded<E> = E & { id: number; recordedAt: string };

interface Common {
  id: number;
  actor: string;
  at: string;
  repo?: string;
  number?: number;
  subjectAuthor?: string | null;
  url?: string | null;
  recordedAt?: string;
}

function base(common: Common, key: string) {
  const repo = common.repo ?? "acme/api";
  return {
    id: common.id,
    key,
    actor: common.actor,
    repo,
    number: common.number ?? null,
    subjectAuthor: common.subjectAuthor ?? null,
    occurredAt: common.at,
    url: common.url === undefined ? (common.number === undefined ? null : `https://github.com/${repo}/issues/${common.number}#e${common.id}`) : common.url,
    recordedAt: common.recordedAt ?? common.at,
  };
}

export function commit(c: Omit<Common, "number" | "subjectAuthor"> & { sha: string; message: string; branch?: string; pusher?: string }): RecordedEvent {
  const repo = c.repo ?? "acme/api";
  const event: Recorded<CommitEvent> = {
    ...base({ ...c, url: c.url === undefined ? `https://github.com/${repo}/commit/${c.sha}` : c.url }, `commit:${c.sha}`),
    kind: "commit",
    data: { sha: c.sha, message: c.message, branch: c.branch ?? "main", pusher: c.pusher ?? c.actor },
  };
  return event;
}

export function pullRequest(c: Common & { number: number; action: PullRequestAction; title: string; draft?: boolean; headBranch?: string }): RecordedEvent {
  const event: Recorded<PullRequestEvent> = {
    ...base({ ...c, subjectAuthor: c.subjectAuthor ?? c.actor }, `pr:${c.id}`),
    kind: "pull_request",
    data: { action: c.action, title: c.title, draft: c.draft ?? false, headBranch: c.headBranch ?? "feature", requestedReviewers: [], requestedTeams: [] },
  };
  return event;
}

export function review(c: Common & { number: number; subjectAuthor: string; state: string; body?: string; title: string }): RecordedEvent {
  const event: Recorded<ReviewEvent> = {
    ...base(c, `review:${c.id}`),
    kind: "review",
    data: { state: c.state, body: c.body ?? "", title: c.title },
  };
  return event;
}

export function reviewComment(c: Common & { number: number; subjectAuthor: string; body: string; title: string; path?: string }): RecordedEvent {
  const event: Recorded<ReviewCommentEvent> = {
    ...base(c, `review_comment:${c.id}`),
    kind: "review_comment",
    data: { body: c.body, title: c.title, path: c.path ?? "src/index.ts" },
  };
  return event;
}

export function comment(c: Common & { number: number; body: string; title?: string; onPullRequest?: boolean }): RecordedEvent {
  const event: Recorded<CommentEvent> = {
    ...base(c, `comment:${c.id}`),
    kind: "comment",
    data: { body: c.body, title: c.title ?? "Some issue", onPullRequest: c.onPullRequest ?? false },
  };
  return event;
}

export function issue(c: Common & { number: number; action: "opened" | "closed"; title: string }): RecordedEvent {
  const event: Recorded<IssueEvent> = {
    ...base({ ...c, subjectAuthor: c.subjectAuthor ?? c.actor }, `issue:${c.id}`),
    kind: "issue",
    data: { action: c.action, title: c.title },
  };
  return event;
}
