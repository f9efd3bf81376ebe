import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { commentOnExportPullRequest as onPr, issueCommentWebhook, type CommentChange } from "../support/end-of-day-webhooks.js";
import { startEndOfDayWorld, type EndOfDayWorld } from "../support/end-of-day-world.js";
import { type TestDatabase, testDatabases } from "../support/test-databases.js";

/**
 * GitHub's deliveries of one comment arrive in any order: one that failed while the app was down is
 * redelivered by the sweep, under a new delivery id, after those that followed it.
 */
describe.each(testDatabases())("a comment's deliveries out of order, end to end on %s", (_kind, make) => {
  let database: TestDatabase;
  let world: EndOfDayWorld;
  const send = async (comment: CommentChange, action: "created" | "edited" | "deleted", receivedAt: string) => {
    world.receivedAt = receivedAt;
    expect(await world.app.send("issue_comment", issueCommentWebhook(comment, action))).toBe(200);
  };
  const digestBody = async () => {
    await world.app.tick("2026-10-28T15:30:00Z");
    const [digest] = world.digests();
    return digest!.body ?? "";
  };

  beforeEach(async () => {
    database = make();
    world = await startEndOfDayWorld(database, { firstTick: "2026-10-22T00:00:00Z" });
  });
  afterEach(async () => {
    await world.close();
    await database.dispose();
  });

  it("keeps a deleted update out of the digest when its creation is redelivered after the deletion", async () => {
    // Tue 27 Oct, 17:40 WIB: budi posts his update and deletes it ten minutes later.
    const update = onPr(701, "budi", "2026-10-27T10:40:00Z", "/eod Done: the secret plan");
    await send(update, "created", "2026-10-27T10:40:00Z");
    await send(update, "deleted", "2026-10-27T10:50:00Z");
    await send(update, "created", "2026-10-27T11:30:00Z"); // the sweep's redelivery

    const body = await digestBody();
    expect(body).not.toContain("secret plan");
    expect(body).toContain("### budi · Tue 27 Oct");
    expect(body).toMatch(/### budi · Tue 27 Oct[^#]*⚠️ No end-of-day update/);
  });

  it("shows the newest edit of an update when an older edit is redelivered after it", async () => {
    const at = "2026-10-27T20:00:00Z"; // Tue 17:00 ART
    await send(onPr(702, "carla", at, "/eod Done: first draft"), "created", at);
    await send(onPr(702, "carla", at, "/eod Done: CSV export, final", "2026-10-27T20:10:00Z"), "edited", "2026-10-27T20:10:00Z");
    await send(onPr(702, "carla", at, "/eod Done: second draft", "2026-10-27T20:05:00Z"), "edited", "2026-10-27T20:40:00Z");

    const body = await digestBody();
    expect(body).toContain("_Done_\n> CSV export, final");
    expect(body).not.toMatch(/first draft|second draft/);
  });
});
