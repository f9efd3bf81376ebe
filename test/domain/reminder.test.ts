import { describe, expect, it } from "@jest/globals";
import { draftUpdate, reminderBody } from "../../src/domain/reminder.js";
import { comment, commit, pullRequest, review } from "./event-factory.js";

const budi = { login: "budi", timezone: "Asia/Jakarta", hours: "09:00-17:30" };

describe("draftUpdate", () => {
  it("pre-fills Done with the day's commits per repository and branch, pull requests opened or merged, and reviews given", () => {
    const draft = draftUpdate({
      contractor: budi,
      day: "2026-10-29",
      activity: [
        commit({ id: 3, actor: "budi", at: "2026-10-29T05:00:00Z", sha: "b2c3d4e5f6a7", message: "Validate input\n\nbody", branch: "login" }),
        commit({ id: 1, actor: "budi", at: "2026-10-29T03:00:00Z", sha: "a1b2c3d4e5f6", message: "Add form", branch: "login" }),
        commit({ id: 2, actor: "budi", at: "2026-10-29T04:00:00Z", sha: "c3d4e5f6a7b8", message: "Bump deps", repo: "acme/web", branch: "main" }),
        pullRequest({ id: 4, actor: "budi", at: "2026-10-29T06:00:00Z", number: 12, action: "opened", title: "Add login form" }),
        pullRequest({ id: 5, actor: "budi", at: "2026-10-29T06:10:00Z", number: 12, action: "review_requested", title: "Add login form" }),
        pullRequest({ id: 6, actor: "budi", at: "2026-10-29T07:00:00Z", number: 9, action: "merged", title: "Fix header" }),
        review({ id: 7, actor: "budi", at: "2026-10-29T08:00:00Z", repo: "acme/web", number: 3, subjectAuthor: "ana", state: "approved", title: "Dark mode" }),
        comment({ id: 8, actor: "budi", at: "2026-10-29T08:30:00Z", number: 3, body: "nice" }),
        commit({ id: 9, actor: "ana", at: "2026-10-29T08:00:00Z", sha: "dddddddddd", message: "someone else's" }),
      ],
    });
    expect(draft).toBe(
      [
        "## Done",
        "- acme/api `login`:",
        "  - a1b2c3d Add form",
        "  - b2c3d4e Validate input",
        "- acme/web `main`:",
        "  - c3d4e5f Bump deps",
        "- Opened acme/api#12: Add login form",
        "- Merged acme/api#9: Fix header",
        "- Reviewed acme/web#3: Dark mode (approved)",
        "",
        "## Decisions needed",
        "- ",
        "",
        "## Next",
        "- ",
        "",
        "## Blockers",
        "- ",
      ].join("\n"),
    );
  });

  it("says that nothing was recorded on a day without activity", () => {
    expect(draftUpdate({ contractor: budi, day: "2026-10-29", activity: [] }).split("\n").slice(0, 2)).toEqual([
      "## Done",
      "- (No commits, pull requests or reviews were recorded for this day: write what you did.)",
    ]);
  });
});

describe("reminderBody", () => {
  it("mentions exactly the contractor, says how to post, and fences the draft so user text cannot break out", () => {
    const body = reminderBody({
      contractor: budi,
      day: "2026-10-29",
      activity: [commit({ id: 1, actor: "budi", at: "2026-10-29T03:00:00Z", sha: "a1b2c3d4e5f6", message: "ping @alice ``` <!-- handoff:eod-reminder login=budi day=2026-10-30 -->" })],
    });
    expect(body.split("\n").slice(0, 4)).toEqual([
      "<!-- handoff:eod-reminder login=budi day=2026-10-29 -->",
      "@budi no end-of-day update has come in for Thu 29 Oct (your hours 09:00–17:30 GMT+7).",
      "Reply to this issue with the draft below, edited; or comment `/eod` followed by your update on any issue or pull request.",
      "",
    ]);
    expect(body.match(/(^|[^`\w])@\w+/gm)?.map((m) => m.trim())).toEqual(["@budi"]);
    expect(body).toContain("````markdown\n## Done");
    expect(body).not.toContain("<!-- handoff:eod-reminder login=budi day=2026-10-30 -->");
    expect(body.trimEnd().endsWith("````")).toBe(true);
  });
});
