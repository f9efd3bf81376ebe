import { pullOf, repoOf } from "./lookups.js";
import type { Reply } from "./replies.js";
import { pullJson, teamJson } from "./representations.js";
import type { RouteRequest } from "./request.js";
import { route } from "./router.js";
import { userNamed } from "./state.js";

function getPull(req: RouteRequest): Reply {
  const repo = repoOf(req);
  return { status: 200, body: pullJson(req.state, repo, pullOf(req, repo)) };
}

function requestedReviewers(req: RouteRequest): Reply {
  const { requested_reviewers, requested_teams } = pullOf(req, repoOf(req)).pull_request;
  return {
    status: 200,
    body: { users: requested_reviewers.map((login) => userNamed(req.state, login)), teams: requested_teams.map(teamJson) },
  };
}

export const pullRoutes = [
  route("GET", "/repos/:owner/:repo/pulls/:number", getPull),
  route("GET", "/repos/:owner/:repo/pulls/:number/requested_reviewers", requestedReviewers),
];
