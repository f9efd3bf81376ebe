import { repoOf } from "./lookups.js";
import { paginate } from "./paginate.js";
import { notFound, validationFailed, type Reply } from "./replies.js";
import { labelJson } from "./representations.js";
import { bodyString, param, requiredBodyString, type RouteRequest } from "./request.js";
import { route } from "./router.js";
import { nextId, type Label } from "./state.js";

function listLabels(req: RouteRequest): Reply {
  const repo = repoOf(req);
  const page = paginate(repo.labels, req);
  return { status: 200, body: page.items.map((label) => labelJson(req.state, repo, label)), headers: page.headers };
}

function getLabel(req: RouteRequest): Reply {
  const repo = repoOf(req);
  const name = param(req, "name").toLowerCase();
  const label = repo.labels.find((candidate) => candidate.name.toLowerCase() === name);
  if (!label) throw notFound();
  return { status: 200, body: labelJson(req.state, repo, label) };
}

function createLabel(req: RouteRequest): Reply {
  const repo = repoOf(req);
  const name = requiredBodyString(req, "name", "Label");
  if (repo.labels.some((label) => label.name.toLowerCase() === name.toLowerCase())) {
    throw validationFailed({ resource: "Label", code: "already_exists", field: "name" });
  }
  const label: Label = {
    id: nextId(req.state),
    name,
    color: (bodyString(req, "color", "Label") ?? "ededed").replace(/^#/, ""),
    description: bodyString(req, "description", "Label") ?? null,
  };
  repo.labels.push(label);
  return { status: 201, body: labelJson(req.state, repo, label) };
}

export const labelRoutes = [
  route("GET", "/repos/:owner/:repo/labels", listLabels),
  route("POST", "/repos/:owner/:repo/labels", createLabel),
  route("GET", "/repos/:owner/:repo/labels/:name", getLabel),
];
