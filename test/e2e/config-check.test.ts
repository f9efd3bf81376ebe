import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import type { GitHubStandIn } from "../../src/github-stand-in/index.js";
import { fixtureConfig } from "../fixtures/configs.js";
import { startAcmeStandIn } from "../support/world.js";
import { webhookPayload } from "../fixtures/webhooks.js";
import { startHarness, type Harness } from "../support/app-harness.js";
import { issueCommentWebhook } from "../support/end-of-day-webhooks.js";
import { pullRequestWebhook, pushWebhook } from "../support/review-webhooks.js";
import { type TestDatabase, testDatabases } from "../support/test-databases.js";

const installation = { id: 1, node_id: "MDIzOkludGVncmF0aW9uMQ==" };
const CONFIG = ".github/handoff.yml";
const SHA_BROKEN = "1111111111111111111111111111111111111111";
const SHA_FIXED = "2222222222222222222222222222222222222222";
// Thu 29 Oct 2026, 07:00 in Los Angeles: before the digest, so the tick posts nothing else.
const TICK = "2026-10-29T14:00:00Z";

/** acme.yml with two mistakes: a typo on line 4 and a wrong zone on line 12. */
const BROKEN = fixtureConfig("acme").replace("  reviewers: [alice]", "  reviewer: [alice]").replace("America/Argentina/Buenos_Aires", "America/Buenos_Aires2");

/** A real `pull_request` example, moved to pull request #5 of acme/.github with head `sha`. */
function pullRequestPayload(action: "opened" | "synchronize", sha: string, repo = ".github") {
  const payload = webhookPayload(`pull_request.${action}`, {
    number: 5,
    repository: { name: repo, full_name: `acme/${repo}`, owner: { login: "acme" } },
    pull_request: { number: 5, head: { sha, ref: "config-change" } },
  });
  return { ...payload, installation };
}

describe.each(testDatabases())("config check on pull requests end to end on %s", (_kind, make) => {
  let database: TestDatabase;
  let gh: GitHubStandIn;
  let app: Harness;

  beforeEach(async () => {
    database = make();
    gh = await startAcmeStandIn(fixtureConfig("acme"));
    gh.addPullRequest("acme/.github", { number: 5, user: "alice", title: "Add carla", head: { ref: "config-change", sha: SHA_BROKEN }, files: [CONFIG] });
    gh.setFile("acme/.github", CONFIG, BROKEN, SHA_BROKEN);
    gh.setFile("acme/.github", CONFIG, fixtureConfig("acme"), SHA_FIXED);
    app = await startHarness({ db: await database.open(), receivedAt: () => "2026-10-29T13:55:00.000Z", baseUrl: gh.baseUrl });
  });
  afterEach(async () => {
    await app.close();
    await gh.close();
    await database.dispose();
  });

  it("fails a broken config at the line of each problem, passes the fix with its schedule and last week's preview, once per head SHA", async () => {
    // Budi's Wednesday (Jakarta), before Wednesday's 08:30 digest in Los Angeles: two commits, a pull request and his update.
    await app.send("push", pushWebhook("2026-10-28T03:00:00Z", "budi", "feat/export", [{ sha: "a".repeat(40), message: "Add export" }, { sha: "b".repeat(40), message: "Quote CSV" }]));
    await app.send("pull_request", pullRequestWebhook({ action: "opened", number: 12, title: "CSV export", author: "budi", at: "2026-10-28T04:00:00Z", head: "feat/export" }));
    await app.send("issue_comment", issueCommentWebhook({ id: 901, repo: "acme/api", number: 12, title: "CSV export", issueAuthor: "budi", author: "budi", body: "/eod export done", at: "2026-10-28T10:00:00Z", onPullRequest: true }));
    expect(await app.send("pull_request", pullRequestPayload("opened", SHA_BROKEN), "delivery-opened")).toBe(200);
    // The webhook path calls nobody; the tick does the checking.
    expect(gh.requests).toEqual([]);

    const [report] = await app.tick(TICK);
    expect(report).toMatchObject({ config: "valid", configChecks: [{ pullRequest: "acme/.github#5", headSha: SHA_BROKEN, result: "failure" }] });
    const [broken] = gh.checkRuns("acme/.github");
    expect(broken).toMatchObject({ name: "Handoff config", head_sha: SHA_BROKEN, status: "completed", conclusion: "failure", completed_at: "2026-10-29T14:00:00.000Z" });
    expect(broken!.output).toMatchObject({
      title: "2 problems in .github/handoff.yml",
      annotations: [
        { path: CONFIG, start_line: 4, end_line: 4, annotation_level: "failure", title: "team.reviewer", message: "unknown key (check its spelling and level)" },
        {
          path: CONFIG,
          start_line: 12,
          end_line: 12,
          annotation_level: "failure",
          title: "contractors[1].timezone",
          message: '"America/Buenos_Aires2" is not an IANA time zone',
        },
      ],
    });
    expect(BROKEN.split("\n")[3]).toBe("  reviewer: [alice]");
    expect(BROKEN.split("\n")[11]).toBe("    timezone: America/Buenos_Aires2");

    // The same delivery again, and later ticks: still one run for that head.
    expect(await app.send("pull_request", pullRequestPayload("opened", SHA_BROKEN), "delivery-opened")).toBe(200);
    await app.tick("2026-10-29T14:15:00Z");
    expect(gh.checkRuns("acme/.github")).toHaveLength(1);

    expect(await app.send("pull_request", pullRequestPayload("synchronize", SHA_FIXED))).toBe(200);
    await app.tick("2026-10-29T14:30:00Z");
    const fixed = gh.checkRuns("acme/.github")[1];
    expect(fixed).toMatchObject({ head_sha: SHA_FIXED, conclusion: "success", output: { title: "Valid: digest at 08:30 America/Los_Angeles, 2 contractors", annotations: [] } });
    const summary = (fixed!.output as { summary: string }).summary;
    expect(summary).toContain("| budi (Asia/Jakarta) | mon, tue, wed, thu, fri | Fri 30 Oct 09:00 – 17:30 GMT+7 | Thu 29 Oct 19:00 – Fri 03:30 PDT |");
    expect(summary).toContain("Next digest: Thu 29 Oct 08:30 PDT");
    // Each contractor's day without an update is a missing-update line in the next digest, and a reminder.
    expect(summary.slice(summary.indexOf("| team date"))).toBe(
      [
        "| team date (America/Los_Angeles) | digest | reminders | review prompts |",
        "| --- | --- | --- | --- |",
        "| Fri 23 Oct | yes, 0 events | 2 (budi, carla) | 0 |",
        "| Sat 24 Oct | no (not a workday) | 0 | – |",
        "| Sun 25 Oct | no (not a workday) | 0 | – |",
        "| Mon 26 Oct | yes, 0 events | 2 (budi, carla) | 0 |",
        "| Tue 27 Oct | yes, 0 events | 2 (budi, carla) | 0 |",
        "| Wed 28 Oct | yes, 4 events | 1 (carla) | 1 |",
        "| Thu 29 Oct | not yet (08:30) | 1 (budi) | – |",
      ].join("\n"),
    );
    await app.tick("2026-10-29T14:45:00Z");
    expect(gh.checkRuns("acme/.github")).toHaveLength(2);
    expect(gh.unhandled).toEqual([]);
  });

  it("finds the run an earlier attempt created when GitHub's answer was lost, instead of posting it twice", async () => {
    gh.failNext({ method: "POST", path: /\/check-runs$/, status: 502, afterHandling: true });
    await app.send("pull_request", pullRequestPayload("opened", SHA_BROKEN));
    expect((await app.tick(TICK))[0]).toMatchObject({ configChecks: [{ result: "retry" }] });
    expect(gh.checkRuns("acme/.github")).toHaveLength(1);

    expect((await app.tick("2026-10-29T14:15:00Z"))[0]).toMatchObject({ configChecks: [{ result: "failure" }] });
    expect(gh.checkRuns("acme/.github")).toHaveLength(1);
    expect(gh.requests.filter((r) => r.method === "GET" && r.path === `/repos/acme/.github/commits/${SHA_BROKEN}/check-runs`)).toHaveLength(1);
  });

  it("posts no check for a pull request that leaves the config alone, or outside the .github repository", async () => {
    gh.addPullRequest("acme/.github", { number: 6, user: "alice", title: "Docs", head: { ref: "docs", sha: SHA_FIXED }, files: ["README.md"] });
    const other = pullRequestPayload("opened", SHA_FIXED);
    other.number = 6;
    other.pull_request.number = 6;
    await app.send("pull_request", other);
    await app.send("pull_request", pullRequestPayload("opened", SHA_BROKEN, "api"));

    const [report] = await app.tick(TICK);
    expect(report).toMatchObject({ configChecks: [{ pullRequest: "acme/.github#6", result: "unchanged" }] });
    expect(gh.checkRuns("acme/.github")).toEqual([]);
    expect((await app.tick("2026-10-29T14:15:00Z"))[0]).not.toHaveProperty("configChecks");
  });

  it("retries a check GitHub cannot answer at the next tick, and gives it up after a day", async () => {
    const gone = pullRequestPayload("opened", "4".repeat(40));
    gone.pull_request.number = 99;
    await app.send("pull_request", gone);
    expect((await app.tick(TICK))[0]).toMatchObject({ config: "valid", configChecks: [{ pullRequest: "acme/.github#99", result: "retry" }] });
    expect((await app.tick("2026-10-30T13:54:00Z"))[0]).toMatchObject({ configChecks: [{ result: "retry" }] });
    expect((await app.tick("2026-10-30T13:55:00Z"))[0]).toMatchObject({ configChecks: [{ result: "given up" }] });
    expect((await app.tick("2026-10-30T14:00:00Z"))[0]).not.toHaveProperty("configChecks");
    expect(gh.checkRuns("acme/.github")).toEqual([]);
  });

  it("checks the fix of a broken default-branch config, and reports a deleted config as neutral", async () => {
    gh.setFile("acme/.github", CONFIG, BROKEN);
    gh.addPullRequest("acme/.github", { number: 7, user: "alice", title: "Stop Handoff", head: { ref: "remove", sha: "3".repeat(40) }, files: [{ filename: CONFIG, status: "removed" }] });
    const removal = pullRequestPayload("opened", "3".repeat(40));
    removal.pull_request.number = 7;
    await app.send("pull_request", pullRequestPayload("synchronize", SHA_FIXED));
    await app.send("pull_request", removal);

    const [report] = await app.tick(TICK);
    expect(report).toMatchObject({ config: "invalid", configChecks: [{ headSha: SHA_FIXED, result: "success" }, { pullRequest: "acme/.github#7", result: "neutral" }] });
    expect(gh.checkRuns("acme/.github").map((run) => [run.head_sha, run.conclusion])).toEqual([
      [SHA_FIXED, "success"],
      ["3".repeat(40), "neutral"],
    ]);
  });
});
