import { repoOf } from "./lookups.js";
import { notFound, type Reply } from "./replies.js";
import { paginate } from "./paginate.js";
import { numberParam, param, requiredBodyString, type RouteRequest } from "./request.js";
import { route } from "./router.js";
import { fullName, nextId, type CheckRun, type Repo, type StandInState } from "./state.js";

function checkRunJson(state: StandInState, repo: Repo, run: CheckRun) {
  return {
    ...run,
    url: `${state.apiUrl}/repos/${fullName(repo)}/check-runs/${run.id}`,
    html_url: `https://github.com/${fullName(repo)}/runs/${run.id}`,
  };
}

function createCheckRun(req: RouteRequest): Reply {
  const repo = repoOf(req);
  const run: CheckRun = {
    status: "queued",
    conclusion: null,
    ...req.body,
    id: nextId(req.state),
    name: requiredBodyString(req, "name", "CheckRun"),
    head_sha: requiredBodyString(req, "head_sha", "CheckRun"),
  };
  if (run.conclusion) run.status = "completed";
  repo.checkRuns.push(run);
  return { status: 201, body: checkRunJson(req.state, repo, run) };
}

/** Fields given replace the stored ones (shallow, `output` included); a conclusion completes the run. */
function updateCheckRun(req: RouteRequest): Reply {
  const repo = repoOf(req);
  const id = numberParam(req, "id");
  const run = repo.checkRuns.find((candidate) => candidate.id === id);
  if (!run) throw notFound();
  Object.assign(run, req.body, { id });
  if (run.conclusion) run.status = "completed";
  return { status: 200, body: checkRunJson(req.state, repo, run) };
}

/** Check runs on a commit SHA (branch names are not resolved), optionally only those named `check_name`. */
function listCheckRunsForRef(req: RouteRequest): Reply {
  const repo = repoOf(req);
  const sha = param(req, "ref");
  const name = req.query.get("check_name");
  const runs = repo.checkRuns.filter((run) => run.head_sha === sha && (name === null || run.name === name));
  const page = paginate(runs, req);
  return { status: 200, headers: page.headers, body: { total_count: runs.length, check_runs: page.items.map((run) => checkRunJson(req.state, repo, run)) } };
}

export const checkRunRoutes = [
  route("GET", "/repos/:owner/:repo/commits/:ref/check-runs", listCheckRunsForRef),
  route("POST", "/repos/:owner/:repo/check-runs", createCheckRun),
  route("PATCH", "/repos/:owner/:repo/check-runs/:id", updateCheckRun),
];
