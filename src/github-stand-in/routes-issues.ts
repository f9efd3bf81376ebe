import { assertBodyLength, closeIssueRecord, createIssueRecord, ensureLabels } from "./issue-records.js";
import { issueOf, repoOf } from "./lookups.js";
import { paginate } from "./paginate.js";
import { validationFailed, type Reply } from "./replies.js";
import { issueJson } from "./representations.js";
import { bodyNames, bodyString, requiredBodyString, type RouteRequest } from "./request.js";
import { route } from "./router.js";
import { APP_BOT, timestamp, type Issue } from "./state.js";

const sortKeys: Record<string, (issue: Issue) => number> = {
  created: (issue) => Date.parse(issue.created_at),
  updated: (issue) => Date.parse(issue.updated_at),
  comments: (issue) => issue.comments.length,
};

function listIssues(req: RouteRequest): Reply {
  const repo = repoOf(req);
  const state = req.query.get("state") ?? "open";
  const labels = (req.query.get("labels") ?? "").split(",").map((name) => name.trim().toLowerCase()).filter(Boolean);
  const creator = req.query.get("creator")?.toLowerCase();
  const since = req.query.get("since");
  const sortKey = sortKeys[req.query.get("sort") ?? "created"] ?? sortKeys.created!;
  const direction = req.query.get("direction") === "asc" ? 1 : -1;

  const matching = repo.issues
    .filter((issue) => state === "all" || issue.state === state)
    .filter((issue) => labels.every((label) => issue.labels.some((name) => name.toLowerCase() === label)))
    .filter((issue) => creator === undefined || issue.user.login.toLowerCase() === creator)
    .filter((issue) => since === null || Date.parse(issue.updated_at) >= Date.parse(since))
    .sort((a, b) => direction * (sortKey(a) - sortKey(b) || a.number - b.number));
  const page = paginate(matching, req);
  return { status: 200, body: page.items.map((issue) => issueJson(req.state, repo, issue)), headers: page.headers };
}

function createIssue(req: RouteRequest): Reply {
  const repo = repoOf(req);
  const body = bodyString(req, "body", "Issue") ?? null;
  assertBodyLength(body, "Issue");
  const issue = createIssueRecord(req.state, repo, {
    title: requiredBodyString(req, "title", "Issue"),
    body,
    user: APP_BOT,
    labels: bodyNames(req, "labels", "Issue"),
    assignees: bodyNames(req, "assignees", "Issue"),
  });
  return { status: 201, body: issueJson(req.state, repo, issue) };
}

function getIssue(req: RouteRequest): Reply {
  const repo = repoOf(req);
  return { status: 200, body: issueJson(req.state, repo, issueOf(req, repo)) };
}

function updateIssue(req: RouteRequest): Reply {
  const repo = repoOf(req);
  const issue = issueOf(req, repo);
  const title = bodyString(req, "title", "Issue");
  const body = bodyString(req, "body", "Issue");
  const state = bodyString(req, "state", "Issue");
  const stateReason = bodyString(req, "state_reason", "Issue");
  const labels = bodyNames(req, "labels", "Issue");
  const assignees = bodyNames(req, "assignees", "Issue");
  if (state !== undefined && state !== "open" && state !== "closed") {
    throw validationFailed({ resource: "Issue", code: "invalid", field: "state" });
  }
  if (body !== undefined) assertBodyLength(body, "Issue");

  issue.title = title ?? issue.title;
  issue.body = body ?? issue.body;
  if (labels) issue.labels = ensureLabels(req.state, repo, labels);
  issue.assignees = assignees ?? issue.assignees;
  if (state === "closed" && issue.state === "open") closeIssueRecord(req.state, issue, stateReason ?? "completed");
  if (state === "open" && issue.state === "closed") {
    Object.assign(issue, { state: "open", state_reason: "reopened", closed_at: null });
  }
  issue.updated_at = timestamp(req.state);
  return { status: 200, body: issueJson(req.state, repo, issue) };
}

export const issueRoutes = [
  route("GET", "/repos/:owner/:repo/issues", listIssues),
  route("POST", "/repos/:owner/:repo/issues", createIssue),
  route("GET", "/repos/:owner/:repo/issues/:number", getIssue),
  route("PATCH", "/repos/:owner/:repo/issues/:number", updateIssue),
];
