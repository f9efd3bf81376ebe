/** Seeding the stand-in from tests and the demo. Mistakes throw at once, with what to call instead. */
import { createHash } from "node:crypto";
import { closeIssueRecord, createCommentRecord, createIssueRecord } from "./issue-records.js";
import { findRepo, nextId, repoKey, timestamp, userNamed, type ChangedFile, type Comment, type Commit, type HookDelivery, type Issue, type PullRequest, type Repo, type StandInState } from "./state.js";

export function repoNamed(state: StandInState, fullName: string): Repo {
  const repo = findRepo(state, fullName);
  if (!repo) throw new Error(`GitHub stand-in: no repository "${fullName}"; add it first with addRepo("${fullName}")`);
  return repo;
}

export interface InstallationSeed {
  id: number;
  /** Login of the organization or user the app is installed on. */
  account: string;
  accountType?: "Organization" | "User";
}

export function addInstallation(state: StandInState, { id, account, accountType = "Organization" }: InstallationSeed): void {
  if (state.installations.some((installation) => installation.id === id)) {
    throw new Error(`GitHub stand-in: installation ${id} exists already`);
  }
  state.installations.push({ id, account, accountType });
}

export interface RepoSeed {
  /** Path -> text, on the default branch. */
  files?: Record<string, string>;
  defaultBranch?: string;
}

export function addRepo(state: StandInState, fullName: string, { files = {}, defaultBranch = "main" }: RepoSeed = {}): void {
  const [owner, name, ...rest] = fullName.split("/");
  if (!owner || !name || rest.length > 0) throw new Error(`GitHub stand-in: addRepo needs "owner/name", got "${fullName}"`);
  if (findRepo(state, fullName)) throw new Error(`GitHub stand-in: repository "${fullName}" exists already`);
  const tree = new Map(Object.entries(files));
  state.repos.set(repoKey(owner, name), {
    id: nextId(state),
    owner,
    name,
    defaultBranch,
    files: new Map([[defaultBranch, tree]]),
    labels: [],
    issues: [],
    checkRuns: [],
    commits: [],
    branchHeads: new Map(),
  });
}

/** `text: null` deletes the file. `ref` defaults to the default branch. */
export function setFile(state: StandInState, fullName: string, path: string, text: string | null, ref?: string): void {
  const repo = repoNamed(state, fullName);
  const branch = ref ?? repo.defaultBranch;
  const tree = repo.files.get(branch) ?? new Map<string, string>();
  repo.files.set(branch, tree);
  if (text === null) tree.delete(path);
  else tree.set(path, text);
}

export interface IssueSeed {
  title: string;
  body?: string;
  /** Login of the author; "handoff-digest[bot]" makes it the app's own. */
  user: string;
  labels?: string[];
  state?: "open" | "closed";
}

export function addIssue(state: StandInState, fullName: string, seed: IssueSeed): Issue {
  const repo = repoNamed(state, fullName);
  const issue = createIssueRecord(state, repo, { ...seed, body: seed.body ?? null, user: userNamed(state, seed.user) });
  if (seed.state === "closed") closeIssueRecord(state, issue, "completed");
  return issue;
}

export function issueNumbered(state: StandInState, fullName: string, number: number): Issue {
  const issue = repoNamed(state, fullName).issues.find((candidate) => candidate.number === number);
  if (!issue) throw new Error(`GitHub stand-in: ${fullName} has no issue or pull request #${number}`);
  return issue;
}

export function addComment(state: StandInState, fullName: string, number: number, seed: { body: string; user: string }): Comment {
  return createCommentRecord(state, issueNumbered(state, fullName, number), seed.body, userNamed(state, seed.user));
}

export interface PullRequestSeed {
  /** Defaults to the next free number; issues and pull requests share the sequence. */
  number?: number;
  /** Login of the author. */
  user: string;
  title: string;
  body?: string;
  draft?: boolean;
  /** `sha` defaults to a stable fake. */
  head: { ref: string; sha?: string };
  /** Base branch; defaults to the default branch. */
  base?: string;
  requested_reviewers?: string[];
  /** Team slugs. */
  requested_teams?: string[];
  state?: "open" | "closed";
  merged?: boolean;
  labels?: string[];
  /** The files it changes; a path alone is "modified". */
  files?: (string | ChangedFile)[];
}

export function addPullRequest(state: StandInState, fullName: string, seed: PullRequestSeed): PullRequest {
  const repo = repoNamed(state, fullName);
  const pull_request = {
    draft: seed.draft ?? false,
    head: { ref: seed.head.ref, sha: seed.head.sha ?? createHash("sha1").update(`${fullName}:${seed.head.ref}`).digest("hex") },
    base: { ref: seed.base ?? repo.defaultBranch },
    requested_reviewers: seed.requested_reviewers ?? [],
    requested_teams: seed.requested_teams ?? [],
    merged_at: null,
    files: (seed.files ?? []).map((file): ChangedFile => (typeof file === "string" ? { filename: file, status: "modified" } : file)),
  };
  const user = userNamed(state, seed.user);
  const pr = createIssueRecord(state, repo, { ...seed, body: seed.body ?? null, user, pull_request }) as PullRequest;
  if (seed.state === "closed" || seed.merged) closeIssueRecord(state, pr, null);
  if (seed.merged) pr.pull_request.merged_at = pr.closed_at;
  return pr;
}

export interface PullRequestChange {
  /** `false` marks a draft ready for review. */
  draft?: boolean;
  /** Closes the pull request; `"merged"` merges it first. */
  close?: "merged" | "unmerged";
}

/** Changes a pull request as its author or a maintainer would on GitHub; stamps `updated_at` (and `closed_at`, `merged_at`). */
export function changePullRequest(state: StandInState, fullName: string, number: number, change: PullRequestChange): PullRequest {
  const pr = issueNumbered(state, fullName, number);
  if (!pr.pull_request) throw new Error(`GitHub stand-in: ${fullName}#${number} is an issue; changePullRequest changes pull requests`);
  if (change.draft !== undefined) pr.pull_request.draft = change.draft;
  if (change.close) {
    closeIssueRecord(state, pr, null);
    if (change.close === "merged") pr.pull_request.merged_at = pr.closed_at;
  }
  pr.updated_at = timestamp(state);
  return pr as PullRequest;
}

/** Appends to the repository's history; with `branch`, that branch then points at the last of them. */
export function addCommits(state: StandInState, fullName: string, commits: Commit[], branch?: string): void {
  const repo = repoNamed(state, fullName);
  repo.commits.push(...commits);
  const head = commits.at(-1);
  if (branch && head) repo.branchHeads.set(branch, head.sha);
}

export function addHookDelivery(state: StandInState, delivery: HookDelivery): void {
  if (state.deliveries.some((known) => known.id === delivery.id)) {
    throw new Error(`GitHub stand-in: hook delivery ${delivery.id} exists already`);
  }
  state.deliveries.push(delivery);
}
