import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { GitHubStandIn } from "../../src/github-stand-in/index.js";
import { type Replica, REPLICA_SECRET, startReplica } from "../support/replica.js";
import { deliver, digestText, instants, postedMarkers, pushDelivery, seededRandom } from "../support/simulation.js";
import { type TestDatabase, testDatabases } from "../support/test-databases.js";
import { startAcmeStandIn } from "../support/world.js";
import { fixtureConfig } from "../fixtures/configs.js";

const CONTRACTORS = ["budi", "carla", "devi"];

describe.each(testDatabases())("two app processes on one %s database", (_kind, make) => {
  let database: TestDatabase;
  let gh: GitHubStandIn;
  let replicas: Replica[] = [];

  beforeAll(async () => {
    database = make();
    await database.open();
    gh = await startAcmeStandIn(fixtureConfig("replicas"));
    // Both start at once: the migrations must tolerate it.
    replicas = await Promise.all([0, 1].map(() => startReplica({ databaseUrl: database.url(), gitHubHost: gh.host, clock: "2026-11-01T00:00:00.000Z" })));
  });
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop()));
    await gh.close();
    await database.dispose();
  });

  it("post every digest exactly once over a simulated week of concurrent ticks and duplicated deliveries", async () => {
    const random = seededRandom(7);
    const sentAt = new Map<string, string>();
    let sent = 0;
    let duplicates = 0;
    let ticks = 0;
    // Mon 2 Nov to Sat 7 Nov 2026, every 30 minutes.
    for (const at of instants("2026-11-02T00:00:00.000Z", "2026-11-07T00:00:00.000Z", 30)) {
      await Promise.all(replicas.map((r) => r.setClock(at)));
      if (random() < 0.3) {
        const sha = (sentAt.size + 1).toString(16).padStart(7, "0").padEnd(40, "b");
        const delivery = pushDelivery(CONTRACTORS[Math.floor(random() * CONTRACTORS.length)]!, at, sha);
        const first = Math.floor(random() * 2);
        expect(await deliver(replicas[first]!.webhookUrl, REPLICA_SECRET, delivery)).toBe(true);
        sent++;
        sentAt.set(sha, at);
        if (random() < 0.3) {
          // GitHub may deliver the same event twice; here the second copy reaches the other replica.
          expect(await deliver(replicas[1 - first]!.webhookUrl, REPLICA_SECRET, delivery)).toBe(true);
          duplicates++;
        }
      }
      await Promise.all(replicas.map((r) => r.tick(at)));
      ticks += replicas.length;
    }

    const markers = postedMarkers(gh, "acme/handoff");
    const repeated = markers.filter((m, i) => markers.indexOf(m) !== i);
    expect(repeated).toEqual([]);
    expect(markers.filter((m) => m.startsWith("<!-- handoff:digest "))).toEqual(
      ["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06"].map((d) => `<!-- handoff:digest date=${d} -->`),
    );
    // Every event is in exactly one digest (none lost, none double-counted), but those after the last digest.
    const digests = digestText(gh, "acme/handoff");
    const shownIn = (sha: string) => digests.filter((text) => text.includes(`\`${sha.slice(0, 7)}\``)).length;
    const lastDigestAt = "2026-11-06T16:30:00.000Z";
    for (const [sha, at] of sentAt) expect([sha, shownIn(sha)]).toEqual([sha, at <= lastDigestAt ? 1 : 0]);
    console.info(`replicas × ticks: ${replicas.length} × ${ticks / replicas.length}; deliveries ${sent} (+${duplicates} duplicates); duplicate posts: ${repeated.length}`);
  }, 240_000);
});
