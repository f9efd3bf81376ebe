import type { ProbotOctokit } from "probot";
import type { PullRequestState } from "../domain/pull-request-state.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

export interface IssueRef {
  number: number;
  url: string;
}

export interface CommentRef {
  id: number;
  url: string;
}

export interface CheckRunRef {
  id: number;
  url: string;
}

/** A completed check run: its conclusion, and its output with annotations at lines of a file. */
export interface CheckRun {
  name: string;
  headSha: string;
  conclusion: "success" | "failure" | "neutral";
  completedAt: string;
  title: string;
  summary: string;
  annotations: { path: string; line: number; title: string; message: string }[];
}

export interface PullRequestFile {
  filename: string;
  status: string;
  /** The old name of a renamed file. */
  previousFilename?: string;
}

/** The GitHub calls the scheduler makes, for one installation. */
export interface GitHubPort {
  /** Text of a file at `ref` (default: the default branch), or null when the file or repository does not exist. */
  readFile(repo: string, path: string, ref?: string): Promise<string | null>;
  createIssue(repo: string, issue: { title: string; body: string; labels?: string[] }): Promise<IssueRef>;
  updateIssue(repo: string, number: number, change: { body?: string; state?: "open" | "closed" }): Promise<void>;
  createComment(repo: string, number: number, body: string): Promise<CommentRef>;
  /** The most recently created issue (open or closed) whose body holds `marker`. */
  findIssueByMarker(repo: string, marker: string, options?: { state?: "open" | "all"; labels?: string[] }): Promise<IssueRef | null>;
  /** Creates the label unless the repository has it (any case). */
  ensureLabel(repo: string, label: { name: string; color: string; description: string }): Promise<void>;
  /** Comments on an issue whose body holds `marker`. */
  findCommentsByMarker(repo: string, number: number, marker: string): Promise<CommentRef[]>;
  /** A pull request's current state, or null when it does not exist. */
  getPullRequest(repo: string, number: number): Promise<PullRequestState | null>;
  /** The files a pull request changes. */
  listPullRequestFiles(repo: string, number: number): Promise<PullRequestFile[]>;
  createCheckRun(repo: string, run: CheckRun): Promise<CheckRunRef>;
  /** This app's check run named `name` on `headSha`, if an earlier attempt created it. */
  findCheckRun(repo: string, headSha: string, name: string): Promise<CheckRunRef | null>;
}

const split = (repo: string) => {
  const [owner, name] = repo.split("/") as [string, string];
  return { owner, repo: name };
};

const isNotFound = (error: unknown) => (error as { status?: number }).status === 404;

// The newest issues are enough: a marker lookup follows a recent attempt, and GitHub's search index lags.
const RECENT_ISSUES = 100;

/**
 * GitHub through Octokit. Once `signal` is aborted no request is sent, also one that Probot's throttling holds
 * until a rate limit resets: a tick that has moved on must not post after the next one took its claim over.
 */
export function octokitGitHub(octokit: Octokit, signal?: AbortSignal): GitHubPort {
  // Registered after Octokit's own plugins, so it runs before the throttling wait; fetch then sees the signal.
  if (signal) octokit.hook.before("request", (options) => void (options.request = { ...options.request, signal }));
  return {
    async readFile(repo, path, ref) {
      try {
        const { data } = await octokit.rest.repos.getContent({ ...split(repo), path, ref });
        if (Array.isArray(data) || data.type !== "file" || !("content" in data)) return null;
        return Buffer.from(data.content, "base64").toString("utf8");
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async createIssue(repo, issue) {
      const { data } = await octokit.rest.issues.create({ ...split(repo), ...issue });
      return { number: data.number, url: data.html_url };
    },
    async updateIssue(repo, number, change) {
      await octokit.rest.issues.update({ ...split(repo), issue_number: number, ...change });
    },
    async createComment(repo, number, body) {
      const { data } = await octokit.rest.issues.createComment({ ...split(repo), issue_number: number, body });
      return { id: data.id, url: data.html_url };
    },
    async findIssueByMarker(repo, marker, options = {}) {
      const { data } = await octokit.rest.issues.listForRepo({
        ...split(repo),
        state: options.state ?? "all",
        ...(options.labels ? { labels: options.labels.join(",") } : {}),
        sort: "created",
        direction: "desc",
        per_page: RECENT_ISSUES,
      });
      const found = data.find((issue) => !issue.pull_request && issue.body?.includes(marker));
      return found ? { number: found.number, url: found.html_url } : null;
    },
    async ensureLabel(repo, label) {
      try {
        await octokit.rest.issues.getLabel({ ...split(repo), name: label.name });
      } catch (error) {
        if (!isNotFound(error)) throw error;
        try {
          await octokit.rest.issues.createLabel({ ...split(repo), ...label });
        } catch (createError) {
          // 422: another replica created it meanwhile.
          if ((createError as { status?: number }).status !== 422) throw createError;
        }
      }
    },
    async findCommentsByMarker(repo, number, marker) {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...split(repo), issue_number: number, per_page: 100 });
      return comments.filter((c) => c.body?.includes(marker)).map((c) => ({ id: c.id, url: c.html_url }));
    },
    async getPullRequest(repo, number) {
      try {
        const { data } = await octokit.rest.pulls.get({ ...split(repo), pull_number: number });
        return {
          repo,
          number: data.number,
          title: data.title,
          url: data.html_url,
          author: data.user.login,
          open: data.state === "open",
          draft: data.draft ?? false,
          headBranch: data.head.ref,
          requestedReviewers: (data.requested_reviewers ?? []).map((user) => user.login),
          requestedTeams: (data.requested_teams ?? []).map((team) => `${split(repo).owner}/${team.slug}`),
        };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async listPullRequestFiles(repo, number) {
      const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...split(repo), pull_number: number, per_page: 100 });
      return files.map((f) => ({ filename: f.filename, status: f.status, ...(f.previous_filename ? { previousFilename: f.previous_filename } : {}) }));
    },
    async createCheckRun(repo, run) {
      const { data } = await octokit.rest.checks.create({
        ...split(repo),
        name: run.name,
        head_sha: run.headSha,
        status: "completed",
        conclusion: run.conclusion,
        completed_at: run.completedAt,
        output: {
          title: run.title,
          summary: run.summary,
          annotations: run.annotations.map((a) => ({
            path: a.path,
            start_line: a.line,
            end_line: a.line,
            annotation_level: "failure" as const,
            title: a.title,
            message: a.message,
          })),
        },
      });
      return { id: data.id, url: data.html_url ?? data.url };
    },
    async findCheckRun(repo, headSha, name) {
      const { data } = await octokit.rest.checks.listForRef({ ...split(repo), ref: headSha, check_name: name, filter: "all", per_page: 100 });
      const found = data.check_runs.find((run) => run.head_sha === headSha);
      return found ? { id: found.id, url: found.html_url ?? found.url } : null;
    },
  };
}
