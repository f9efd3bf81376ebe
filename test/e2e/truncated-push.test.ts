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

  // The branch holds 2100 commits after main's head; the webhook carries the first 2048 of them.
  it.each([
    { case: "an existing branch, from its previous head", before: sha(1), compares: 21, shown: "2100" },
    { case: "a new branch, from the default branch (GitHub cannot compare from the zero sha)", before: "0".repeat(40), compares: 21, shown: "2100" },
    { case: "a previous head GitHub no longer has: the 2048 the webhook carries, not lost", before: "f".repeat(40), compares: 1, shown: "2048" },
  ])("is completed from the compare API for $case, each commit counted once", async ({ before, compares, shown }) => {
    const { app, gh } = world;
    const all = Array.from({ length: 2101 }, (_, i) => ({ sha: sha(i + 1), message: `Commit ${i}`, author: "budi" }));
    gh.addCommits("acme/api", all.slice(0, 1), "main");
    gh.addCommits("acme/api", all.slice(1));
    const payload = branchPushPayload();
    payload.ref = "refs/heads/feat/huge";
    payload.repository.full_name = "acme/api";
    payload.repository.default_branch = "main";
    payload.repository.pushed_at = Date.parse("2026-10-29T03:00:00Z") / 1000;
    payload.before = before;
    payload.after = sha(2101);
    const template = payload.commits[0]!;
    payload.commits = all.slice(1, 2049).map((c) => ({ ...template, id: c.sha, message: c.message, distinct: true, author: { ...template.author, username: "budi" } }));

    expect(await app.send("push", { ...payload, installation: { id: 1, node_id: "x" } })).toBe(200);
    expect(gh.requests.filter((r) => r.path.startsWith("/repos/acme/api/compare/"))).toHaveLength(compares);

    await app.tick("2026-10-29T15:30:00Z");
    const [digest] = world.digests();
    expect(digest!.body).toContain(`\`feat/huge\` (${shown})`);
  });
});
