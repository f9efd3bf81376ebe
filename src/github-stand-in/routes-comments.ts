import { assertBodyLength, createCommentRecord } from "./issue-records.js";
import { commentOf, issueOf, repoOf } from "./lookups.js";
import { paginate } from "./paginate.js";
import type { Reply } from "./replies.js";
import { commentJson } from "./representations.js";
import { requiredBodyString, type RouteRequest } from "./request.js";
import { route } from "./router.js";
import { APP_BOT, timestamp } from "./state.js";

function listComments(req: RouteRequest): Reply {
  const repo = repoOf(req);
  const issue = issueOf(req, repo);
  const since = req.query.get("since");
  const matching = issue.comments.filter((comment) => since === null || Date.parse(comment.updated_at) >= Date.parse(since));
  const page = paginate(matching, req);
  return { status: 200, body: page.items.map((comment) => commentJson(req.state, repo, issue, comment)), headers: page.headers };
}

function createComment(req: RouteRequest): Reply {
  const repo = repoOf(req);
  const issue = issueOf(req, repo);
  const body = requiredBodyString(req, "body", "IssueComment");
  assertBodyLength(body, "IssueComment");
  const comment = createCommentRecord(req.state, issue, body, APP_BOT);
  return { status: 201, body: commentJson(req.state, repo, issue, comment) };
}

function getComment(req: RouteRequest): Reply {
  const repo = repoOf(req);
  const { issue, comment } = commentOf(req, repo);
  return { status: 200, body: commentJson(req.state, repo, issue, comment) };
}

function updateComment(req: RouteRequest): Reply {
  const repo = repoOf(req);
  const { issue, comment } = commentOf(req, repo);
  const body = requiredBodyString(req, "body", "IssueComment");
  assertBodyLength(body, "IssueComment");
  comment.body = body;
  comment.updated_at = timestamp(req.state);
  return { status: 200, body: commentJson(req.state, repo, issue, comment) };
}

function deleteComment(req: RouteRequest): Reply {
  const { issue, comment } = commentOf(req, repoOf(req));
  issue.comments.splice(issue.comments.indexOf(comment), 1);
  return { status: 204 };
}

export const commentRoutes = [
  route("GET", "/repos/:owner/:repo/issues/:number/comments", listComments),
  route("POST", "/repos/:owner/:repo/issues/:number/comments", createComment),
  route("GET", "/repos/:owner/:repo/issues/comments/:id", getComment),
  route("PATCH", "/repos/:owner/:repo/issues/comments/:id", updateComment),
  route("DELETE", "/repos/:owner/:repo/issues/comments/:id", deleteComment),
];
