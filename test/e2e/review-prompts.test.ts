import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { createHash } from "node:crypto";
import type { GitHubStandIn } from "../../src/github-stand-in/index.js";
import type { Db } from "../../src/store/schema.js";
import { startHarness, type Harness } from "../support/app-harness.js";
import { pullRequestCommentWebhook, pullRequestWebhook, pushWebhook } from "../support/review-webhooks.js";
import { type TestDatabase, testDatabases } from "../support/test-databases.js";
import { startAcmeStandIn } from "../support/world.js";
import { fixtureConfig } from "../fixtures/configs.js";

/** Reminders are off so that a tick makes only the calls under test. */
const CONFIG = fixtureConfig("prompts");

const MARKER = "<!-- handoff:review-prompt date=";
const sha = (n: number) => createHash("sha1").update(String(n)).digest("hex");
/** Thursday 29 Oct 2026, 08:30 PDT; Friday's digest is a day later. */
const THURSDAY_DIGEST = "2026-10-29T15:30:00Z";
const FRIDAY_DIGEST = "2026-10-30T15:30:00Z";

describe.each(testDatabases())("review prompts end to end on %s", (_kind, make) => {
  let database: TestDatabase;
  let db: Db;
  let gh: GitHubStandIn;
  let app: Harness;
  let receivedAt: string;

  const prompts = (number: number) => gh.comments("acme/api", number).filter((comment) => comment.body.startsWith(MARKER));
  const start = async (config = CONFIG) => {
    gh.setFile("acme/.github", ".github/handoff.yml", config);
    app = await startHarness({ db, receivedAt: () => receivedAt, baseUrl: gh.baseUrl });
    await app.tick("2026-10-28T00:00:00Z");
  };
  /** Budi opens #1 (dana and team web requested), #2 (nobody requested) and draft #3 on Thursday, and pushes to #1 and #3. */
  const thursdayWork = async () => {
    receivedAt = "2026-10-29T05:00:00.000Z";
    await app.send("pull_request", pullRequestWebhook({ action: "opened", number: 1, title: "Add export endpoint", author: "budi", at: "2026-10-29T03:00:00Z", head: "feat/export", reviewers: ["dana"], teams: ["web"] }));
    await app.send("pull_request", pullRequestWebhook({ action: "opened", number: 2, title: "CSV writer", author: "budi", at: "2026-10-29T03:10:00Z", head: "feat/csv" }));
    await app.send("pull_request", pullRequestWebhook({ action: "opened", number: 3, title: "Paging", author: "budi", at: "2026-10-29T03:20:00Z", head: "feat/paging", draft: true }));
    await app.send("push", pushWebhook("2026-10-29T04:00:00Z", "budi", "feat/export", [{ sha: sha(1), message: "Add export endpoint" }, { sha: sha(2), message: "Stream rows @dana" }]));
    await app.send("push", pushWebhook("2026-10-29T04:30:00Z", "budi", "feat/paging", [{ sha: sha(3), message: "Page size" }]));
  };

  beforeEach(async () => {
    database = make();
    db = await database.open();
    gh = await startAcmeStandIn();
    gh.addPullRequest("acme/api", { number: 1, user: "budi", title: "Add export endpoint", head: { ref: "feat/export" }, requested_reviewers: ["dana"], requested_teams: ["web"] });
    gh.addPullRequest("acme/api", { number: 2, user: "budi", title: "CSV writer", head: { ref: "feat/csv" } });
    gh.addPullRequest("acme/api", { number: 3, user: "budi", title: "Paging", head: { ref: "feat/paging" }, draft: true });
    receivedAt = "2026-10-28T00:00:00.000Z";
  });
  afterEach(async () => {
    await app.close();
    await gh.close();
    await database.dispose();
  });

  it("prompts each open, non-draft PR budi moved, once, addressed to its requested reviewers or team.reviewers, at one call per prompt", async () => {
    await start();
    await thursdayWork();
    const before = gh.requests.length;
    expect(await app.tick(THURSDAY_DIGEST)).toMatchObject([{ digest: { teamDate: "2026-10-29", result: "posted", prompts: 2 } }]);

    // One call per prompt (no per-event call, no read of a PR whose state the recorded events give) plus
    // the tick's fixed calls: installations, config, the digest issue.
    const calls = gh.requests.slice(before).map((r) => `${r.method} ${r.path}`);
    expect(calls.filter((call) => call.includes(" /repos/acme/api/"))).toEqual(["POST /repos/acme/api/issues/1/comments", "POST /repos/acme/api/issues/2/comments"]);
    expect(calls).toContain("POST /repos/acme/handoff/issues");
    expect(calls.length).toBeLessThanOrEqual(2 + 5);
    const [first] = prompts(1);
    expect(first!.user.login).toBe("handoff-digest[bot]");
    expect(first!.body).toMatch(/^<!-- handoff:review-prompt date=2026-10-29 -->\n@dana @acme\/web: budi moved this pull request\./);
    expect(first!.body).toContain("- Pull request opened\n- 2 commits on `feat/export`: ");
    expect(first!.body).toContain("Stream rows @\u200Bdana");
    expect(first!.body).toContain("**Deadline:** Thu 29 Oct 19:00 PDT (team) · Fri 30 Oct 09:00 GMT+7 (budi)");
    expect(prompts(2).map((c) => c.body.split("\n")[1])).toEqual(["@alice: budi moved this pull request. Please review it and answer here in writing."]);
    expect(prompts(3)).toEqual([]);

    const [digest] = gh.issues("acme/handoff");
    expect(digest!.body).toContain("**Waiting for review**\n- [acme/api#1](https://github.com/acme/api/pull/1) Add export endpoint · budi · prompted with this digest\n- [acme/api#2]");
    expect(digest!.body).not.toMatch(/@[A-Za-z0-9]/);
  });

  it("gives up a prompt GitHub refuses for good, and still posts the others and closes the previous digest", async () => {
    await start();
    receivedAt = "2026-10-28T05:00:00.000Z";
    await app.send("push", pushWebhook("2026-10-28T04:00:00Z", "budi", "feat/wednesday", [{ sha: sha(9), message: "Wednesday's work" }]));
    await app.tick("2026-10-28T15:30:00Z");
    const [wednesday] = gh.issues("acme/handoff");
    await thursdayWork();
    // GitHub no longer has #1 for the app (deleted, transferred, access withdrawn): every comment on it is a 404.
    gh.failNext({ method: "POST", path: /^\/repos\/acme\/api\/issues\/1\/comments$/, status: 404, times: 3 });

    expect(await app.tick(THURSDAY_DIGEST)).toMatchObject([{ digest: { teamDate: "2026-10-29", result: "posted", prompts: 1 } }]);
    expect(prompts(2)).toHaveLength(1);
    expect(gh.issues("acme/handoff").find((issue) => issue.number === wednesday!.number)!.state).toBe("closed");
    // Given up, not retried at every tick.
    await app.tick("2026-10-29T15:45:00Z");
    expect(gh.requests.filter((r) => r.method === "POST" && r.path === "/repos/acme/api/issues/1/comments").map((r) => r.status)).toEqual([404]);
  });

  it("posts the digest's continuations before its prompts, so a retry cuts the body in the same places", async () => {
    await start();
    await thursdayWork();
    // About 70 KB of commits: the digest continues in a comment.
    for (let b = 0; b < 90; b++) {
      const commits = Array.from({ length: 5 }, (_, i) => ({ sha: sha(1000 + b * 5 + i), message: `Commit ${b * 5 + i} ${"x".repeat(100)}` }));
      await app.send("push", pushWebhook("2026-10-29T05:00:00Z", "budi", `feat/bulk-${b}`, commits));
    }
    gh.failNext({ method: "POST", path: /^\/repos\/acme\/handoff\/issues\/\d+\/comments$/, status: 502 });
    expect(await app.tick(THURSDAY_DIGEST)).toMatchObject([{ error: expect.stringContaining("Bad Gateway") }]);
    // Prompts posted before the failure would read "[prompted](…) · waiting" in a second rendering, moving its cut.
    expect(prompts(1)).toEqual([]);
    await app.tick("2026-10-29T15:31:00Z");

    const [digest] = gh.issues("acme/handoff");
    const parts = [digest!.body, ...gh.comments("acme/handoff", digest!.number).map((comment) => comment.body)];
    expect(parts).toHaveLength(2);
    const branches = parts.join("\n").match(/`feat\/bulk-\d+`/g)!;
    expect(branches).toHaveLength(90);
    expect(new Set(branches).size).toBe(90);
    expect(prompts(1)).toHaveLength(1);
  });

  it("prompts on a push to a pull request opened longer ago than retention, whose opening event is kept while it is open", async () => {
    gh.setFile("acme/.github", ".github/handoff.yml", CONFIG);
    receivedAt = "2026-07-01T05:00:00.000Z";
    app = await startHarness({ db, receivedAt: () => receivedAt, baseUrl: gh.baseUrl });
    await app.tick("2026-07-01T00:00:00Z");
    await app.send("pull_request", pullRequestWebhook({ action: "opened", number: 1, title: "Add export endpoint", author: "budi", at: "2026-07-01T03:00:00Z", head: "feat/export", reviewers: ["dana"] }));
    await app.tick("2026-07-01T15:30:00Z");
    expect(prompts(1)).toHaveLength(1);

    // Ticks prune what is older than 90 days; the pull request is still open on 29 October.
    receivedAt = "2026-10-29T05:00:00.000Z";
    await app.send("push", pushWebhook("2026-10-29T04:00:00Z", "budi", "feat/export", [{ sha: sha(1), message: "More export work" }]));
    expect(await app.tick(THURSDAY_DIGEST)).toMatchObject([{ digest: { teamDate: "2026-10-29", result: "posted", prompts: 1 } }]);
    expect(prompts(1).at(-1)!.body).toContain("More export work");
  });

  it("posts no second prompt without new activity; new activity gets one that says what is new, and the wait keeps counting", async () => {
    await start();
    await thursdayWork();
    await app.tick(THURSDAY_DIGEST);
    receivedAt = "2026-10-30T04:00:00.000Z";
    await app.send("push", pushWebhook("2026-10-30T03:00:00Z", "budi", "feat/csv", [{ sha: sha(4), message: "Quote fields" }]));
    await app.send("issue_comment", pullRequestCommentWebhook({ id: 501, number: 2, title: "CSV writer", author: "budi", commenter: "budi", body: "/eod\nDone: quoting\nNext: headers", at: "2026-10-30T10:00:00Z" }));
    expect(await app.tick(FRIDAY_DIGEST)).toMatchObject([{ digest: { teamDate: "2026-10-30", result: "posted" } }]);

    expect(prompts(1)).toHaveLength(1);
    const [thursday, friday] = prompts(2);
    expect(friday!.body).toContain("<!-- handoff:review-prompt date=2026-10-30 -->");
    expect(friday!.body).toContain(`**What arrived** · new since the [previous prompt](https://github.com/acme/api/pull/2#issuecomment-${thursday!.id}) of Thu 29 Oct`);
    expect(friday!.body).toContain("- 1 commit on `feat/csv`: ");
    expect(friday!.body).toContain("Quote fields\n- [End-of-day update](https://github.com/acme/api/pull/2#issuecomment-501) by budi:\n  > Done: quoting\n  > Next: headers");
    expect(friday!.body).toContain("**Deadline:** Sun 1 Nov 18:00 PST (team) · Mon 2 Nov 09:00 GMT+7 (budi)");

    const friDigest = gh.issues("acme/handoff").at(-1)!.body;
    expect(friDigest).toContain(
      [
        "**Waiting for review**",
        `- [acme/api#1](https://github.com/acme/api/pull/1) Add export endpoint · budi · [prompted](https://github.com/acme/api/pull/1#issuecomment-${prompts(1)[0]!.id}) Thu 29 Oct 08:30 PDT · waiting 8 h of team working hours`,
        `- [acme/api#2](https://github.com/acme/api/pull/2) CSV writer · budi · [prompted](https://github.com/acme/api/pull/2#issuecomment-${thursday!.id}) Thu 29 Oct 08:30 PDT · waiting 8 h of team working hours`,
      ].join("\n"),
    );
  });

  it("reads a PR from GitHub only when no pull_request event of it was recorded, and prompts on a contractor's /decision there", async () => {
    gh.addPullRequest("acme/api", { number: 4, user: "carla", title: "Time zones in exports", head: { ref: "feat/tz" }, requested_reviewers: ["erin"] });
    await start();
    receivedAt = "2026-10-29T14:00:00.000Z";
    await app.send("issue_comment", pullRequestCommentWebhook({ id: 601, number: 4, title: "Time zones in exports", author: "carla", commenter: "carla", body: "/decision Export in UTC or local time?", at: "2026-10-29T13:00:00Z" }));
    const before = gh.requests.length;
    await app.tick(THURSDAY_DIGEST);

    const calls = gh.requests.slice(before).map((r) => `${r.method} ${r.path}`);
    expect(calls.filter((call) => call.includes(" /repos/acme/api/"))).toEqual(["GET /repos/acme/api/pulls/4", "POST /repos/acme/api/issues/4/comments"]);
    const [prompt] = prompts(4);
    expect(prompt!.body).toContain("@erin: carla moved this pull request.");
    expect(prompt!.body).toContain("- [Decision needed](https://github.com/acme/api/pull/4#issuecomment-601) by carla:\n  > Export in UTC or local time?");
    expect(prompt!.body).toContain("**Deadline:** Fri 30 Oct 06:00 PDT (team) · Fri 30 Oct 10:00 GMT-3 (carla)");
  });

  it("posts each prompt at most once across a lost response, repeated ticks and a restart", async () => {
    await start();
    await thursdayWork();
    // The prompt on #2 reaches GitHub but its response is lost: the digest tick fails and is retried.
    gh.failNext({ method: "POST", path: /^\/repos\/acme\/api\/issues\/2\/comments$/, status: 502, afterHandling: true });
    expect(await app.tick(THURSDAY_DIGEST)).toMatchObject([{ error: expect.any(String) }]);
    expect(await app.tick("2026-10-29T15:31:00Z")).toMatchObject([{ digest: { teamDate: "2026-10-29", result: "posted" } }]);
    await app.tick("2026-10-29T15:32:00Z");
    await app.close();
    app = await startHarness({ db: database.reopen(), receivedAt: () => receivedAt, baseUrl: gh.baseUrl });
    await app.tick("2026-10-29T15:33:00Z");
    await app.tick(FRIDAY_DIGEST);

    expect([prompts(1).length, prompts(2).length, prompts(3).length]).toEqual([1, 1, 0]);
    expect(gh.issues("acme/handoff").filter((issue) => issue.title.startsWith("Handoff digest"))).toHaveLength(2);
  });

  it("gives the deadline across the US DST change: Friday's prompt names Monday 09:00 WIB, Sunday 18:00 PST", async () => {
    await start();
    receivedAt = "2026-10-30T04:00:00.000Z";
    await app.send("pull_request", pullRequestWebhook({ action: "opened", number: 1, title: "Add export endpoint", author: "budi", at: "2026-10-30T03:00:00Z", head: "feat/export" }));
    await app.tick(FRIDAY_DIGEST);
    expect(prompts(1).map((c) => c.body.split("\n").at(-2))).toEqual([
      "**Deadline:** Sun 1 Nov 18:00 PST (team) · Mon 2 Nov 09:00 GMT+7 (budi), when budi's next working day starts.",
    ]);
  });

  it("posts no prompt when review_prompts.enabled is false", async () => {
    await start(`${CONFIG}review_prompts:\n  enabled: false\n`);
    await thursdayWork();
    expect(await app.tick(THURSDAY_DIGEST)).toMatchObject([{ digest: { result: "posted" } }]);
    expect([prompts(1), prompts(2)]).toEqual([[], []]);
    expect(gh.issues("acme/handoff")[0]!.body).not.toContain("Waiting for review");
  });
});
