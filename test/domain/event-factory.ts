import { configSchema, type HandoffConfig } from "../../src/config/schema.js";
import type {
  CommentEvent,
  IssueEvent,
  PullRequestAction,
  PullRequestEvent,
  PushEvent,
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

type PushFields = Omit<Common, "number" | "subjectAuthor"> & { branch?: string; pusher?: string };

/** A push of `commits`; `url` is the repository's page. */
export function push(c: PushFields & { commits: { sha: string; message: string }[] }): RecordedEvent {
  const repo = c.repo ?? "acme/api";
  const branch = c.branch ?? "main";
  const event: Recorded<PushEvent> = {
    ...base({ ...c, url: c.url === undefined ? `https://github.com/${repo}` : c.url }, `push:${repo}:${branch}:${c.commits.at(-1)!.sha}:${c.actor}`),
    kind: "push",
    data: { branch, pusher: c.pusher ?? c.actor, count: c.commits.length, commits: c.commits },
  };
  return event;
}

/** A push of one commit. */
export const commit = (c: PushFields & { sha: string; message: string }): RecordedEvent => push({ ...c, commits: [{ sha: c.sha, message: c.message }] });

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
