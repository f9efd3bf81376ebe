import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { type TestDatabase, testDatabases } from "../support/test-databases.js";
import { startWorld, type World } from "../support/world.js";
import { branchPushPayload } from "../fixtures/webhooks.js";

const sha = (n: number) => n.toString(16).padStart(40, "0");

describe.each(testDatabases())("a push cut at 2048 commits on %s", (_kind, make) => {
  let database: TestDatabase;
  let world: World;

  beforeEach(async () => {
    database = make();
    world = await startWorld(database, { receivedAt: "2026-10-29T04:00:00.000Z" });
  });
  afterEach(async () => {
    await world.close();
    await database.dispose();
  });

  it("is completed from the compare API, each commit counted once", async () => {
    const { app, gh } = world;
    // The branch has 2100 new commits; the webhook carries the first 2048.
    const all = Array.from({ length: 2101 }, (_, i) => ({ sha: sha(i + 1), message: `Commit ${i}`, author: "budi" }));
    gh.addCommits("acme/api", all);
    const payload = branchPushPayload();
    payload.ref = "refs/heads/feat/huge";
    payload.repository.full_name = "acme/api";
    payload.repository.pushed_at = Date.parse("2026-10-29T03:00:00Z") / 1000;
    payload.before = sha(1);
    payload.after = sha(2101);
    const template = payload.commits[0]!;
    payload.commits = all.slice(1, 2049).map((c) => ({ ...template, id: c.sha, message: c.message, distinct: true, author: { ...template.author, username: "budi" } }));

    expect(await app.send("push", { ...payload, installation: { id: 1, node_id: "x" } })).toBe(200);
    expect(gh.requests.filter((r) => r.path.startsWith("/repos/acme/api/compare/"))).toHaveLength(21);

    await app.tick("2026-10-29T15:30:00Z");
    const [digest] = world.digests();
    expect(digest!.body).toMatch(/`feat\/huge` \(2100\)/);
  });
});
