import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { commentOnExportPullRequest as onPr, issueCommentWebhook, type CommentChange } from "../support/end-of-day-webhooks.js";
import { startEndOfDayWorld, type EndOfDayWorld } from "../support/end-of-day-world.js";
import { type TestDatabase, testDatabases } from "../support/test-databases.js";

/** The part of a digest body about one contractor's day, up to the next day heading. */
const daySection = (text: string | null, heading: string): string => {
  const body = text ?? "";
  const start = body.indexOf(heading);
  if (start === -1) return "";
  const next = body.indexOf("\n### ", start + heading.length);
  return body.slice(start, next === -1 ? undefined : next);
};

describe.each(testDatabases())("end-of-day updates in the digest end to end on %s", (_kind, make) => {
  let database: TestDatabase;
  let world: EndOfDayWorld;
  let logNumber: number;
  const send = async (comment: CommentChange, action: "created" | "edited" | "deleted" = "created", at = comment.at) => {
    world.receivedAt = at;
    expect(await world.app.send("issue_comment", issueCommentWebhook(comment, action))).toBe(200);
  };
  const onLog = (id: number, at: string, body: string): CommentChange => ({ id, repo: "acme/handoff", number: logNumber, title: "Handoff log: budi", author: "budi", at, body });

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

  it("shows each update with its sections, from headings and from bold labels, and a link to the comment", async () => {
    // Tue 27 Oct: budi on his log issue at 17:40 WIB, carla with /eod on a pull request at 17:50 ART.
    await send(onLog(601, "2026-10-27T10:40:00Z", "Good day 🚀\n\n## ✅ Done\n- Export endpoint\n- Fixed @alice's bug <b>\n\n## Next\n- Pagination"));
    await send(onPr(602, "carla", "2026-10-27T20:50:00Z", "/eod\n**Today:** CSV quoting\n**Tomorrow:** tests\n**Blocked:** none"));
    await world.app.tick("2026-10-28T15:30:00Z");

    const [digest] = world.digests();
    const budi = daySection(digest!.body, "### budi · Tue 27 Oct");
    expect(budi).toContain(
      [
        `**End-of-day update** · [posted Tue 17:40 GMT+7](https://github.com/acme/handoff/issues/${logNumber}#issuecomment-601)`,
        "",
        "_Done_",
        "> - Export endpoint",
        "> - Fixed @\u200Balice's bug &lt;b&gt;",
        "",
        "_Next_",
        "> - Pagination",
        "",
        "_Notes_",
        "> Good day 🚀",
      ].join("\n"),
    );
    expect(budi).not.toContain("No end-of-day update");
    const carla = daySection(digest!.body, "### carla · Tue 27 Oct");
    expect(carla).toContain("[posted Tue 17:50 GMT-3](https://github.com/acme/api/pull/12#issuecomment-602)\n\n_Done_\n> CSV quoting\n\n_Next_\n> tests\n\n_Blockers_\n> none");
    expect(digest!.body).not.toMatch(/@alice|<b>/);
  });

  it("replaces an edited update and forgets a deleted one, which is then reminded and reported missing", async () => {
    await send(onPr(603, "carla", "2026-10-27T20:00:00Z", "/eod Done: first draft"));
    await send(onPr(603, "carla", "2026-10-27T20:00:00Z", "/eod Done: CSV export, edited"), "edited", "2026-10-27T20:05:00Z");
    await send(onLog(604, "2026-10-27T10:00:00Z", "Done: export"));
    await send(onLog(604, "2026-10-27T10:00:00Z", "Done: export"), "deleted", "2026-10-27T10:20:00Z");

    await world.app.tick("2026-10-27T21:30:00Z"); // carla's reminder instant: her update stands
    expect(world.reminderDays("carla").filter((day) => day === "2026-10-27")).toEqual([]);
    expect(world.reminderDays("budi")).toEqual(["2026-10-26", "2026-10-27"]); // caught up at this tick

    await world.app.tick("2026-10-28T15:30:00Z");
    const [digest] = world.digests();
    const carla = daySection(digest!.body, "### carla · Tue 27 Oct");
    expect(carla).toContain("_Done_\n> CSV export, edited");
    expect(carla).not.toContain("first draft");
    expect(daySection(digest!.body, "### budi · Tue 27 Oct")).toContain("⚠️ No end-of-day update");
  });

  it("marks an update posted after the digest that reported its day as late, in the next digest", async () => {
    await world.app.tick("2026-10-27T15:30:00Z"); // Tue 08:30 PDT = 22:30 WIB: budi's Tuesday is reported missing
    const [first] = world.digests();
    expect(daySection(first!.body, "### budi · Tue 27 Oct")).toContain("⚠️ No end-of-day update");

    // Tue 23:00 WIB: still Tuesday's working day, but after the digest that reported on it.
    await send(onLog(605, "2026-10-27T16:00:00Z", "**Done:** export, finally"));
    await world.app.tick("2026-10-28T15:30:00Z");
    const second = world.digests()[1]!;
    const tuesday = daySection(second.body, "### budi · Tue 27 Oct");
    expect(tuesday).toContain("**End-of-day update** (late) · [posted Tue 23:00 GMT+7]");
    expect(tuesday).toContain("_Done_\n> export, finally");
    expect(tuesday).not.toContain("No end-of-day update");
  });
});
