import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import type { GitHubStandIn } from "../../src/github-stand-in/index.js";
import type { Db } from "../../src/store/schema.js";
import { startHarness, type Harness } from "../support/app-harness.js";
import { pullRequestCommentWebhook, pullRequestWebhook, reviewWebhook } from "../support/review-webhooks.js";
import { type TestDatabase, testDatabases } from "../support/test-databases.js";
import { startAcmeStandIn } from "../support/world.js";
import { fixtureConfig } from "../fixtures/configs.js";

/** Reminders are off so that a tick makes only the calls under test. */
const CONFIG = fixtureConfig("prompts");

const BRIEF = "<!-- handoff:brief login=budi day=2026-10-30 -->";
/** Friday 30 Oct 2026, 09:00 WIB: the start of budi's next working day after Thursday's digest. */
const BUDI_FRIDAY_START = "2026-10-30T02:00:00Z";

describe.each(testDatabases())("start-of-day brief end to end on %s", (_kind, make) => {
  let database: TestDatabase;
  let db: Db;
  let gh: GitHubStandIn;
  let app: Harness;
  let receivedAt: string;

  const logIssue = (login: string) => gh.issues("acme/handoff").find((issue) => issue.title === `Handoff log: ${login}`);
  const briefs = () => gh.issues("acme/handoff").flatMap((issue) => issue.comments.filter((comment) => comment.body.includes("<!-- handoff:brief ")));
  const start = async (config = CONFIG) => {
    gh.setFile("acme/.github", ".github/handoff.yml", config);
    app = await startHarness({ db, receivedAt: () => receivedAt, baseUrl: gh.baseUrl });
    await app.tick("2026-10-28T00:00:00Z");
  };
  /** Budi opens #1 (dana requested) and #2 on Thursday; Thursday's digest prompts both. */
  const promptedThursday = async () => {
    receivedAt = "2026-10-29T05:00:00.000Z";
    await app.send("pull_request", pullRequestWebhook({ action: "opened", number: 1, title: "Add export endpoint", author: "budi", at: "2026-10-29T03:00:00Z", head: "feat/export", reviewers: ["dana"] }));
    await app.send("pull_request", pullRequestWebhook({ action: "opened", number: 2, title: "CSV writer", author: "budi", at: "2026-10-29T03:10:00Z", head: "feat/csv" }));
    await app.tick("2026-10-29T15:30:00Z");
  };
  /** Dana answers the prompt on #1 with a review, Thursday 10:00 PDT. */
  const danaReviews = async () => {
    receivedAt = "2026-10-29T17:01:00.000Z";
    const body = "Please add a test for the empty export.\nAlso rename the flag.\nThen it is good to go.\nThanks!";
    await app.send("pull_request_review", reviewWebhook({ id: 701, number: 1, title: "Add export endpoint", author: "budi", reviewer: "dana", state: "changes_requested", body, at: "2026-10-29T17:00:00Z" }));
  };

  beforeEach(async () => {
    database = make();
    db = await database.open();
    gh = await startAcmeStandIn();
    gh.addPullRequest("acme/api", { number: 1, user: "budi", title: "Add export endpoint", head: { ref: "feat/export" }, requested_reviewers: ["dana"] });
    gh.addPullRequest("acme/api", { number: 2, user: "budi", title: "CSV writer", head: { ref: "feat/csv" } });
    receivedAt = "2026-10-28T00:00:00.000Z";
  });
  afterEach(async () => {
    await app.close();
    await gh.close();
    await database.dispose();
  });

  it("records the review that answers a prompt, and budi's next start lists it with its state and #2's prompt still unanswered", async () => {
    await start();
    await promptedThursday();
    await danaReviews();
    await app.send("issue_comment", pullRequestCommentWebhook({ id: 702, number: 1, title: "Add export endpoint", author: "budi", commenter: "erin", body: "Nice work @budi", at: "2026-10-29T18:00:00Z" }));

    expect(await app.tick("2026-10-30T01:59:00Z")).not.toMatchObject([{ briefs: expect.anything() }]);
    expect(await app.tick(BUDI_FRIDAY_START)).toMatchObject([{ briefs: [{ login: "budi", day: "2026-10-30", result: "posted" }] }]);
    const [brief, ...others] = briefs();
    expect(others).toEqual([]);
    expect(logIssue("budi")!.comments.map((comment) => comment.id)).toEqual([brief!.id]);
    expect(brief!.body).toMatch(new RegExp(`^${BRIEF}\\n@budi, here is what came in since your hours ended Thu 29 Oct 17:30 GMT\\+7\\.\\n`));
    expect(brief!.body).toContain(
      [
        "**[acme/api#1](https://github.com/acme/api/pull/1) Add export endpoint**",
        "- dana [**requested changes**](https://github.com/acme/api/pull/1#pullrequestreview-701) · Fri 30 Oct 00:00 GMT+7:",
        "  > Please add a test for the empty export.",
        "  > Also rename the flag.",
        "  > Then it is good to go.",
        "  > …",
        "- erin [commented](https://github.com/acme/api/pull/1#issuecomment-702) · Fri 30 Oct 01:00 GMT+7:",
        "  > Nice work @\u200Bbudi",
      ].join("\n"),
    );
    const waiting = brief!.body.slice(brief!.body.indexOf("### Still waiting for an answer"));
    expect(waiting).toMatch(/^### Still waiting for an answer\n.*\n- \[acme\/api#2\]\(https:\/\/github\.com\/acme\/api\/pull\/2\) CSV writer · budi · \[prompted\]\(.*\) Thu 29 Oct 22:30 GMT\+7 · waiting 8 h of team working hours\n$/);

    const answer = await db.selectFrom("posts").select("detail").where("key", "=", "prompt:acme/api#1:2026-10-29").executeTakeFirstOrThrow();
    expect(JSON.parse(answer.detail).answer).toEqual({ by: "dana", at: "2026-10-29T17:00:00.000Z", url: "https://github.com/acme/api/pull/1#pullrequestreview-701" });

    // Nothing came in for carla: at her start (10:00 ART) no brief, and no log issue is opened for her.
    expect(await app.tick("2026-10-30T13:00:00Z")).toMatchObject([{ briefs: [{ login: "carla", day: "2026-10-30", result: "skipped" }] }]);
    expect(logIssue("carla")).toBeUndefined();

    await app.tick("2026-10-30T15:30:00Z");
    const friday = gh.issues("acme/handoff").find((issue) => issue.title === "Handoff digest — Fri 30 Oct 2026")!;
    const body = friday.body ?? "";
    const section = body.slice(body.indexOf("**Waiting for review**")).split("\n\n")[0]!;
    expect(section.split("\n").map((line) => line.slice(0, 14))).toEqual(["**Waiting for ", "- [acme/api#2]"]);
  });

  it("posts no brief when nothing came in, decides that once, and none for a day whose hours passed while the app was down", async () => {
    await start();
    await promptedThursday();
    expect(await app.tick(BUDI_FRIDAY_START)).toMatchObject([{ briefs: [{ login: "budi", day: "2026-10-30", result: "skipped" }] }]);
    await danaReviews();
    // Later ticks of the same day do not decide again.
    expect(await app.tick("2026-10-30T03:00:00Z")).not.toMatchObject([{ briefs: expect.anything() }]);
    // Monday's hours (09:00–17:30 WIB) pass with the app down: at 18:00 WIB there is no brief to catch up.
    expect(await app.tick("2026-11-02T11:00:00Z")).not.toMatchObject([{ briefs: expect.anything() }]);
    expect(briefs()).toEqual([]);
    expect(logIssue("budi")).toBeUndefined();
  });

  it("catches a missed brief up later in the day, and posts it at most once across a lost response, repeated ticks and a restart", async () => {
    await start();
    await promptedThursday();
    await danaReviews();
    // The app was down at 09:00 WIB; at 16:00 WIB the comment reaches GitHub but its response is lost.
    gh.failNext({ method: "POST", path: /^\/repos\/acme\/handoff\/issues\/\d+\/comments$/, status: 502, afterHandling: true });
    expect(await app.tick("2026-10-30T09:00:00Z")).toMatchObject([{ briefs: [{ login: "budi", result: "failed" }] }]);
    expect(await app.tick("2026-10-30T09:01:00Z")).toMatchObject([{ briefs: [{ login: "budi", result: "posted" }] }]);
    await app.tick("2026-10-30T09:02:00Z");
    await app.close();
    app = await startHarness({ db: database.reopen(), receivedAt: () => receivedAt, baseUrl: gh.baseUrl });
    await app.tick("2026-10-30T09:03:00Z");
    await app.tick("2026-10-30T10:00:00Z");

    expect(briefs().map((comment) => comment.body.split("\n")[0])).toEqual([BRIEF]);
    expect(gh.issues("acme/handoff").filter((issue) => issue.title === "Handoff log: budi")).toHaveLength(1);
  });

  it("posts no brief when start_of_day_brief.enabled is false", async () => {
    await start(`${CONFIG}start_of_day_brief:\n  enabled: false\n`);
    await promptedThursday();
    await danaReviews();
    expect(await app.tick(BUDI_FRIDAY_START)).not.toMatchObject([{ briefs: expect.anything() }]);
    expect(briefs()).toEqual([]);
  });
});
