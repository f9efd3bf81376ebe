/** In-memory state of the GitHub stand-in. Timestamps are ISO-8601 strings to the second, like GitHub's. */

export interface User {
  login: string;
  id: number;
  type: "User" | "Bot";
}

export interface Label {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface Reaction {
  id: number;
  content: string;
  user: User;
  created_at: string;
}

export interface Comment {
  id: number;
  body: string;
  user: User;
  created_at: string;
  updated_at: string;
  reactions: Reaction[];
}

export interface PullRequestFields {
  draft: boolean;
  head: { ref: string; sha: string };
  base: { ref: string };
  /** Logins. */
  requested_reviewers: string[];
  /** Team slugs. */
  requested_teams: string[];
  merged_at: string | null;
  /** What `GET /pulls/:number/files` lists. */
  files: ChangedFile[];
}

export interface ChangedFile {
  filename: string;
  status: "added" | "modified" | "removed" | "renamed";
  previous_filename?: string;
}

/** An issue, or a pull request when `pull_request` is set: both share one number sequence per repository. */
export interface Issue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  /** Label names. */
  labels: string[];
  state: "open" | "closed";
  state_reason: string | null;
  user: User;
  /** Logins. */
  assignees: string[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  comments: Comment[];
  reactions: Reaction[];
  pull_request?: PullRequestFields;
}

export type PullRequest = Issue & { pull_request: PullRequestFields };

export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  [field: string]: unknown;
}

export interface Commit {
  sha: string;
  message: string;
  /** Login of the author. */
  author: string;
  date?: string;
}

export interface Repo {
  id: number;
  owner: string;
  name: string;
  defaultBranch: string;
  /** ref -> path -> text; the default branch holds the files given to `addRepo`. */
  files: Map<string, Map<string, string>>;
  labels: Label[];
  issues: Issue[];
  checkRuns: CheckRun[];
  /** One line of history, in the order added. */
  commits: Commit[];
  /** Branch name -> the sha it points at, for those given to `addCommits` with a branch. */
  branchHeads: Map<string, string>;
}

export interface Installation {
  id: number;
  account: string;
  accountType: "Organization" | "User";
}

export interface HookDelivery {
  id: number;
  guid: string;
  delivered_at: string;
  status_code: number;
  event: string;
  action?: string | null;
  redelivery?: boolean;
  installation_id?: number | null;
  repository_id?: number | null;
}

export interface StandInState {
  now: () => Date;
  /** Where API URLs in responses point, e.g. "http://127.0.0.1:PORT/api/v3". */
  apiUrl: string;
  repos: Map<string, Repo>;
  installations: Installation[];
  deliveries: HookDelivery[];
  redeliveries: { id: number; guid: string }[];
  users: Map<string, User>;
  lastId: number;
}

export const APP_BOT: User = { login: "handoff-digest[bot]", id: 900001, type: "Bot" };

export function createState(now: () => Date, apiUrl: string): StandInState {
  const users = new Map([[APP_BOT.login, APP_BOT]]);
  return { now, apiUrl, repos: new Map(), installations: [], deliveries: [], redeliveries: [], users, lastId: 1000 };
}

/** One id sequence for every object, so ids never collide with issue numbers in tests. */
export function nextId(state: StandInState): number {
  state.lastId += 1;
  return state.lastId;
}

/** GitHub's timestamps have no milliseconds. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function timestamp(state: StandInState): string {
  return isoSeconds(state.now());
}

export function userNamed(state: StandInState, login: string): User {
  const known = state.users.get(login);
  if (known) return known;
  const user: User = { login, id: nextId(state), type: "User" };
  state.users.set(login, user);
  return user;
}

export function repoKey(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}

export function findRepo(state: StandInState, fullName: string): Repo | undefined {
  return state.repos.get(fullName.toLowerCase());
}

export function fullName(repo: Repo): string {
  return `${repo.owner}/${repo.name}`;
}
