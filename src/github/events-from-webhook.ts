import { z } from "zod";
import type {
  CommentEvent,
  EditedEvent,
  IssueData,
  IssueEvent,
  NewEvent,
  PullRequestAction,
  PullRequestEvent,
  ReviewCommentEvent,
  ReviewEvent,
} from "../domain/events.js";
import { type ConfigCheckRequest, configCheckRequest, isConfigCheckAction, pullRequestHead } from "./config-check-request.js";
import { type Push, pushEvents } from "./push-events.js";

/** What one webhook delivery changes in the store. */
export interface WebhookEffects {
  /** New events: stored with ON CONFLICT (installation, key) DO NOTHING. */
  insert: NewEvent[];
  /** Edited comments: replace the text of the event with the same key, unless it holds a newer edit. */
  replace: EditedEvent[];
  /** Keys of events to delete (deleted comments); a key deleted is never stored again. */
  remove: string[];
  /** `installation.deleted`: delete everything stored for the installation. */
  purgeInstallation: boolean;
  /** A push to the owner's `.github` repository touched `.github/handoff.yml`. */
  configChanged: boolean;
  /**
   * The push's `commits` hit GitHub's cap; the rest come from the compare API, `base...after`. `base` is the
   * branch's previous head, or for a new branch the default branch; null for a new default branch, where
   * there is nothing to compare with.
   */
  truncatedPush: (Push & { base: string | null; inPayload: string[] }) | null;
  /** A pull request in the owner's `.github` repository got a new head: the tick checks its config. */
  configCheck: ConfigCheckRequest | null;
}

/** A webhook payload lacks a field the mapping needs; the message names the event, action and path. */
export class MalformedPayloadError extends Error {
  override name = "MalformedPayloadError";
}

const CONFIG_FILE = ".github/handoff.yml";
/** GitHub puts at most this many commits in a push webhook and sends no total. */
const PUSH_COMMIT_CAP = 2048;
type PullRequestWebhookAction = Exclude<PullRequestAction, "merged">;
const PULL_REQUEST_ACTIONS: readonly string[] = [
  "opened",
  "reopened",
  "ready_for_review",
  "converted_to_draft",
  "closed",
  "review_requested",
] satisfies PullRequestWebhookAction[];
const isPullRequestWebhookAction = (action: string | undefined): action is PullRequestWebhookAction =>
  action !== undefined && PULL_REQUEST_ACTIONS.includes(action);

const none = (): WebhookEffects => ({
  insert: [],
  replace: [],
  remove: [],
  purgeInstallation: false,
  configChanged: false,
  truncatedPush: null,
  configCheck: null,
});

// Only the fields the mapping reads are validated; z.object drops the rest (a webhook holds hundreds), which costs
// half the time of passing it through, on every delivery.
const user = z.object({ login: z.string() });
const instant = z.iso
  .datetime({ offset: true, error: "is not an ISO-8601 time" })
  .transform((value) => new Date(value).toISOString());
const repository = z.object({ full_name: z.string() });
const envelope = z.object({
  action: z.string().optional(),
  sender: z.object({ type: z.string().optional() }).nullish(),
});

const pushRef = z.object({ ref: z.string(), deleted: z.boolean().optional() });
const commit = z.object({
  id: z.string(),
  message: z.string(),
  distinct: z.boolean().optional(),
  author: z.object({ username: z.string().nullish() }),
  added: z.array(z.string()).optional(),
  modified: z.array(z.string()).optional(),
  removed: z.array(z.string()).optional(),
});
const push = z.object({
  before: z.string(),
  after: z.string(),
  sender: user,
  repository: repository.extend({
    name: z.string(),
    html_url: z.string(),
    default_branch: z.string(),
    // Push payloads carry unix seconds here; other payloads an ISO string.
    pushed_at: z.union([z.number().transform((seconds) => new Date(seconds * 1000).toISOString()), instant], {
      error: "is not a time (unix seconds or ISO-8601)",
    }),
  }),
  commits: z.array(commit),
  head_commit: commit.nullish(),
});

const pullRequest = z.object({
  number: z.number(),
  title: z.string(),
  html_url: z.string(),
  user,
});
const pullRequestChange = z.object({
  sender: user,
  repository: repository.extend({ owner: user }),
  pull_request: pullRequest.extend({
    draft: z.boolean().optional(),
    merged: z.boolean().nullish(),
    head: z.object({ ref: z.string() }),
    updated_at: instant,
    closed_at: instant.nullish(),
    merged_at: instant.nullish(),
    // Entries are users; older payloads also list teams here, which have no login.
    requested_reviewers: z.array(z.object({ login: z.string().optional() })).optional(),
    requested_teams: z.array(z.object({ slug: z.string() })).optional(),
  }),
});
const review = z.object({
  repository,
  pull_request: pullRequest,
  review: z.object({
    id: z.number(),
    user,
    state: z.string(),
    body: z.string().nullish(),
    submitted_at: instant,
    html_url: z.string(),
  }),
});
const reviewComment = z.object({
  repository,
  pull_request: pullRequest,
  comment: z.object({ id: z.number(), user, body: z.string(), path: z.string(), created_at: instant, html_url: z.string() }),
});
const issueComment = z.object({
  repository,
  issue: z.object({ number: z.number(), title: z.string(), user, pull_request: z.unknown().optional() }),
  comment: z.object({ id: z.number(), user, body: z.string(), created_at: instant, html_url: z.string() }),
});
const editedComment = issueComment.extend({ comment: issueComment.shape.comment.extend({ updated_at: instant }) });
const deletedComment = z.object({ comment: z.object({ id: z.number() }) });
const issueChange = z.object({
  sender: user,
  repository,
  issue: z.object({ number: z.number(), title: z.string(), user, updated_at: instant, html_url: z.string() }),
});

/** Maps one webhook delivery to its effects on the store. Pure: no I/O, no clock. */
export function effectsOfWebhook(name: string, payload: unknown): WebhookEffects {
  const label = `${name} payload`;
  const { action, sender } = parse(envelope, payload, label);
  const at = action === undefined ? label : `${name}.${action} payload`;
  const fromBot = sender?.type === "Bot";

  if (name === "installation") return { ...none(), purgeInstallation: action === "deleted" };
  if (name === "push") return pushEffects(payload, label, fromBot);
  // Deletions keep the store true to GitHub whoever made them; a bot's comment was never stored, so removing it is a no-op.
  if (name === "issue_comment" && action === "deleted") {
    return { ...none(), remove: [`comment:${parse(deletedComment, payload, at).comment.id}`] };
  }
  if (name === "pull_request") return pullRequestEffects(payload, action, at, fromBot);
  if (fromBot) return none();

  if (name === "pull_request_review" && action === "submitted") {
    return { ...none(), insert: [reviewEvent(parse(review, payload, at))] };
  }
  if (name === "pull_request_review_comment" && action === "created") {
    return { ...none(), insert: [reviewCommentEvent(parse(reviewComment, payload, at))] };
  }
  if (name === "issue_comment" && action === "created") {
    return { ...none(), insert: [commentEvent(parse(issueComment, payload, at))] };
  }
  if (name === "issue_comment" && action === "edited") {
    const body = parse(editedComment, payload, at);
    return { ...none(), replace: [{ ...commentEvent(body), editedAt: body.comment.updated_at }] };
  }
  if (name === "issues" && (action === "opened" || action === "closed" || action === "reopened")) {
    return { ...none(), insert: [issueEvent(parse(issueChange, payload, at), action)] };
  }
  return none();
}

function pushEffects(payload: unknown, label: string, fromBot: boolean): WebhookEffects {
  const { ref, deleted } = parse(pushRef, payload, label);
  if (deleted === true || !ref.startsWith("refs/heads/")) return none();
  const body = parse(push, payload, label);
  const repo = body.repository.full_name;
  const branch = ref.slice("refs/heads/".length);
  const pusher = body.sender.login;
  const truncated = body.commits.length >= PUSH_COMMIT_CAP;
  // A truncated push may touch the config in a commit the payload left out.
  const configChanged =
    body.repository.name === ".github" &&
    (truncated || [...body.commits, ...(body.head_commit ? [body.head_commit] : [])].some(touchesConfig));
  // A bot's push is not activity (even of commits a contractor authored), but a config it changed is still read.
  if (fromBot) return { ...none(), configChanged };

  const target: Push = { repo, branch, pusher, after: body.after, at: body.repository.pushed_at, url: body.repository.html_url };
  const distinct = body.commits.filter((c) => c.distinct !== false);
  const insert = pushEvents(target, distinct.map((c) => ({ sha: c.id, message: c.message, author: c.author.username ?? null })));
  const truncatedPush = truncated ? { ...target, base: compareBase(body.before, branch, body.repository.default_branch), inPayload: body.commits.map((c) => c.id) } : null;
  return { ...none(), insert, configChanged, truncatedPush };
}

/** A new branch's `before` is all zeros, which GitHub cannot compare: its commits are those the default branch lacks. */
function compareBase(before: string, branch: string, defaultBranch: string): string | null {
  if (!/^0+$/.test(before)) return before;
  return branch === defaultBranch ? null : defaultBranch;
}

function pullRequestEffects(payload: unknown, action: string | undefined, at: string, fromBot: boolean): WebhookEffects {
  // A proposed config is checked whoever proposes it; only a person's pull request is activity.
  const insert = !fromBot && isPullRequestWebhookAction(action) ? [pullRequestEvent(parse(pullRequestChange, payload, at), action, at)] : [];
  const configCheck = isConfigCheckAction(action) ? configCheckRequest(parse(pullRequestHead, payload, at)) : null;
  return { ...none(), insert, configCheck };
}

function touchesConfig(c: z.output<typeof commit>): boolean {
  return [c.added, c.modified, c.removed].some((paths) => paths?.includes(CONFIG_FILE) ?? false);
}

function pullRequestEvent(body: z.output<typeof pullRequestChange>, action: PullRequestWebhookAction, at: string): PullRequestEvent {
  const pr = body.pull_request;
  const merged = action === "closed" && pr.merged === true;
  const recorded: PullRequestAction = merged ? "merged" : action;
  const time = action !== "closed" ? pr.updated_at : merged ? pr.merged_at : pr.closed_at;
  if (!time) throw new MalformedPayloadError(`${at}: pull_request.${merged ? "merged_at" : "closed_at"} is missing`);
  const repo = body.repository.full_name;
  return {
    key: `pr:${repo}#${pr.number}:${recorded}:${time}`,
    kind: "pull_request",
    actor: body.sender.login,
    repo,
    number: pr.number,
    subjectAuthor: pr.user.login,
    occurredAt: time,
    url: pr.html_url,
    data: {
      action: recorded,
      title: pr.title,
      draft: pr.draft ?? false,
      headBranch: pr.head.ref,
      requestedReviewers: (pr.requested_reviewers ?? []).flatMap((r) => (r.login === undefined ? [] : [r.login])),
      requestedTeams: (pr.requested_teams ?? []).map((t) => `${body.repository.owner.login}/${t.slug}`),
    },
  };
}

function reviewEvent(body: z.output<typeof review>): ReviewEvent {
  const { review: r, pull_request: pr } = body;
  return {
    key: `review:${r.id}`,
    kind: "review",
    actor: r.user.login,
    repo: body.repository.full_name,
    number: pr.number,
    subjectAuthor: pr.user.login,
    occurredAt: r.submitted_at,
    url: r.html_url,
    data: { state: r.state.toLowerCase(), body: r.body ?? "", title: pr.title },
  };
}

function reviewCommentEvent(body: z.output<typeof reviewComment>): ReviewCommentEvent {
  const { comment: c, pull_request: pr } = body;
  return {
    key: `review_comment:${c.id}`,
    kind: "review_comment",
    actor: c.user.login,
    repo: body.repository.full_name,
    number: pr.number,
    subjectAuthor: pr.user.login,
    occurredAt: c.created_at,
    url: c.html_url,
    data: { body: c.body, title: pr.title, path: c.path },
  };
}

function commentEvent(body: z.output<typeof issueComment>): CommentEvent {
  const { comment: c, issue } = body;
  return {
    key: `comment:${c.id}`,
    kind: "comment",
    actor: c.user.login,
    repo: body.repository.full_name,
    number: issue.number,
    subjectAuthor: issue.user.login,
    occurredAt: c.created_at,
    url: c.html_url,
    data: { body: c.body, title: issue.title, onPullRequest: Boolean(issue.pull_request) },
  };
}

function issueEvent(body: z.output<typeof issueChange>, action: IssueData["action"]): IssueEvent {
  const { issue } = body;
  const repo = body.repository.full_name;
  return {
    key: `issue:${repo}#${issue.number}:${action}:${issue.updated_at}`,
    kind: "issue",
    actor: body.sender.login,
    repo,
    number: issue.number,
    subjectAuthor: issue.user.login,
    occurredAt: issue.updated_at,
    url: issue.html_url,
    data: { action, title: issue.title },
  };
}

function parse<T extends z.ZodType>(schema: T, payload: unknown, at: string): z.output<T> {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    throw new MalformedPayloadError(`${at}: expected a JSON object, got ${describe(payload)}`);
  }
  const result = schema.safeParse(payload, { reportInput: true });
  if (result.success) return result.data;
  throw new MalformedPayloadError(`${at}: ${result.error.issues.slice(0, 3).map(describeIssue).join("; ")}`);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.reduce<string>(
    (text, part) => (typeof part === "number" ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
    "",
  );
  if (issue.input === undefined) return `${path} is missing`;
  if (issue.code === "invalid_type") return `${path} is ${describe(issue.input)}, expected ${issue.expected}`;
  return `${path} ${issue.message} (got ${describe(issue.input)})`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return `${typeof value} ${String(value)}`;
}
