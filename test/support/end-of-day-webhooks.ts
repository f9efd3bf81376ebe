/** Real example payloads (`@octokit/webhooks-examples`) for comments and issue state changes, moved to acme. */
import { webhookPayload } from "../fixtures/webhooks.js";

const installation = { id: 1, node_id: "MDIzOkludGVncmF0aW9uMQ==" };
const repository = (repo: string) => ({ full_name: repo, name: repo.split("/")[1]!, owner: { login: repo.split("/")[0]! } });

export interface CommentChange {
  id: number;
  repo: string;
  number: number;
  title: string;
  /** Author of the issue or pull request; the app's bot for a log issue. */
  issueAuthor?: string;
  author: string;
  body: string;
  at: string;
  /** When it was last edited (`comment.updated_at`); default `at`. */
  updatedAt?: string;
  onPullRequest?: boolean;
}

/** A comment by `author` on acme/api#12 "Add export", a pull request `author` opened. */
export const commentOnExportPullRequest = (id: number, author: string, at: string, body: string, updatedAt = at): CommentChange => ({
  id,
  repo: "acme/api",
  number: 12,
  title: "Add export",
  issueAuthor: author,
  author,
  at,
  updatedAt,
  body,
  onPullRequest: true,
});

/** `issue_comment.created` (or edited, deleted) of `comment`. */
export function issueCommentWebhook(comment: CommentChange, action: "created" | "edited" | "deleted" = "created") {
  const base = comment.onPullRequest ? "pull" : "issues";
  const payload = webhookPayload(`issue_comment.${action}`, {
    repository: repository(comment.repo),
    sender: { login: comment.author, type: "User" },
    issue: { number: comment.number, title: comment.title, user: { login: comment.issueAuthor ?? "handoff-digest[bot]" } },
    comment: {
      id: comment.id,
      user: { login: comment.author },
      body: comment.body,
      created_at: comment.at,
      updated_at: comment.updatedAt ?? comment.at,
      html_url: `https://github.com/${comment.repo}/${base}/${comment.number}#issuecomment-${comment.id}`,
    },
  });
  const issue = payload.issue as unknown as Record<string, unknown>;
  if (comment.onPullRequest) issue.pull_request = { url: `https://api.github.com/repos/${comment.repo}/pulls/${comment.number}` };
  else delete issue.pull_request;
  return { ...payload, action, installation };
}

/** `issues.closed` of an issue, by `sender`, at `at`. */
export function issueClosedWebhook(issue: { repo: string; number: number; title: string; author?: string; sender: string; at: string }, action: "closed" | "reopened" = "closed") {
  const payload = webhookPayload("issues.opened", {
    repository: repository(issue.repo),
    sender: { login: issue.sender, type: "User" },
    issue: {
      number: issue.number,
      title: issue.title,
      user: { login: issue.author ?? "handoff-digest[bot]" },
      state: action === "closed" ? "closed" : "open",
      updated_at: issue.at,
      closed_at: action === "closed" ? issue.at : null,
      html_url: `https://github.com/${issue.repo}/issues/${issue.number}`,
    },
  });
  return { ...payload, action, installation };
}
