/** Creating issues, pull requests and comments, shared by the routes and by seeding. */
import { validationFailed } from "./replies.js";
import { nextId, timestamp, type Comment, type Issue, type PullRequestFields, type Repo, type StandInState, type User } from "./state.js";

const MAX_BODY_CHARACTERS = 65536;

export function assertBodyLength(body: string | null, resource: string): void {
  if (body !== null && [...body].length > MAX_BODY_CHARACTERS) {
    throw validationFailed({
      resource,
      code: "custom",
      field: "body",
      message: `body is too long (maximum is ${MAX_BODY_CHARACTERS} characters)`,
    });
  }
}

/** Label names as stored: an existing label is matched case-insensitively, a missing one is created like GitHub does. */
export function ensureLabels(state: StandInState, repo: Repo, names: string[]): string[] {
  return names.map((name) => {
    const existing = repo.labels.find((label) => label.name.toLowerCase() === name.toLowerCase());
    if (existing) return existing.name;
    repo.labels.push({ id: nextId(state), name, color: "ededed", description: null });
    return name;
  });
}

export interface NewIssue {
  title: string;
  body: string | null;
  user: User;
  labels?: string[];
  assignees?: string[];
  /** Defaults to the next free number of the repository (issues and pull requests share the sequence). */
  number?: number;
  pull_request?: PullRequestFields;
}

export function createIssueRecord(state: StandInState, repo: Repo, fields: NewIssue): Issue {
  const number = fields.number ?? Math.max(0, ...repo.issues.map((issue) => issue.number)) + 1;
  if (repo.issues.some((issue) => issue.number === number)) {
    throw new Error(`GitHub stand-in: ${repo.owner}/${repo.name} already has an issue or pull request #${number}`);
  }
  const now = timestamp(state);
  const issue: Issue = {
    id: nextId(state),
    number,
    title: fields.title,
    body: fields.body,
    labels: ensureLabels(state, repo, fields.labels ?? []),
    state: "open",
    state_reason: null,
    user: fields.user,
    assignees: fields.assignees ?? [],
    created_at: now,
    updated_at: now,
    closed_at: null,
    comments: [],
    reactions: [],
    ...(fields.pull_request && { pull_request: fields.pull_request }),
  };
  repo.issues.push(issue);
  return issue;
}

export function createCommentRecord(state: StandInState, issue: Issue, body: string, user: User): Comment {
  const now = timestamp(state);
  const comment: Comment = { id: nextId(state), body, user, created_at: now, updated_at: now, reactions: [] };
  issue.comments.push(comment);
  issue.updated_at = now;
  return comment;
}

/** `reason` is null for pull requests. */
export function closeIssueRecord(state: StandInState, issue: Issue, reason: string | null): void {
  issue.state = "closed";
  issue.state_reason = reason;
  issue.closed_at = timestamp(state);
}
