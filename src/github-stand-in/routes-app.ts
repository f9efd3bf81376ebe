import { randomBytes } from "node:crypto";
import { paginate } from "./paginate.js";
import { notFound, type Reply } from "./replies.js";
import { numberParam, param, type RouteRequest } from "./request.js";
import { route } from "./router.js";
import { isoSeconds, userNamed, type Installation, type StandInState } from "./state.js";

export const APP = { id: 1, slug: "handoff-digest", name: "Handoff" };

const PERMISSIONS = { issues: "write", pull_requests: "write", contents: "read", checks: "write", metadata: "read" };

function installationJson(state: StandInState, installation: Installation) {
  return {
    id: installation.id,
    account: { login: installation.account, id: userNamed(state, installation.account).id, type: installation.accountType },
    app_id: APP.id,
    app_slug: APP.slug,
    target_type: installation.accountType,
    repository_selection: "all",
    permissions: PERMISSIONS,
    events: [],
    access_tokens_url: `${state.apiUrl}/app/installations/${installation.id}/access_tokens`,
    suspended_at: null,
  };
}

function installationOfAccount(req: RouteRequest, name: string): Reply {
  const account = param(req, name).toLowerCase();
  const installation = req.state.installations.find((candidate) => candidate.account.toLowerCase() === account);
  if (!installation) throw notFound();
  return { status: 200, body: installationJson(req.state, installation) };
}

function listInstallations(req: RouteRequest): Reply {
  const page = paginate(req.state.installations, req);
  return { status: 200, body: page.items.map((i) => installationJson(req.state, i)), headers: page.headers };
}

/** Any token is accepted elsewhere, so the token is only a random string that expires an hour from now. */
function createAccessToken(req: RouteRequest): Reply {
  const id = numberParam(req, "id");
  if (!req.state.installations.some((installation) => installation.id === id)) throw notFound();
  const expiresAt = new Date(req.state.now().getTime() + 60 * 60 * 1000);
  return {
    status: 201,
    body: {
      token: `ghs_${randomBytes(18).toString("hex")}`,
      expires_at: isoSeconds(expiresAt),
      permissions: PERMISSIONS,
      repository_selection: "all",
    },
  };
}

function getApp(): Reply {
  return {
    status: 200,
    body: { ...APP, owner: { login: "handoff", type: "Organization" }, html_url: `https://github.com/apps/${APP.slug}`, permissions: PERMISSIONS },
  };
}

export const appRoutes = [
  route("GET", "/app", getApp),
  route("GET", "/app/installations", listInstallations),
  route("POST", "/app/installations/:id/access_tokens", createAccessToken),
  route("GET", "/repos/:owner/:repo/installation", (req) => installationOfAccount(req, "owner")),
  route("GET", "/orgs/:org/installation", (req) => installationOfAccount(req, "org")),
  route("GET", "/users/:user/installation", (req) => installationOfAccount(req, "user")),
];
