import type { ProbotOctokit } from "probot";

type Octokit = InstanceType<typeof ProbotOctokit>;

export interface IssueRef {
  number: number;
  url: string;
}

export interface CommentRef {
  id: number;
  url: string;
}

/** The GitHub calls the scheduler makes, for one installation. */
export interface GitHubPort {
  /** Text of a file on the default branch, or null when the file or repository does not exist. */
  readFile(repo: string, path: string): Promise<string | null>;
  createIssue(repo: string, issue: { title: string; body: string; labels?: string[] }): Promise<IssueRef>;
  updateIssue(repo: string, number: number, change: { body?: string; state?: "open" | "closed" }): Promise<void>;
  createComment(repo: string, number: number, body: string): Promise<CommentRef>;
  /** The most recently created issue (open or closed) whose body holds `marker`. */
  findIssueByMarker(repo: string, marker: string, options?: { state?: "open" | "all" }): Promise<IssueRef | null>;
  /** Comments on an issue whose body holds `marker`. */
  findCommentsByMarker(repo: string, number: number, marker: string): Promise<CommentRef[]>;
}

const split = (repo: string) => {
  const [owner, name] = repo.split("/") as [string, string];
  return { owner, repo: name };
};

const isNotFound = (error: unknown) => (error as { status?: number }).status === 404;

// The newest issues are enough: a marker lookup follows a recent attempt, and GitHub's search index lags.
const RECENT_ISSUES = 100;

export function octokitGitHub(octokit: Octokit): GitHubPort {
  return {
    async readFile(repo, path) {
      try {
        const { data } = await octokit.rest.repos.getContent({ ...split(repo), path });
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
        sort: "created",
        direction: "desc",
        per_page: RECENT_ISSUES,
      });
      const found = data.find((issue) => !issue.pull_request && issue.body?.includes(marker));
      return found ? { number: found.number, url: found.html_url } : null;
    },
    async findCommentsByMarker(repo, number, marker) {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...split(repo), issue_number: number, per_page: 100 });
      return comments.filter((c) => c.body?.includes(marker)).map((c) => ({ id: c.id, url: c.html_url }));
    },
  };
}
