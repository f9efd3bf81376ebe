import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { type TestDatabase, testDatabases } from "../support/test-databases.js";
import { startWorld, type World } from "../support/world.js";
import { branchPushPayload } from "../fixtures/webhooks.js";

const delivery = (id: number, guid: string, delivered_at: string, status_code: number) => ({ id, guid, delivered_at, status_code, event: "push" });

describe.each(testDatabases())("webhooks missed during downtime on %s", (_kind, make) => {
  let database: TestDatabase;
  let world: World;

  beforeEach(async () => {
    database = make();
    world = await startWorld(database, { receivedAt: "2026-10-29T14:00:00.000Z" });
  });
  afterEach(async () => {
    await world.close();
    await database.dispose();
  });

  it("redelivers each failed delivery once, pages back to the previous sweep, and the redelivered event lands in the digest", async () => {
    const { app, gh } = world;
    gh.addHookDelivery(delivery(1, "too-old", "2026-10-28T09:00:00Z", 502)); // before the first sweep's 24 hours
    gh.addHookDelivery(delivery(2, "down", "2026-10-29T03:00:00Z", 502));
    gh.addHookDelivery(delivery(3, "ok", "2026-10-29T03:01:00Z", 200));
    gh.addHookDelivery(delivery(4, "recovered", "2026-10-29T03:02:00Z", 0));
    gh.addHookDelivery(delivery(5, "recovered", "2026-10-29T03:30:00Z", 202));
    for (let i = 0; i < 150; i++) gh.addHookDelivery(delivery(100 + i, `fine-${i}`, "2026-10-29T13:00:00Z", 200)); // two pages

    await app.tick("2026-10-29T14:00:00Z");
    expect(gh.redeliveries).toEqual([{ id: 2, guid: "down" }]);

    // GitHub redelivers it with the same guid; it is recorded although it arrives late.
    const push = branchPushPayload();
    push.repository.full_name = "acme/api";
    push.repository.pushed_at = Date.parse("2026-10-29T03:00:00Z") / 1000;
    push.commits = push.commits.map((c) => ({ ...c, message: "Pushed while the app was down", author: { ...c.author, username: "budi" } }));
    expect(await app.send("push", { ...push, installation: { id: 1, node_id: "x" } }, "down")).toBe(200);

    // Within 30 minutes no sweep; after that one that stops at the previous sweep.
    await app.tick("2026-10-29T14:15:00Z");
    expect(gh.requests.filter((r) => r.path === "/app/hook/deliveries")).toHaveLength(2);
    gh.addHookDelivery(delivery(6, "later", "2026-10-29T14:20:00Z", 500));
    await app.tick("2026-10-29T15:30:00Z");
    expect(gh.redeliveries).toEqual([
      { id: 2, guid: "down" },
      { id: 6, guid: "later" },
    ]);
    expect(gh.requests.filter((r) => r.path === "/app/hook/deliveries")).toHaveLength(3);

    const [digest] = world.digests();
    expect(digest!.body).toContain("Pushed while the app was down");
  });
});
