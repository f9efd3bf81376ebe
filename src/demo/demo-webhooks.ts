/** Webhooks for the demo: real example payloads (`@octokit/webhooks-examples`) with only what the scene needs changed. */
import type { Comment, Issue, PullRequest } from "../github-stand-in/index.js";
import { examplePayload } from "./webhook-examples.js";

export const DEMO_INSTALLATION = { id: 1, node_id: "MDIzOkludGVncmF0aW9uMQ==" };

export interface DemoWebhook {
  name: string;
  payload: unknown;
}

type Person = { login: string; type: string };

const html = (repo: string) => `https://github.com/${repo}`;
const pullUrl = (repo: string, number: number) => `${html(repo)}/pull/${number}`;
const issueUrl = (repo: string, issue: Issue) => `${html(repo)}/${issue.pull_request ? "pull" : "issues"}/${issue.number}`;

function moveTo<T extends { repository: { full_name: string; name: string; html_url: string; owner: { login: string } }; sender: Person }>(payload: T, repo: string, sender: string): T {
  const [owner, name] = repo.split("/") as [string, string];
  Object.assign(payload.repository, { full_name: repo, name, html_url: html(repo) });
  payload.repository.owner.login = owner;
  Object.assign(payload.sender, { login: sender, type: "User" });
  return payload;
}

const user = <U extends Person>(template: U, login: string): U => ({ ...template, login, type: "User" });

export interface DemoPush {
  repo: string;
  branch: string;
  pusher: string;
  /** When it was pushed (UTC ISO): `repository.pushed_at`. */
  at: string;
  commits: { sha: string; message: string }[];
}

export function pushWebhook(push: DemoPush): DemoWebhook {
  const payload = moveTo(
    examplePayload("push", undefined, (example) => example.ref.startsWith("refs/heads/") && example.commits.length > 0),
    push.repo,
    push.pusher,
  );
  const template = payload.commits[0]!;
  const commits = push.commits.map((commit) => ({
    ...template,
    id: commit.sha,
    message: commit.message,
    timestamp: push.at,
    url: `${html(push.repo)}/commit/${commit.sha}`,
    distinct: true,
    author: { ...template.author, name: push.pusher, username: push.pusher },
    committer: { ...template.committer, name: push.pusher, username: push.pusher },
  }));
  Object.assign(payload, {
    ref: `refs/heads/${push.branch}`,
    before: "0".repeat(40),
    after: commits.at(-1)!.id,
    compare: `${html(push.repo)}/compare/${push.branch}`,
    commits,
    head_commit: commits.at(-1)!,
    installation: DEMO_INSTALLATION,
  });
  payload.repository.pushed_at = Date.parse(push.at) / 1000;
  payload.pusher.name = push.pusher;
  return { name: "push", payload };
}

export type PullRequestAction = "opened" | "ready_for_review" | "closed";

/** A `pull_request` webhook of the stand-in's pull request `pr`, as it is now. */
export function pullRequestWebhook(action: PullRequestAction, repo: string, pr: PullRequest, sender: string): DemoWebhook {
  const payload = moveTo(examplePayload("pull_request", action), repo, sender);
  const fields = pr.pull_request;
  const target = payload.pull_request as unknown as Record<string, unknown>;
  Object.assign(target, {
    number: pr.number,
    title: pr.title,
    body: pr.body,
    html_url: pullUrl(repo, pr.number),
    user: user(payload.pull_request.user, pr.user.login),
    state: pr.state,
    draft: fields.draft,
    created_at: pr.created_at,
    updated_at: pr.updated_at,
    closed_at: pr.closed_at,
    merged_at: fields.merged_at,
    merged: fields.merged_at !== null,
    head: { ...payload.pull_request.head, ref: fields.head.ref, sha: fields.head.sha },
    base: { ...payload.pull_request.base, ref: fields.base.ref },
    requested_reviewers: fields.requested_reviewers.map((login) => user(payload.sender, login)),
    requested_teams: fields.requested_teams.map((slug) => ({ slug, name: slug })),
  });
  return { name: "pull_request", payload: { ...payload, number: pr.number, installation: DEMO_INSTALLATION } };
}

export interface DemoReview {
  id: number;
  reviewer: string;
  state: "approved" | "changes_requested" | "commented";
  body: string;
  at: string;
}

export function reviewWebhook(repo: string, pr: PullRequest, review: DemoReview): DemoWebhook {
  const payload = moveTo(examplePayload("pull_request_review", "submitted"), repo, review.reviewer);
  Object.assign(payload.pull_request, { number: pr.number, title: pr.title, html_url: pullUrl(repo, pr.number), user: user(payload.pull_request.user, pr.user.login) });
  Object.assign(payload.review, {
    id: review.id,
    user: user(payload.review.user, review.reviewer),
    state: review.state,
    body: review.body,
    submitted_at: review.at,
    html_url: `${pullUrl(repo, pr.number)}#pullrequestreview-${review.id}`,
  });
  return { name: "pull_request_review", payload: { ...payload, installation: DEMO_INSTALLATION } };
}

/** `issue_comment.created` of the stand-in's `comment` on `issue` (an issue or a pull request). */
export function issueCommentWebhook(repo: string, issue: Issue, comment: Comment): DemoWebhook {
  const payload = moveTo(examplePayload("issue_comment", "created"), repo, comment.user.login);
  const target = payload.issue as unknown as Record<string, unknown>;
  Object.assign(target, {
    number: issue.number,
    title: issue.title,
    user: { ...payload.issue.user, login: issue.user.login, type: issue.user.type },
    html_url: issueUrl(repo, issue),
    state: issue.state,
  });
  if (issue.pull_request) target.pull_request = { url: `${html(repo)}/pulls/${issue.number}`, html_url: pullUrl(repo, issue.number) };
  else delete target.pull_request;
  Object.assign(payload.comment, {
    id: comment.id,
    user: user(payload.comment.user, comment.user.login),
    body: comment.body,
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    html_url: `${issueUrl(repo, issue)}#issuecomment-${comment.id}`,
  });
  return { name: "issue_comment", payload: { ...payload, installation: DEMO_INSTALLATION } };
}
