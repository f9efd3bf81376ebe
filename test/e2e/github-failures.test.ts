import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { scheduleCommand } from "../../src/cli/schedule-command.js";
import type { GitHubStandIn } from "../../src/github-stand-in/index.js";
import type { Db } from "../../src/store/schema.js";
import { startHarness, type Harness } from "../support/app-harness.js";
import { type TestDatabase, testDatabases } from "../support/test-databases.js";
import { fixtureConfig } from "../fixtures/configs.js";
import { startAcmeStandIn } from "../support/world.js";
import { branchPushPayload } from "../fixtures/webhooks.js";

const DIGEST_TIME = "2026-10-29T15:30:00Z";

function push(installationId: number, repo: string) {
  const payload = branchPushPayload();
  payload.repository.full_name = repo;
  payload.repository.pushed_at = Date.parse("2026-10-29T03:00:00Z") / 1000;
  payload.commits = payload.commits.map((c) => ({ ...c, author: { ...c.author, username: "budi" } }));
  return { ...payload, installation: { id: installationId, node_id: "x" } };
}

describe.each(testDatabases())("GitHub failures on %s", (_kind, make) => {
  let database: TestDatabase;
  let db: Db;
  let gh: GitHubStandIn;
  let app: Harness;

  const start = async (resilient = false) => {
    app = await startHarness({ db, receivedAt: () => "2026-10-29T04:00:00.000Z", baseUrl: gh.baseUrl, resilient });
    await app.tick("2026-10-28T00:00:00Z"); // first read of the config
    await app.send("push", push(1, "acme/api"));
  };

  beforeEach(async () => {
    database = make();
    db = await database.open();
    // Reminders are off: these tests count the digest's calls and issues.
    gh = await startAcmeStandIn(`${fixtureConfig("acme")}end_of_day:\n  remind: false\n`);
  });
  afterEach(async () => {
    await app.close();
    await gh.close();
    await database.dispose();
  });

  it("leaves the digest pending after a 5xx and posts it once at the next tick", async () => {
    await start();
    gh.failNext({ method: "POST", path: /\/issues$/, status: 502 });
    const [failed] = await app.tick(DIGEST_TIME);
    expect(failed).toMatchObject({ account: "acme", error: expect.stringContaining("retried at the next tick") });
    expect(gh.issues("acme/handoff")).toEqual([]);
    await app.tick("2026-10-29T15:45:00Z");
    expect(gh.issues("acme/handoff").map((i) => i.title)).toEqual(["Handoff digest — Thu 29 Oct 2026"]);
  });

  it("records an issue that GitHub created although the response was lost, instead of posting it twice", async () => {
    await start();
    gh.failNext({ method: "POST", path: /\/issues$/, status: 500, afterHandling: true });
    await app.tick(DIGEST_TIME);
    expect(gh.issues("acme/handoff")).toHaveLength(1);
    const [retry] = await app.tick("2026-10-29T15:45:00Z");
    expect(retry).toMatchObject({ digest: { result: "posted", issue: 1 } });
    expect(gh.issues("acme/handoff")).toHaveLength(1);
    expect(await app.tick("2026-10-29T16:00:00Z")).toMatchObject([{ digest: null }]);
  });

  it("waits out a rate limit with Probot's throttling and posts once", async () => {
    await start(true);
    const reset = Math.ceil(Date.now() / 1000) + 1;
    gh.failNext({ method: "POST", path: /\/issues$/, status: 403, headers: { "x-ratelimit-remaining": 0, "x-ratelimit-reset": reset } });
    const [report] = await app.tick(DIGEST_TIME);
    expect(report).toMatchObject({ digest: { result: "posted" } });
    expect(gh.issues("acme/handoff")).toHaveLength(1);
    expect(gh.requests.filter((r) => r.method === "POST" && r.path === "/repos/acme/handoff/issues").map((r) => r.status)).toEqual([403, 201]);
  });

  it("stops a post held by a rate limit at the tick's deadline, so the tick that takes its claim over posts it once", async () => {
    await start(true);
    const reset = Math.ceil(Date.now() / 1000) + 1;
    gh.failNext({ method: "POST", path: /\/issues$/, status: 403, headers: { "x-ratelimit-remaining": 0, "x-ratelimit-reset": reset } });
    const [first] = await app.tick(DIGEST_TIME, { deadlineMs: 500 });
    expect(first).toMatchObject({ error: expect.stringMatching(/still working/) });
    // By 15:36 the claim's 5-minute lease has run out: this tick takes it over, finds no marker and posts.
    const [second] = await app.tick("2026-10-29T15:36:00Z");
    expect(second).toMatchObject({ digest: { result: "posted" } });
    // Throttling retries the first tick's request a second after the reset, behind the 3 s it keeps between
    // posts that notify: by then it must not be sent.
    await new Promise((resolve) => setTimeout(resolve, reset * 1000 - Date.now() + 6000));
    expect(gh.issues("acme/handoff")).toHaveLength(1);
    expect(gh.requests.filter((r) => r.method === "POST" && r.path === "/repos/acme/handoff/issues").map((r) => r.status)).toEqual([403, 201]);
  }, 45_000);

  it("reports a missing digest repository with what to fix, keeps other installations going, and shows it in handoff schedule", async () => {
    gh.addInstallation({ id: 2, account: "globex" });
    gh.addRepo("globex/.github", { files: { ".github/handoff.yml": `${fixtureConfig("acme").replace("repository: handoff", "repository: nowhere")}end_of_day:\n  remind: false\n` } });
    await start();
    await app.send("push", push(2, "globex/api"));
    const reports = await app.tick(DIGEST_TIME);
    expect(reports).toEqual([
      expect.objectContaining({ account: "acme", digest: expect.objectContaining({ result: "posted" }) }),
      {
        installationId: 2,
        account: "globex",
        error: expect.stringMatching(/^POST \/repos\/globex\/nowhere\/issues: 404 Not Found: the repository does not exist or the app is not installed on it/),
      },
    ]);
    const lines: string[] = [];
    await scheduleCommand({ at: DIGEST_TIME, json: false }, async () => database.reopen(), (line) => lines.push(line));
    expect(lines.filter((l) => l.includes("PROBLEM"))).toEqual([expect.stringMatching(/^globex: PROBLEM since 2026-10-29T15:30:00.000Z: POST \/repos\/globex\/nowhere\/issues: 404/)]);

    // Fixed: the next tick posts it and clears the problem.
    gh.addRepo("globex/nowhere");
    await app.tick("2026-10-29T15:45:00Z");
    expect(gh.issues("globex/nowhere")).toHaveLength(1);
    const after: string[] = [];
    await scheduleCommand({ at: DIGEST_TIME, json: false }, async () => database.reopen(), (line) => after.push(line));
    expect(after.filter((l) => l.includes("PROBLEM"))).toEqual([]);
  });
});
