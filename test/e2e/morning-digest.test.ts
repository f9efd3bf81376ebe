import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import type { Db } from "../../src/store/schema.js";
import { startHarness, type Harness } from "../support/app-harness.js";
import { githubMock } from "../support/nock-github.js";
import { fixtureConfig } from "../fixtures/configs.js";
import { type TestDatabase, testDatabases } from "../support/test-databases.js";
import { branchPushPayload } from "../fixtures/webhooks.js";

const installation = { id: 1, node_id: "MDIzOkludGVncmF0aW9uMQ==" };

/** A real push example, moved to acme/api and to the given time, with one commit by `author`. */
function push(options: { at: string; sha: string; message: string; author: string; branch?: string }) {
  const payload = branchPushPayload();
  payload.ref = `refs/heads/${options.branch ?? "feat/export"}`;
  payload.repository.full_name = "acme/api";
  payload.repository.pushed_at = Date.parse(options.at) / 1000;
  payload.sender.login = options.author;
  const commit = { ...payload.commits[0]!, id: options.sha, message: options.message, distinct: true };
  commit.author = { ...commit.author, username: options.author };
  payload.commits = [commit];
  payload.after = options.sha;
  return { ...payload, installation };
}

beforeAll(() => nock.disableNetConnect());
afterAll(() => {
  nock.enableNetConnect();
  // nock patches Node's HTTP globally; later test files in this worker must see the real thing.
  nock.restore();
});

describe.each(testDatabases())("morning digest end to end on %s", (_kind, make) => {
  let database: TestDatabase;
  let db: Db;
  let app: Harness;
  let receivedAt: string;

  beforeEach(async () => {
    nock.enableNetConnect("127.0.0.1");
    database = make();
    db = await database.open();
    receivedAt = "2026-10-29T04:00:00.000Z";
    app = await startHarness({ db, receivedAt: () => receivedAt });
  });
  afterEach(async () => {
    await app.close();
    await database.dispose();
    nock.cleanAll();
  });

  it("posts one digest at digest_time, never before, never twice, not even after a restart", async () => {
    // Sweeps for missed deliveries at the first tick and 30 minutes later; reminders are off.
    const config = `${fixtureConfig("acme")}end_of_day:\n  remind: false\n`;
    const github = githubMock().deliveries(2).installations(4).token().config(config).createIssue("handoff");
    // Thu 29 Oct, 10:00 WIB: budi pushes; the delivery is then sent twice.
    const delivery = push({ at: "2026-10-29T03:00:00Z", sha: "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", message: "Add export endpoint", author: "budi" });
    expect(await app.send("push", delivery, "delivery-1")).toBe(200);
    expect(await app.send("push", delivery, "delivery-1")).toBe(200);

    expect(await app.tick("2026-10-29T15:29:00Z")).toEqual([{ installationId: 1, account: "acme", config: "valid", digest: null }]);
    expect(github.posted).toEqual([]);

    const [report] = await app.tick("2026-10-29T15:30:00Z");
    expect(report).toMatchObject({ digest: { teamDate: "2026-10-29", result: "posted", issue: 1 } });
    expect(github.posted).toHaveLength(1);
    const [digest] = github.posted;
    expect(digest!.title).toBe("Handoff digest — Thu 29 Oct 2026");
    expect(digest!.labels).toEqual(["handoff-digest"]);
    expect(digest!.body).toContain("<!-- handoff:digest date=2026-10-29 -->");
    expect(digest!.body.match(/`a1b2c3d`\]\([^)]*\) Add export endpoint/g)).toHaveLength(1);

    expect(await app.tick("2026-10-29T16:00:00Z")).toMatchObject([{ digest: null }]);
    await app.close();
    app = await startHarness({ db: database.reopen(), receivedAt: () => receivedAt });
    githubMock().token();
    expect(await app.tick("2026-10-29T16:15:00Z")).toMatchObject([{ digest: null }]);
    expect(github.posted).toHaveLength(1);
    expect(github.scope.pendingMocks()).toEqual([]);
  });
});
