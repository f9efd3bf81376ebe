import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { scheduleCommand } from "../../src/cli/schedule-command.js";
import { issueCommentWebhook } from "../support/end-of-day-webhooks.js";
import { startEndOfDayWorld, type EndOfDayWorld } from "../support/end-of-day-world.js";
import { type TestDatabase, testDatabases } from "../support/test-databases.js";

describe.each(testDatabases())("/handoff off end to end on %s", (_kind, make) => {
  let database: TestDatabase;
  let world: EndOfDayWorld;
  let logNumber: number;
  const command = async (id: number, at: string, body: string) => {
    world.receivedAt = at;
    const comment = { id, repo: "acme/handoff", number: logNumber, title: "Handoff log: budi", author: "budi", at, body };
    expect(await world.app.send("issue_comment", issueCommentWebhook(comment))).toBe(200);
  };

  beforeEach(async () => {
    database = make();
    world = await startEndOfDayWorld(database, { firstTick: "2026-10-22T00:00:00Z" });
    await world.app.tick("2026-10-26T11:00:00Z"); // Monday's reminder opens budi's log issue
    logNumber = world.logIssues("budi")[0]!.number;
  });
  afterEach(async () => {
    await world.close();
    await database.dispose();
  });

  it("records the days off, confirms once, and honours them in reminders and missing-update lines", async () => {
    // Tue 27 Oct 10:00 WIB, on his log issue.
    await command(801, "2026-10-27T03:00:00Z", "Out on Friday, back Monday.\n/handoff off 2026-10-30");
    await world.app.tick("2026-10-27T03:01:00Z");
    await world.app.tick("2026-10-27T03:02:00Z");
    const replies = world.appComments("budi", "<!-- handoff:days-off comment=801 ");
    expect(replies.map((reply) => reply.body.split("\n").slice(1))).toEqual([
      [
        'Days off recorded for budi: no end-of-day reminder and no "No end-of-day update" line on these days.',
        "",
        "- `/handoff off 2026-10-30`: Fri 30 Oct 2026",
        "",
      ],
    ]);

    // The command is not Tuesday's update: Tuesday is still reminded. Friday, the day off, is not.
    for (const at of ["2026-10-27T11:00:00Z", "2026-10-29T11:00:00Z", "2026-10-30T11:00:00Z", "2026-10-30T15:30:00Z", "2026-11-02T11:00:00Z"]) await world.app.tick(at);
    expect(world.reminderDays("budi")).toEqual(["2026-10-26", "2026-10-27", "2026-10-29", "2026-11-02"]);

    // Friday's digest (08:30 PDT) reports Thursday missing, and nothing for the day off.
    const friday = world.digests().find((digest) => digest.body?.includes("<!-- handoff:digest date=2026-10-30 -->"));
    expect(friday!.body).toMatch(/### budi · Thu 29 Oct[^\n]*\n\n⚠️ No end-of-day update/);
    expect(friday!.body).not.toContain("### budi · Fri 30 Oct");
    expect(world.gh.issues("acme/handoff").flatMap((issue) => issue.comments).filter((c) => c.body.includes("handoff:days-off"))).toHaveLength(1);

    // `handoff schedule` skips the day off too: on Thursday evening, the next reminder is Monday's, not Friday's.
    const printed: string[] = [];
    await scheduleCommand({ at: "2026-10-29T12:00:00Z", json: true }, async () => database.reopen(), (line) => printed.push(line));
    const [budi] = (JSON.parse(printed[0]!) as Record<string, { contractors: { login: string; next_reminder: string }[] }>).acme!.contractors;
    expect(budi).toMatchObject({ login: "budi", next_reminder: "2026-11-02T11:00:00.000Z" });
  });

  it("answers a bad date with what is wrong, and records nothing", async () => {
    await command(802, "2026-10-27T03:00:00Z", "/handoff off 2026-10-32");
    await world.app.tick("2026-10-27T03:01:00Z");
    const [reply] = world.appComments("budi", "<!-- handoff:days-off comment=802 ");
    expect(reply!.body).toContain('- `/handoff off 2026-10-32`: **not recorded**: "2026-10-32" is not a calendar date');
    expect(reply!.body).toContain("Edit the comment, or post a new one: `/handoff off YYYY-MM-DD` or `/handoff off YYYY-MM-DD..YYYY-MM-DD`.");
    expect(reply!.body).toContain("Nothing was recorded.");
    expect(reply!.body).not.toMatch(/@\w/);

    // An edit that fixes it gets a reply of its own, and the day counts.
    world.receivedAt = "2026-10-27T03:05:00Z";
    const fixed = { id: 802, repo: "acme/handoff", number: logNumber, title: "Handoff log: budi", author: "budi", at: "2026-10-27T03:00:00Z", body: "/handoff off 2026-10-27" };
    await world.app.send("issue_comment", issueCommentWebhook(fixed, "edited"));
    await world.app.tick("2026-10-27T11:00:00Z");
    expect(world.appComments("budi", "<!-- handoff:days-off comment=802 ").map((c) => c.body.includes("Tue 27 Oct 2026"))).toEqual([false, true]);
    expect(world.reminderDays("budi")).toEqual(["2026-10-26"]);
  });
});
