import { createHash } from "node:crypto";
import { repoOf } from "./lookups.js";
import { paginate } from "./paginate.js";
import { notFound, type Reply } from "./replies.js";
import { repoJson } from "./representations.js";
import { param, type RouteRequest } from "./request.js";
import { route } from "./router.js";
import { fullName, userNamed, type Commit, type StandInState } from "./state.js";

/** The sha git gives the file's blob. */
function blobSha(text: string): string {
  const bytes = Buffer.from(text);
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

function getRepo(req: RouteRequest): Reply {
  return { status: 200, body: repoJson(req.state, repoOf(req)) };
}

/** `ref` (a branch) is optional; the raw media type (`application/vnd.github.raw`) answers with the text itself. */
function getContent(req: RouteRequest): Reply {
  const repo = repoOf(req);
  const path = param(req, "path").replace(/^\/+|\/+$/g, "");
  const ref = (req.query.get("ref") ?? repo.defaultBranch).replace(/^refs\/heads\//, "");
  const text = repo.files.get(ref)?.get(path);
  if (text === undefined) throw notFound();
  if (req.accept.includes(".raw")) return { status: 200, raw: text };

  const url = `${req.state.apiUrl}/repos/${fullName(repo)}/contents/${path}`;
  const htmlUrl = `https://github.com/${fullName(repo)}/blob/${ref}/${path}`;
  return {
    status: 200,
    body: {
      type: "file",
      encoding: "base64",
      size: Buffer.byteLength(text),
      name: path.split("/").pop(),
      path,
      content: (Buffer.from(text).toString("base64").match(/.{1,60}/g) ?? []).join("\n"),
      sha: blobSha(text),
      url: `${url}?ref=${ref}`,
      html_url: htmlUrl,
      download_url: `https://raw.githubusercontent.com/${fullName(repo)}/${ref}/${path}`,
    },
  };
}

function commitJson(state: StandInState, commit: Commit) {
  const author = userNamed(state, commit.author);
  const signature = { name: commit.author, email: `${commit.author}@users.noreply.github.com`, date: commit.date ?? null };
  return {
    sha: commit.sha,
    node_id: `C_${commit.sha}`,
    commit: { message: commit.message, author: signature, committer: signature },
    author,
    committer: author,
    parents: [],
  };
}

/**
 * Commits after `base` up to and including `head` in the history given to `addCommits`; each end is a sha or a
 * branch given there. An end GitHub does not know (the zero sha of a new branch's `before`) is a 404, as there.
 */
function compare(req: RouteRequest): Reply {
  const repo = repoOf(req);
  const shas = repo.commits.map((commit) => commit.sha);
  const [base, head] = param(req, "basehead")
    .split("...")
    .map((end) => shas.indexOf(repo.branchHeads.get(end) ?? end));
  if (base === undefined || head === undefined || base === -1 || head === -1) throw notFound();
  const range = repo.commits.slice(base + 1, head + 1);
  const page = paginate(range, req, 250);
  return {
    status: 200,
    headers: page.headers,
    body: {
      status: "ahead",
      ahead_by: range.length,
      behind_by: 0,
      total_commits: range.length,
      commits: page.items.map((commit) => commitJson(req.state, commit)),
      files: [],
    },
  };
}

export const repoRoutes = [
  route("GET", "/repos/:owner/:repo", getRepo),
  route("GET", "/repos/:owner/:repo/contents/*path", getContent),
  route("GET", "/repos/:owner/:repo/compare/*basehead", compare),
];
