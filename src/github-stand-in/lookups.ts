import { notFound } from "./replies.js";
import { numberParam, param, type RouteRequest } from "./request.js";
import { findRepo, type Comment, type Issue, type PullRequest, type Repo } from "./state.js";

export function repoOf(req: RouteRequest): Repo {
  const repo = findRepo(req.state, `${param(req, "owner")}/${param(req, "repo")}`);
  if (!repo) throw notFound();
  return repo;
}

/** The issue or pull request `:number` of the request's repository. */
export function issueOf(req: RouteRequest, repo: Repo): Issue {
  const number = numberParam(req, "number");
  const issue = repo.issues.find((candidate) => candidate.number === number);
  if (!issue) throw notFound();
  return issue;
}

export function pullOf(req: RouteRequest, repo: Repo): PullRequest {
  const issue = issueOf(req, repo);
  if (!issue.pull_request) throw notFound();
  return issue as PullRequest;
}

export function commentOf(req: RouteRequest, repo: Repo): { issue: Issue; comment: Comment } {
  const id = numberParam(req, "id");
  for (const issue of repo.issues) {
    const comment = issue.comments.find((candidate) => candidate.id === id);
    if (comment) return { issue, comment };
  }
  throw notFound();
}
