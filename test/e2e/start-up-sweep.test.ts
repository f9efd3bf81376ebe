import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createNodeMiddleware, Probot } from "probot";
import { handoffApp, type HandoffApp } from "../../src/app.js";
import { type TestDatabase, testDatabases } from "../support/test-databases.js";
import { UnthrottledOctokit } from "../support/unthrottled-octokit.js";
import { startWorld, type World } from "../support/world.js";

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
const delivery = (id: number, guid: string, delivered_at: string, status_code: number) => ({ id, guid, delivered_at, status_code, event: "push" });

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe.each(testDatabases())("the sweep for missed deliveries at the server's start-up on %s", (_kind, make) => {
  let database: TestDatabase;
  let world: World;
  let server: HandoffApp | null = null;

  const listings = () => world.gh.requests.filter((r) => r.path === "/app/hook/deliveries").length;
  const installationLists = () => world.gh.requests.filter((r) => r.path === "/app/installations").length;

  /** The app as `npm start` wires it, with its internal scheduler on and its clock stopped at `at`; returns once its first tick is done. */
  async function startServer(at: string): Promise<void> {
    const ticksBefore = installationLists();
    const probot = new Probot({ appId: 1, privateKey, secret: "test-secret", logLevel: "fatal", baseUrl: world.gh.baseUrl, Octokit: UnthrottledOctokit });
    const inboxDir = mkdtempSync(join(tmpdir(), "handoff-inbox-"));
    server = handoffApp({ db: database.reopen(), tickSeconds: 3600, now: () => at, owner: "server", retentionDays: 90, webhooks: { secret: "test-secret" }, inbox: { dir: inboxDir } });
    await createNodeMiddleware(server.appFn, { probot });
    await until(() => installationLists() > ticksBefore);
    await server.stop();
    rmSync(inboxDir, { recursive: true, force: true });
  }

  beforeEach(async () => {
    database = make();
    world = await startWorld(database, { receivedAt: "2026-10-29T14:00:00.000Z" });
  });
  afterEach(async () => {
    await server?.stop();
    server = null;
    await world.close();
    await database.dispose();
  });

  it("redelivers what failed during a short outage at once, then keeps to every 30 minutes", async () => {
    const { app, gh } = world;
    await app.tick("2026-10-29T14:00:00Z");
    expect(listings()).toBe(1);

    // The server goes down at 14:05; a delivery fails at 14:10. `handoff tick` keeps to the 30 minutes.
    gh.addHookDelivery(delivery(1, "during-outage", "2026-10-29T14:10:00Z", 502));
    await app.tick("2026-10-29T14:20:00Z");
    expect([listings(), gh.redeliveries]).toEqual([1, []]);

    // The server starts again at 14:20: its first tick sweeps although the last sweep is 20 minutes old.
    await startServer("2026-10-29T14:20:00.000Z");
    expect(gh.redeliveries).toEqual([{ id: 1, guid: "during-outage" }]);
    expect(listings()).toBe(2); // the tick's own check then finds the sweep fresh

    // Later ticks sweep again only when the last sweep is 30 minutes old.
    gh.addHookDelivery(delivery(2, "later", "2026-10-29T14:30:00Z", 500));
    await app.tick("2026-10-29T14:45:00Z");
    expect(listings()).toBe(2);
    await app.tick("2026-10-29T14:50:00Z");
    expect(gh.redeliveries).toEqual([
      { id: 1, guid: "during-outage" },
      { id: 2, guid: "later" },
    ]);
  });

  it("does not sweep again at start-up when another replica swept since this server started", async () => {
    const { app } = world;
    await app.tick("2026-10-29T14:00:00Z");
    await startServer("2026-10-29T13:59:00.000Z"); // its clock starts before that sweep began
    expect(listings()).toBe(1);
  });
});
