import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import type { GitHubStandIn } from "../../src/github-stand-in/index.js";
import { startHarness, type Harness } from "../support/app-harness.js";
import { type TestDatabase, testDatabases } from "../support/test-databases.js";
import { fixtureConfig } from "../fixtures/configs.js";
import { startAcmeStandIn } from "../support/world.js";
import { branchPushPayload } from "../fixtures/webhooks.js";

const installation = { id: 1, node_id: "MDIzOkludGVncmF0aW9uMQ==" };

/** A real push example moved to acme/api at `at`, with the given commits by `author`. */
function push(at: string, author: string, commits: { sha: string; message: string }[], branch = "feat/export") {
  const payload = branchPushPayload();
  payload.ref = `refs/heads/${branch}`;
  payload.repository.full_name = "acme/api";
  payload.repository.pushed_at = Date.parse(at) / 1000;
  payload.sender.login = author;
  const template = payload.commits[0]!;
  payload.commits = commits.map((c) => ({ ...template, id: c.sha, message: c.message, distinct: true, author: { ...template.author, username: author } }));
  payload.after = commits.at(-1)!.sha;
  return { ...payload, installation };
}

const sha = (n: number) => n.toString(16).padStart(40, "0");

describe.each(testDatabases())("digest content end to end on %s", (_kind, make) => {
  let database: TestDatabase;
  let gh: GitHubStandIn;
  let app: Harness;
  let receivedAt: string;

  beforeEach(async () => {
    database = make();
    gh = await startAcmeStandIn(fixtureConfig("acme"));
    receivedAt = "2026-10-29T00:00:00.000Z";
    app = await startHarness({ db: await database.open(), receivedAt: () => receivedAt, baseUrl: gh.baseUrl });
    // The app first reads the config on Wednesday, before any of the days below began.
    await app.tick("2026-10-28T00:00:00Z");
  });
  afterEach(async () => {
    await app.close();
    await gh.close();
    await database.dispose();
  });

  it("neutralises mentions and HTML in commit messages, and the digest pings nobody", async () => {
    await app.send("push", push("2026-10-29T03:00:00Z", "budi", [{ sha: sha(1), message: "Fix @someone's <script>alert(1)</script> bug\n\ndetails" }]));
    await app.tick("2026-10-29T15:30:00Z");
    const [digest] = gh.issues("acme/handoff");
    expect(digest!.body).toContain("Fix @\u200bsomeone's &lt;script&gt;alert(1)&lt;/script&gt; bug");
    expect(digest!.body).not.toMatch(/<script>|@someone|@budi/);
  });

  it("posts Monday's digest at 08:30 PST after the DST change, covering Friday and the weekend", async () => {
    // Fri 30 Oct 11:00 in Buenos Aires; Sat 31 Oct in Jakarta (not a workday).
    receivedAt = "2026-10-30T14:05:00.000Z";
    await app.send("push", push("2026-10-30T14:00:00Z", "carla", [{ sha: sha(2), message: "Friday work" }], "feat/csv"));
    receivedAt = "2026-10-31T04:05:00.000Z";
    await app.send("push", push("2026-10-31T04:00:00Z", "budi", [{ sha: sha(3), message: "Saturday fix" }]));

    await app.tick("2026-10-30T15:30:00Z"); // Friday's digest (08:30 PDT)
    expect(await app.tick("2026-11-02T15:30:00Z")).toMatchObject([{ digest: null }]); // 07:30 PST: not yet
    const [monday] = await app.tick("2026-11-02T16:30:00Z"); // 08:30 PST
    expect(monday).toMatchObject({ digest: { teamDate: "2026-11-02", result: "posted" } });

    const issues = gh.issues("acme/handoff").filter((issue) => issue.labels.includes("handoff-digest"));
    expect(issues.map((i) => [i.title, i.state])).toEqual([
      ["Handoff digest — Fri 30 Oct 2026", "closed"],
      ["Handoff digest — Mon 2 Nov 2026", "open"],
    ]);
    const body = issues[1]!.body;
    expect(body).toContain("<!-- handoff:digest date=2026-11-02 -->");
    expect(body).toContain("Saturday fix");
    expect(body).toMatch(/### budi · Sat 31 Oct · .*not a workday/);
    // carla's Friday ended (18:00 ART) after Friday's digest with no end-of-day update.
    expect(body).toMatch(/### carla · Fri 30 Oct[^\n]*\n[\s\S]*?No end-of-day update/);
    expect(issues[0]!.body).toContain("Friday work");
    expect(body).not.toContain("Friday work");
  });

  it("puts an event that arrives after the digest into the next digest, and splits a digest over GitHub's size limit", async () => {
    receivedAt = "2026-10-29T16:00:00.000Z"; // after Thursday's digest, though the push was at 03:00
    await app.tick("2026-10-29T15:30:00Z");
    await app.send("push", push("2026-10-29T03:00:00Z", "budi", [{ sha: sha(4), message: "Late redelivery" }]));
    // 90 branches of 5 long commit messages: over 65,536 characters of digest, within the two parts a digest may take.
    for (let b = 0; b < 90; b++) {
      const commits = Array.from({ length: 5 }, (_, i) => ({ sha: sha(1000 + b * 5 + i), message: `Commit number ${b * 5 + i} ${"x".repeat(100)}` }));
      await app.send("push", push("2026-10-29T05:00:00Z", "budi", commits, `feat/bulk-${b}`));
    }
    await app.tick("2026-10-30T15:30:00Z");

    const issues = gh.issues("acme/handoff").filter((issue) => issue.labels.includes("handoff-digest"));
    expect(issues.map((i) => i.title)).toEqual(["Handoff digest — Thu 29 Oct 2026", "Handoff digest — Fri 30 Oct 2026"]);
    expect(issues[0]!.body).not.toContain("Late redelivery");
    const friday = issues[1];
    const parts = [friday!.body, ...gh.comments("acme/handoff", friday!.number).map((c) => c.body)].map((part) => part ?? "");
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((part) => expect(part.length).toBeLessThanOrEqual(65_536));
    expect(parts.slice(1).every((part, i) => part.startsWith(`<!-- handoff:digest-part date=2026-10-30 part=${i + 2} -->`))).toBe(true);
    const all = parts.join("\n");
    expect(all).toContain("Late redelivery");
    expect(all).toContain("Commit number 0 ");
    expect(all).toContain("Commit number 449 ");
  });
});
