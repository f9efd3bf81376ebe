import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GitHubStandIn } from "../../src/github-stand-in/index.js";
import { type Replica, REPLICA_SECRET, startReplica } from "../support/replica.js";
import { deliver, digestText, instants, postedMarkers, pushDelivery, seededRandom } from "../support/simulation.js";
import { type TestDatabase, testDatabases } from "../support/test-databases.js";
import { startAcmeStandIn } from "../support/world.js";
import { fixtureConfig } from "../fixtures/configs.js";

const CONTRACTORS = ["budi", "carla", "devi"];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testDatabases())("an app process killed at random on %s", (_kind, make) => {
  let database: TestDatabase;
  let gh: GitHubStandIn;
  let replica: Replica;
  let clock = "2026-11-02T00:00:00.000Z";
  // One inbox across restarts, as one server's disk: what a killed process answered and had not recorded is replayed.
  const inboxDir = mkdtempSync(join(tmpdir(), "handoff-chaos-inbox-"));

  const restart = async () => {
    replica = await startReplica({ databaseUrl: database.url(), gitHubHost: gh.host, clock, inboxDir });
  };

  beforeAll(async () => {
    database = make();
    await database.open();
    gh = await startAcmeStandIn(fixtureConfig("replicas"));
    await restart();
  });
  afterAll(async () => {
    await replica.stop();
    await gh.close();
    await database.dispose();
    rmSync(inboxDir, { recursive: true, force: true });
  });

  it("never posts twice nor loses an event across SIGKILLs during ticks, webhook bursts and between a post and its record", async () => {
    const random = seededRandom(11);
    const sentAt = new Map<string, string>();
    const failed: ReturnType<typeof pushDelivery>[] = [];
    let kills = 0;
    let dead = false;
    const kill = () => {
      if (dead) return;
      dead = true;
      kills++;
      replica.kill();
    };
    // A post that reached GitHub, whose response the app never sees: the worst moment to crash.
    gh.setBeforeReply(async ({ method, path }) => {
      if (method === "POST" && /\/issues(\/\d+\/comments)?$/.test(path) && random() < 0.35) {
        kill();
        await sleep(20);
      }
    });

    // Mon 2 Nov to Thu 5 Nov 2026, every 30 minutes.
    for (const at of instants("2026-11-02T00:00:00.000Z", "2026-11-05T00:00:00.000Z", 30)) {
      clock = at;
      if (dead) {
        await restart();
        dead = false;
      }
      await replica.setClock(at);
      // What failed while the app was down is delivered again, as GitHub's redelivery would.
      for (const delivery of failed.splice(0)) if (!(await deliver(replica.webhookUrl, REPLICA_SECRET, delivery))) failed.push(delivery);

      const burst = random() < 0.35 ? 1 + Math.floor(random() * 3) : 0;
      for (let i = 0; i < burst && !dead; i++) {
        const sha = (sentAt.size + 1).toString(16).padStart(7, "0").padEnd(40, "c");
        const delivery = pushDelivery(CONTRACTORS[Math.floor(random() * CONTRACTORS.length)]!, at, sha);
        sentAt.set(sha, at);
        const sending = deliver(replica.webhookUrl, REPLICA_SECRET, delivery);
        if (random() < 0.05) {
          await sleep(random() * 5);
          kill();
        }
        if (!(await sending)) failed.push(delivery);
      }
      if (dead) continue;
      const ticking = replica.tick(at).catch(() => null);
      if (random() < 0.04) {
        await sleep(random() * 30);
        kill();
      }
      await ticking;
    }
    gh.setBeforeReply(null);
    if (dead) await restart();
    for (const delivery of failed.splice(0)) expect(await deliver(replica.webhookUrl, REPLICA_SECRET, delivery)).toBe(true);

    const markers = postedMarkers(gh, "acme/handoff");
    const repeated = markers.filter((m, i) => markers.indexOf(m) !== i);
    expect(repeated).toEqual([]);
    expect(markers.filter((m) => m.startsWith("<!-- handoff:digest "))).toEqual(
      ["2026-11-02", "2026-11-03", "2026-11-04"].map((d) => `<!-- handoff:digest date=${d} -->`),
    );
    // Every event is in exactly one digest but those sent after the last one (they wait for the next).
    await replica.setClock("2026-11-05T16:00:00.000Z");
    await replica.tick("2026-11-05T16:30:00.000Z");
    const digests = digestText(gh, "acme/handoff");
    for (const sha of sentAt.keys()) expect([sha, digests.filter((text) => text.includes(`\`${sha.slice(0, 7)}\``)).length]).toEqual([sha, 1]);
    expect(kills).toBeGreaterThanOrEqual(3);
    console.info(`kills survived: ${kills}; events: ${sentAt.size}; duplicate posts: ${repeated.length}; lost events: 0`);
  }, 240_000);
});
