/** Real example payloads (`@octokit/webhooks-examples`) moved to acme/api, for the review-prompt and brief tests. */
import { branchPushPayload, webhookPayload } from "../fixtures/webhooks.js";

const installation = { id: 1, node_id: "MDIzOkludGVncmF0aW9uMQ==" };
const repository = { full_name: "acme/api", name: "api", owner: { login: "acme" } };
const prUrl = (number: number) => `https://github.com/acme/api/pull/${number}`;

export interface PullRequestChange {
  action: "opened" | "ready_for_review" | "converted_to_draft" | "review_requested" | "closed";
  number: number;
  title: string;
  author: string;
  /** Who acted; the author by default. */
  sender?: string;
  at: string;
  head: string;
  draft?: boolean;
  merged?: boolean;
  reviewers?: string[];
  teams?: string[];
}

export function pullRequestWebhook(change: PullRequestChange) {
  const payload = webhookPayload("pull_request.opened", {
    number: change.number,
    repository,
    sender: { login: change.sender ?? change.author, type: "User" },
    pull_request: {
      number: change.number,
      title: change.title,
      html_url: prUrl(change.number),
      user: { login: change.author },
      draft: change.draft ?? false,
      head: { ref: change.head },
      updated_at: change.at,
      closed_at: change.action === "closed" ? change.at : null,
      merged_at: change.merged ? change.at : null,
      merged: change.merged ?? false,
    },
  });
  const pr = payload.pull_request as unknown as Record<string, unknown>;
  pr.requested_reviewers = (change.reviewers ?? []).map((login) => ({ login, type: "User" }));
  pr.requested_teams = (change.teams ?? []).map((slug) => ({ slug, name: slug }));
  return { ...payload, action: change.action, installation };
}

/** A push of `commits` by `author` to `branch` of acme/api at `at`. */
export function pushWebhook(at: string, author: string, branch: string, commits: { sha: string; message: string }[]) {
  const payload = branchPushPayload();
  payload.ref = `refs/heads/${branch}`;
  payload.repository.full_name = "acme/api";
  payload.repository.name = "api";
  payload.repository.pushed_at = Date.parse(at) / 1000;
  payload.sender.login = author;
  const template = payload.commits[0]!;
  payload.commits = commits.map((c) => ({
    ...template,
    id: c.sha,
    message: c.message,
    url: `https://github.com/acme/api/commit/${c.sha}`,
    distinct: true,
    author: { ...template.author, username: author },
  }));
  payload.after = commits.at(-1)!.sha;
  payload.repository.html_url = "https://github.com/acme/api";
  return { ...payload, installation };
}

export function reviewWebhook(review: { id: number; number: number; title: string; author: string; reviewer: string; state: "approved" | "changes_requested" | "commented"; body: string; at: string }) {
  return {
    ...webhookPayload("pull_request_review.submitted", {
      repository,
      sender: { login: review.reviewer, type: "User" },
      pull_request: { number: review.number, title: review.title, html_url: prUrl(review.number), user: { login: review.author } },
      review: {
        id: review.id,
        user: { login: review.reviewer },
        state: review.state,
        body: review.body,
        submitted_at: review.at,
        html_url: `${prUrl(review.number)}#pullrequestreview-${review.id}`,
      },
    }),
    installation,
  };
}

export function pullRequestCommentWebhook(comment: { id: number; number: number; title: string; author: string; commenter: string; body: string; at: string }) {
  const payload = webhookPayload("issue_comment.created", {
    repository,
    sender: { login: comment.commenter, type: "User" },
    issue: { number: comment.number, title: comment.title, user: { login: comment.author } },
    comment: { id: comment.id, user: { login: comment.commenter }, body: comment.body, created_at: comment.at, html_url: `${prUrl(comment.number)}#issuecomment-${comment.id}` },
  });
  (payload.issue as unknown as Record<string, unknown>).pull_request = { url: `https://api.github.com/repos/acme/api/pulls/${comment.number}`, html_url: prUrl(comment.number) };
  return { ...payload, installation };
}
