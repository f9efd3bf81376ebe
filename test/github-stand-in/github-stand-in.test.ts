import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createHash, createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { ProbotOctokit } from "probot";
import { sendWebhook, startGitHubStandIn, type GitHubStandIn } from "../../src/github-stand-in/index.js";

const CONFIG = "team:\n  timezone: America/Los_Angeles\ndigest:\n  repository: handoff\n";

let clock = new Date("2026-11-02T16:30:00.000Z");
let gh: GitHubStandIn;
let octokit: InstanceType<typeof ProbotOctokit>;

function client(options: { throttle?: object } = {}) {
  return new ProbotOctokit({
    auth: { token: "x" },
    baseUrl: gh.baseUrl,
    throttle: { enabled: false, ...options.throttle },
    retry: { enabled: false },
  });
}

async function statusOf(request: Promise<unknown>): Promise<number> {
  return request.then(
    () => 200,
    (error: { status: number }) => error.status,
  );
}

beforeAll(async () => {
  gh = await startGitHubStandIn({ now: () => clock });
  gh.addInstallation({ id: 7, account: "acme" });
  gh.addRepo("acme/.github", { files: { ".github/handoff.yml": CONFIG } });
  for (const name of ["acme/handoff", "acme/api", "acme/busy", "acme/faulty"]) gh.addRepo(name);
  octokit = client();
});

afterAll(() => gh.close());

describe("app and repositories", () => {
  it("issues installation tokens that expire an hour after the stand-in's clock", async () => {
    const { status, data } = await octokit.request("POST /app/installations/{installation_id}/access_tokens", { installation_id: 7 });
    expect(status).toBe(201);
    expect(data.expires_at).toBe("2026-11-02T17:30:00Z");
    expect((await octokit.rest.apps.getRepoInstallation({ owner: "acme", repo: "api" })).data.id).toBe(7);
    expect((await octokit.rest.apps.getOrgInstallation({ org: "acme" })).data.account).toMatchObject({ login: "acme" });
    expect(await statusOf(octokit.rest.apps.getOrgInstallation({ org: "nobody" }))).toBe(404);
  });

  it("answers repositories, and unknown ones with GitHub's 404", async () => {
    const { data } = await octokit.rest.repos.get({ owner: "acme", repo: ".github" });
    expect(data).toMatchObject({ full_name: "acme/.github", name: ".github", default_branch: "main", owner: { login: "acme" } });
    const error = await octokit.rest.repos.get({ owner: "acme", repo: "missing" }).catch((e: { response: { data: unknown } }) => e);
    expect(error).toMatchObject({ status: 404, response: { data: { message: "Not Found", documentation_url: "https://docs.github.com/rest" } } });
  });

  it("serves files as base64 JSON and raw (as Probot's config plugin reads them), and deletes them", async () => {
    const { data } = await octokit.rest.repos.getContent({ owner: "acme", repo: ".github", path: ".github/handoff.yml" });
    const expectedSha = createHash("sha1").update(`blob ${CONFIG.length}\0${CONFIG}`).digest("hex");
    expect(data).toMatchObject({ type: "file", encoding: "base64", name: "handoff.yml", path: ".github/handoff.yml", sha: expectedSha });
    expect(Buffer.from((data as { content: string }).content, "base64").toString()).toBe(CONFIG);
    expect(gh.requests.at(-1)).toEqual({ method: "GET", path: "/repos/acme/.github/contents/.github/handoff.yml", status: 200 });

    const { config } = await octokit.config.get({ owner: "acme", repo: ".github", path: ".github/handoff.yml" });
    expect(config).toEqual({ team: { timezone: "America/Los_Angeles" }, digest: { repository: "handoff" } });

    gh.setFile("acme/.github", ".github/draft.yml", "a: 1\n", "config-change");
    expect(await statusOf(octokit.rest.repos.getContent({ owner: "acme", repo: ".github", path: ".github/draft.yml" }))).toBe(404);
    expect(await statusOf(octokit.rest.repos.getContent({ owner: "acme", repo: ".github", path: ".github/draft.yml", ref: "config-change" }))).toBe(200);
    gh.setFile("acme/.github", ".github/draft.yml", null, "config-change");
    expect(await statusOf(octokit.rest.repos.getContent({ owner: "acme", repo: ".github", path: ".github/draft.yml", ref: "config-change" }))).toBe(404);
  });

  it("is a real server on loopback, with and without the /api/v3 prefix", async () => {
    const withPrefix = await fetch(`${gh.baseUrl}/repos/acme/api`);
    const withoutPrefix = await fetch(`http://${gh.host}/repos/acme/api`);
    expect([withPrefix.status, withoutPrefix.status]).toEqual([200, 200]);
    expect(gh.requests.slice(-2)).toEqual([
      { method: "GET", path: "/repos/acme/api", status: 200 },
      { method: "GET", path: "/repos/acme/api", status: 200 },
    ]);
  });

  it("answers routes it does not implement with 404 and records them", async () => {
    expect(await statusOf(octokit.request("GET /repos/{owner}/{repo}/branches", { owner: "acme", repo: "api" }))).toBe(404);
    expect(gh.unhandled).toEqual([{ method: "GET", path: "/repos/acme/api/branches" }]);
  });
});

describe("issues and comments", () => {
  it("creates issues as the app's bot, creating missing labels, and closes them", async () => {
    const { status, data } = await octokit.rest.issues.create({ owner: "acme", repo: "handoff", title: "Handoff digest — Mon 2 Nov 2026", body: "<!-- handoff:digest date=2026-11-02 -->", labels: ["handoff-digest"] });
    expect(status).toBe(201);
    expect(data).toMatchObject({ number: 1, state: "open", user: { login: "handoff-digest[bot]", type: "Bot" }, created_at: "2026-11-02T16:30:00Z", html_url: "https://github.com/acme/handoff/issues/1" });
    expect(data.labels).toEqual([expect.objectContaining({ name: "handoff-digest" })]);

    await octokit.rest.issues.update({ owner: "acme", repo: "handoff", issue_number: 1, state: "closed", state_reason: "completed" });
    expect(gh.issues("acme/handoff")).toEqual([expect.objectContaining({ number: 1, state: "closed", labels: ["handoff-digest"], closed_at: "2026-11-02T16:30:00Z" })]);
    const open = await octokit.rest.issues.listForRepo({ owner: "acme", repo: "handoff" });
    const closed = await octokit.rest.issues.listForRepo({ owner: "acme", repo: "handoff", state: "closed", labels: "handoff-digest", creator: "handoff-digest[bot]" });
    expect([open.data.length, closed.data.map((issue) => issue.number)]).toEqual([0, [1]]);
  });

  it("shares numbers between issues and pull requests, and lists pull requests among issues", async () => {
    gh.addPullRequest("acme/handoff", { user: "budi", title: "Add export", head: { ref: "export", sha: "abc123" }, requested_reviewers: ["alice"], requested_teams: ["web"] });
    const { data: issue } = await octokit.rest.issues.create({ owner: "acme", repo: "handoff", title: "Handoff log: budi" });
    expect(issue.number).toBe(3);
    const listed = await octokit.rest.issues.listForRepo({ owner: "acme", repo: "handoff", sort: "created", direction: "asc" });
    expect(listed.data.map((item) => [item.number, item.pull_request !== undefined])).toEqual([[2, true], [3, false]]);
    expect(gh.issues("acme/handoff").map((item) => item.number)).toEqual([1, 3]);

    const { data: pr } = await octokit.rest.pulls.get({ owner: "acme", repo: "handoff", pull_number: 2 });
    expect(pr).toMatchObject({ draft: false, state: "open", head: { ref: "export", sha: "abc123" }, user: { login: "budi" } });
    const { data: reviewers } = await octokit.rest.pulls.listRequestedReviewers({ owner: "acme", repo: "handoff", pull_number: 2 });
    expect(reviewers).toMatchObject({ users: [{ login: "alice" }], teams: [{ slug: "web", name: "web" }] });

    const { data: prompt } = await octokit.rest.issues.createComment({ owner: "acme", repo: "handoff", issue_number: 2, body: "@alice please review" });
    expect(prompt.html_url).toBe(`https://github.com/acme/handoff/pull/2#issuecomment-${prompt.id}`);
  });

  it("seeds issues and comments written by people", async () => {
    const issue = gh.addIssue("acme/api", { title: "Flaky deploy", user: "alice", labels: ["bug"] });
    gh.addComment("acme/api", issue.number, { body: "/eod done", user: "budi" });
    const { data } = await octokit.rest.issues.listComments({ owner: "acme", repo: "api", issue_number: issue.number });
    expect(data.map((comment) => [comment.user?.login, comment.user?.type, comment.body])).toEqual([["budi", "User", "/eod done"]]);
  });

  it("marks a draft pull request ready and merges it, stamped with the stand-in's clock", async () => {
    const { number } = gh.addPullRequest("acme/api", { user: "budi", title: "Paging", head: { ref: "paging" }, draft: true });
    expect(gh.changePullRequest("acme/api", number, { draft: false })).toMatchObject({ state: "open", pull_request: { draft: false, merged_at: null } });
    const merged = gh.changePullRequest("acme/api", number, { close: "merged" });
    expect(merged).toMatchObject({ state: "closed", closed_at: "2026-11-02T16:30:00Z", updated_at: "2026-11-02T16:30:00Z", pull_request: { merged_at: "2026-11-02T16:30:00Z" } });
    const { data: pr } = await octokit.rest.pulls.get({ owner: "acme", repo: "api", pull_number: number });
    expect(pr).toMatchObject({ state: "closed", merged: true, draft: false });
    expect(() => gh.changePullRequest("acme/api", 1, { draft: false })).toThrow("acme/api#1 is an issue; changePullRequest changes pull requests");
  });

  it("paginates over more than 100 issues with GitHub's Link header", async () => {
    for (let i = 1; i <= 120; i++) await octokit.rest.issues.create({ owner: "acme", repo: "busy", title: `Issue ${i}` });
    const first = await octokit.rest.issues.listForRepo({ owner: "acme", repo: "busy", per_page: 50 });
    expect(first.data.map((issue) => issue.number).slice(0, 2)).toEqual([120, 119]);
    expect(first.headers.link).toBe(
      `<${gh.baseUrl}/repos/acme/busy/issues?per_page=50&page=2>; rel="next", <${gh.baseUrl}/repos/acme/busy/issues?per_page=50&page=3>; rel="last"`,
    );
    const all = await octokit.paginate(octokit.rest.issues.listForRepo, { owner: "acme", repo: "busy", per_page: 100, direction: "asc" });
    expect(all.map((issue) => issue.number)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
  });

  it("paginates comments, filters them by `since`, edits and deletes them", async () => {
    for (let i = 1; i <= 104; i++) await octokit.rest.issues.createComment({ owner: "acme", repo: "busy", issue_number: 1, body: `comment ${i}` });
    clock = new Date("2026-11-02T18:00:00.000Z");
    const { data: late } = await octokit.rest.issues.createComment({ owner: "acme", repo: "busy", issue_number: 1, body: "late" });

    const all = await octokit.paginate(octokit.rest.issues.listComments, { owner: "acme", repo: "busy", issue_number: 1, per_page: 100 });
    expect(all).toHaveLength(105);
    expect(all[0]).toMatchObject({ body: "comment 1", user: { login: "handoff-digest[bot]" } });
    const since = await octokit.rest.issues.listComments({ owner: "acme", repo: "busy", issue_number: 1, since: "2026-11-02T17:00:00Z" });
    expect(since.data.map((comment) => comment.body)).toEqual(["late"]);

    await octokit.rest.issues.updateComment({ owner: "acme", repo: "busy", comment_id: late.id, body: "edited" });
    await octokit.rest.issues.deleteComment({ owner: "acme", repo: "busy", comment_id: all[0]!.id });
    const stored = gh.comments("acme/busy", 1);
    expect([stored.length, stored.at(-1)?.body]).toEqual([104, "edited"]);
  });

  it("rejects bodies over GitHub's 65,536 characters", async () => {
    const error = await octokit.rest.issues.create({ owner: "acme", repo: "busy", title: "Too long", body: "x".repeat(65537) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, response: { data: { errors: [{ resource: "Issue", field: "body", code: "custom" }] } } });
  });

  it("records reactions once per content", async () => {
    const first = await octokit.rest.reactions.createForIssue({ owner: "acme", repo: "busy", issue_number: 2, content: "eyes" });
    const again = await octokit.rest.reactions.createForIssue({ owner: "acme", repo: "busy", issue_number: 2, content: "eyes" });
    expect([first.status, again.status, again.data.id]).toEqual([201, 200, first.data.id]);
  });
});

describe("labels, check runs, compare", () => {
  it("answers 422 already_exists for a label that exists in any case", async () => {
    const created = await octokit.rest.issues.createLabel({ owner: "acme", repo: "api", name: "handoff-log", color: "0e8a16" });
    expect(created.status).toBe(201);
    const error = await octokit.rest.issues.createLabel({ owner: "acme", repo: "api", name: "Handoff-Log" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, response: { data: { message: "Validation Failed", errors: [{ resource: "Label", code: "already_exists", field: "name" }] } } });
    expect((await octokit.rest.issues.getLabel({ owner: "acme", repo: "api", name: "HANDOFF-LOG" })).data.color).toBe("0e8a16");
  });

  it("stores check runs and their updates", async () => {
    const { data } = await octokit.rest.checks.create({ owner: "acme", repo: ".github", name: "Handoff config", head_sha: "def456", status: "in_progress" });
    await octokit.rest.checks.update({ owner: "acme", repo: ".github", check_run_id: data.id, conclusion: "failure", output: { title: "1 problem", summary: "bad zone" } });
    expect(gh.checkRuns("acme/.github")).toEqual([
      { id: data.id, name: "Handoff config", head_sha: "def456", status: "completed", conclusion: "failure", output: { title: "1 problem", summary: "bad zone" } },
    ]);
  });

  it("compares base...head over the registered commits", async () => {
    gh.addCommits("acme/api", ["a1", "b2", "c3"].map((sha) => ({ sha, message: `commit ${sha}`, author: "budi" })));
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner: "acme", repo: "api", basehead: "a1...c3" });
    expect(data.total_commits).toBe(2);
    expect(data.commits.map((commit) => [commit.sha, commit.commit.message, commit.author?.login])).toEqual([["b2", "commit b2", "budi"], ["c3", "commit c3", "budi"]]);
  });

  it("compares from a branch given to addCommits, and answers 404 for an end it does not know, as GitHub does", async () => {
    gh.addCommits("acme/api", [{ sha: "m1", message: "main's head", author: "budi" }], "main");
    gh.addCommits("acme/api", ["n1", "n2"].map((sha) => ({ sha, message: `commit ${sha}`, author: "budi" })));
    const compare = (basehead: string) => octokit.rest.repos.compareCommitsWithBasehead({ owner: "acme", repo: "api", basehead });
    expect((await compare("main...n2")).data.commits.map((commit) => commit.sha)).toEqual(["n1", "n2"]);
    expect(await statusOf(compare(`${"0".repeat(40)}...n2`))).toBe(404);
  });
});

describe("fault injection", () => {
  it("fails the next matching request with a 500, then succeeds", async () => {
    gh.failNext({ method: "POST", path: /\/issues$/, status: 500 });
    const create = () => octokit.rest.issues.create({ owner: "acme", repo: "faulty", title: "Retry me" });
    expect(await statusOf(create())).toBe(500);
    expect(await statusOf(create())).toBe(200);
    expect(gh.issues("acme/faulty").map((issue) => issue.title)).toEqual(["Retry me"]);
  });

  it("can lose the response after the request took effect", async () => {
    gh.failNext({ method: "POST", path: /\/comments$/, status: 502, afterHandling: true });
    expect(await statusOf(octokit.rest.issues.createComment({ owner: "acme", repo: "faulty", issue_number: 1, body: "landed" }))).toBe(502);
    expect(gh.comments("acme/faulty", 1).map((comment) => comment.body)).toEqual(["landed"]);
  });

  it("sends rate-limit headers that Probot's throttling honours", async () => {
    const reset = Math.floor(Date.now() / 1000);
    const headers = { "x-ratelimit-remaining": 0, "x-ratelimit-reset": reset };
    gh.failNext({ path: /^\/repos\/acme\/api$/, status: 403, headers });
    const error = await octokit.rest.repos.get({ owner: "acme", repo: "api" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, response: { headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) } } });

    gh.failNext({ path: /^\/repos\/acme\/api$/, status: 403, headers, times: 2 });
    const waits: number[] = [];
    const onRateLimit = (retryAfter: number) => waits.push(retryAfter) > 0;
    const throttled = client({ throttle: { enabled: true, retryAfterBaseValue: 1, onRateLimit } });
    expect((await throttled.rest.repos.get({ owner: "acme", repo: "api" })).status).toBe(200);
    expect(waits.length === 2 && waits.every((seconds) => seconds <= 1)).toBe(true);
    expect(gh.requests.slice(-3).map((request) => request.status)).toEqual([403, 403, 200]);
  });
});

describe("hook deliveries", () => {
  it("lists deliveries newest first with cursor pagination, and records redeliveries", async () => {
    for (let id = 1; id <= 5; id++) {
      gh.addHookDelivery({ id, guid: `guid-${id}`, delivered_at: `2026-11-02T0${id}:00:00Z`, status_code: id === 2 ? 502 : 200, event: "push" });
    }
    const first = await octokit.request("GET /app/hook/deliveries", { per_page: 2 });
    expect(first.headers.link).toBe(`<${gh.baseUrl}/app/hook/deliveries?per_page=2&cursor=v1_4>; rel="next"`);
    const all = await octokit.paginate("GET /app/hook/deliveries", { per_page: 2 });
    expect(all.map((delivery) => [delivery.guid, delivery.status])).toEqual([
      ["guid-5", "OK"], ["guid-4", "OK"], ["guid-3", "OK"], ["guid-2", "Invalid HTTP Response: 502"], ["guid-1", "OK"],
    ]);

    const redelivery = await octokit.rest.apps.redeliverWebhookDelivery({ delivery_id: 2 });
    expect(redelivery.status).toBe(202);
    expect(gh.redeliveries).toEqual([{ id: 2, guid: "guid-2" }]);
    expect(await statusOf(octokit.rest.apps.redeliverWebhookDelivery({ delivery_id: 99 }))).toBe(404);
  });
});

describe("sendWebhook", () => {
  it("posts a delivery signed with the secret", async () => {
    let received: { headers: IncomingHttpHeaders; body: string } | undefined;
    const app = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        received = { headers: req.headers, body };
        res.writeHead(202).end("queued");
      });
    });
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/github/webhooks`;

    const response = await sendWebhook({ url, secret: "s3cret", name: "issues", payload: { action: "opened" }, deliveryId: "d-1" });
    await new Promise((resolve) => app.close(resolve));

    expect(response).toEqual({ status: 202, body: "queued", deliveryId: "d-1" });
    expect(received?.body).toBe('{"action":"opened"}');
    expect(received?.headers).toMatchObject({
      "content-type": "application/json",
      "x-github-event": "issues",
      "x-github-delivery": "d-1",
      "x-hub-signature-256": `sha256=${createHmac("sha256", "s3cret").update('{"action":"opened"}').digest("hex")}`,
    });
  });
});
