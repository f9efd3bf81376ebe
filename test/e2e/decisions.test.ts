import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { issueCommentWebhook, type CommentChange } from "../support/end-of-day-webhooks.js";
import { startEndOfDayWorld, type EndOfDayWorld } from "../support/end-of-day-world.js";
import { pullRequestWebhook } from "../support/review-webhooks.js";
import { type TestDatabase, testDatabases } from "../support/test-databases.js";

const onPr = (id: number, number: number, issueAuthor: string, author: string, at: string, body: string): CommentChange => ({
  id,
  repo: "acme/api",
  number,
  title: number === 12 ? "Add export" : "Drop the v1 route",
  issueAuthor,
  author,
  at,
  body,
  onPullRequest: true,
});

describe.each(testDatabases())("decisions end to end on %s", (_kind, make) => {
  let database: TestDatabase;
  let world: EndOfDayWorld;
  const send = async (name: string, payload: unknown, at: string) => {
    world.receivedAt = at;
    expect(await world.app.send(name, payload)).toBe(200);
  };

  beforeEach(async () => {
    database = make();
    world = await startEndOfDayWorld(database, { firstTick: "2026-10-22T00:00:00Z" });
  });
  afterEach(async () => {
    await world.close();
    await database.dispose();
  });

  it("flags a decision, opens the digest with it, lists it once as answered, then drops it", async () => {
    // Tue 27 Oct, 10:00 WIB: budi asks on his pull request; 17:00 ART: carla's /eod needs a decision on hers.
    await send("issue_comment", issueCommentWebhook(onPr(701, 12, "budi", "budi", "2026-10-27T03:00:00Z", "Pushed the export.\n/decision Should archived rows be exported?")), "2026-10-27T03:00:00Z");
    await send("issue_comment", issueCommentWebhook(onPr(702, 13, "carla", "carla", "2026-10-27T20:00:00Z", "/eod\n## Done\n- v2 route\n\n## Decisions needed\n- Keep the v1 route until January?")), "2026-10-27T20:00:00Z");

    await world.app.tick("2026-10-28T15:30:00Z");
    const first = world.digests()[0]!.body!;
    const opening = first.slice(first.indexOf("\n## Needs a decision"), first.indexOf("\n### "));
    expect(opening).toBe(
      [
        "",
        "## Needs a decision",
        "",
        "- Should archived rows be exported? — budi on [acme/api#12](https://github.com/acme/api/pull/12#issuecomment-701) Add export · asked Tue 27 Oct 10:00 GMT+7 (Mon 26 Oct 20:00 PDT) · waiting 1 d 12 h",
        "- Keep the v1 route until January? — carla on [acme/api#13](https://github.com/acme/api/pull/13#issuecomment-702) Drop the v1 route · asked Tue 27 Oct 17:00 GMT-3 (Tue 27 Oct 13:00 PDT) · waiting 19 h 30 min",
        "",
      ].join("\n"),
    );
    // It comes first, right after the summary line, and pings nobody.
    expect(first.split("\n")[2]).toBe("");
    expect(first.split("\n")[3]).toBe("## Needs a decision");
    expect(first).not.toMatch(/@(budi|carla|alice)/);

    // Wed: alice decides on #12 (budi's own "/decided" would not count); #13 is closed.
    await send("issue_comment", issueCommentWebhook(onPr(703, 12, "budi", "budi", "2026-10-28T19:00:00Z", "/decided I'd say yes")), "2026-10-28T19:00:00Z");
    await send("issue_comment", issueCommentWebhook(onPr(704, 12, "budi", "alice", "2026-10-28T20:00:00Z", "Thanks!\n/decided Yes, behind a flag")), "2026-10-28T20:00:00Z");
    await send("pull_request", pullRequestWebhook({ action: "closed", number: 13, title: "Drop the v1 route", author: "carla", sender: "alice", at: "2026-10-28T21:00:00Z", head: "drop-v1" }), "2026-10-28T21:00:00Z");

    await world.app.tick("2026-10-29T15:30:00Z");
    const second = world.digests()[1]!.body!;
    expect(second).not.toContain("## Needs a decision");
    expect(second).toContain(
      [
        "**Answered since the previous digest**",
        "- Should archived rows be exported? — budi on [acme/api#12](https://github.com/acme/api/pull/12#issuecomment-701) Add export · [decided](https://github.com/acme/api/pull/12#issuecomment-704) by alice: Yes, behind a flag",
        "- Keep the v1 route until January? — carla on [acme/api#13](https://github.com/acme/api/pull/13#issuecomment-702) Drop the v1 route · closed by alice",
      ].join("\n"),
    );

    await world.app.tick("2026-10-30T15:30:00Z");
    const third = world.digests()[2]!.body!;
    expect(third).not.toMatch(/Needs a decision|Answered since|archived rows|v1 route until/);
  });
});
