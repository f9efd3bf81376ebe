import { createHash } from "node:crypto";
import { pullOf, repoOf } from "./lookups.js";
import { paginate } from "./paginate.js";
import type { Reply } from "./replies.js";
import type { RouteRequest } from "./request.js";
import { route } from "./router.js";
import { fullName } from "./state.js";

/** The files a pull request changes, as seeded with `addPullRequest(..., { files })`; no patches. */
function listFiles(req: RouteRequest): Reply {
  const repo = repoOf(req);
  const pr = pullOf(req, repo);
  const page = paginate(pr.pull_request.files, req);
  const { sha } = pr.pull_request.head;
  return {
    status: 200,
    headers: page.headers,
    body: page.items.map((file) => ({
      sha: createHash("sha1").update(`${sha}:${file.filename}`).digest("hex"),
      ...file,
      additions: 0,
      deletions: 0,
      changes: 0,
      blob_url: `https://github.com/${fullName(repo)}/blob/${sha}/${file.filename}`,
      raw_url: `https://github.com/${fullName(repo)}/raw/${sha}/${file.filename}`,
      contents_url: `${req.state.apiUrl}/repos/${fullName(repo)}/contents/${file.filename}?ref=${sha}`,
    })),
  };
}

export const pullFileRoutes = [route("GET", "/repos/:owner/:repo/pulls/:number/files", listFiles)];
