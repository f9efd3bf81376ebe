import { describe, expect, it } from "@jest/globals";
import { configPreview, renderConfigPreview, type PreviewDay } from "../../src/domain/config-preview.js";
import { comment, commit, configOf, pullRequest } from "./event-factory.js";

// Budi's 09:00-17:30 in Jakarta ends at 10:30Z; with the 30-minute delay his reminder is at 11:00Z, 04:00 in Los Angeles.
const base = {
  team: { timezone: "America/Los_Angeles", digest_time: "08:30" },
  digest: { repository: "handoff" },
  contractors: [{ login: "budi", timezone: "Asia/Jakarta", hours: "09:00-17:30" }],
};
const logIssues = [{ login: "budi", repo: "acme/handoff", number: 3 }];
// Thu 29 Oct 2026, 08:00 in Los Angeles: before that day's digest.
const NOW = "2026-10-29T15:00:00.000Z";

const events = [
  commit({ id: 1, actor: "budi", at: "2026-10-23T05:00:00.000Z", sha: "a1b2c3d4", message: "Add form" }),
  comment({ id: 2, actor: "budi", at: "2026-10-23T10:00:00.000Z", number: 40, body: "/eod shipped the form" }),
  pullRequest({ id: 3, actor: "budi", at: "2026-10-27T03:00:00.000Z", number: 12, action: "opened", title: "Add login" }),
  pullRequest({ id: 4, actor: "budi", at: "2026-10-27T04:00:00.000Z", number: 9, action: "merged", title: "Fix header" }),
  comment({ id: 5, actor: "budi", at: "2026-10-27T10:15:00.000Z", repo: "acme/handoff", number: 3, body: "Done: login" }),
  commit({ id: 6, actor: "ana", at: "2026-10-28T05:00:00.000Z", sha: "b2c3d4e5", message: "Not a contractor" }),
  // Posted an hour after the reminder was due: the reminder still went out.
  comment({ id: 7, actor: "budi", at: "2026-10-28T12:00:00.000Z", number: 40, body: "/eod late" }),
];

const day = (teamDate: string, digest: PreviewDay["digest"], events: number, reminders: string[], reviewPrompts: number): PreviewDay => ({
  teamDate,
  digest,
  events,
  reminders,
  reviewPrompts,
});

describe("configPreview", () => {
  it.each([
    {
      name: "defaults: a missing update alone makes a digest, a late update does not stop the reminder",
      config: configOf(base),
      expected: [
        day("2026-10-23", "yes", 2, [], 0),
        day("2026-10-24", "off", 0, [], 0),
        day("2026-10-25", "off", 0, [], 0),
        day("2026-10-26", "yes", 0, ["budi"], 0),
        day("2026-10-27", "yes", 3, [], 1),
        day("2026-10-28", "yes", 1, ["budi"], 0),
        day("2026-10-29", "later", 0, ["budi"], 0),
      ],
    },
    {
      name: "reminders and prompts off, Monday off: no digest without activity",
      config: configOf({
        ...base,
        contractors: [{ ...base.contractors[0], days_off: ["2026-10-26"] }],
        end_of_day: { remind: false },
        review_prompts: { enabled: false },
      }),
      expected: [
        day("2026-10-23", "yes", 2, [], 0),
        day("2026-10-24", "off", 0, [], 0),
        day("2026-10-25", "off", 0, [], 0),
        day("2026-10-26", "no", 0, [], 0),
        day("2026-10-27", "yes", 3, [], 0),
        day("2026-10-28", "yes", 1, [], 0),
        day("2026-10-29", "later", 0, [], 0),
      ],
    },
    {
      name: "post_when_empty posts on every workday",
      config: configOf({ ...base, contractors: [{ ...base.contractors[0], days_off: ["2026-10-26"] }], digest: { repository: "handoff", post_when_empty: true } }),
      expected: [
        day("2026-10-23", "yes", 2, [], 0),
        day("2026-10-24", "off", 0, [], 0),
        day("2026-10-25", "off", 0, [], 0),
        day("2026-10-26", "yes", 0, [], 0),
        day("2026-10-27", "yes", 3, [], 1),
        day("2026-10-28", "yes", 1, ["budi"], 0),
        day("2026-10-29", "later", 0, ["budi"], 0),
      ],
    },
  ])("$name", ({ config, expected }) => {
    expect(configPreview(config, events, logIssues, NOW)).toEqual(expected);
  });

  it("counts only `/eod` comments as updates when no log issue is known", () => {
    const tuesday = configPreview(configOf(base), events, [], NOW)[4];
    expect(tuesday).toEqual(day("2026-10-27", "yes", 3, ["budi"], 1));
  });
});

describe("renderConfigPreview", () => {
  it("renders one table row per team date, labelled as an estimate", () => {
    const config = configOf(base);
    const text = renderConfigPreview(configPreview(config, events, logIssues, NOW), config);
    expect(text).toContain("an estimate from the activity recorded");
    expect(text.split("\n").slice(2)).toEqual([
      "| team date (America/Los_Angeles) | digest | reminders | review prompts |",
      "| --- | --- | --- | --- |",
      "| Fri 23 Oct | yes, 2 events | 0 | 0 |",
      "| Sat 24 Oct | no (not a workday) | 0 | – |",
      "| Sun 25 Oct | no (not a workday) | 0 | – |",
      "| Mon 26 Oct | yes, 0 events | 1 (budi) | 0 |",
      "| Tue 27 Oct | yes, 3 events | 0 | 1 |",
      "| Wed 28 Oct | yes, 1 event | 1 (budi) | 0 |",
      "| Thu 29 Oct | not yet (08:30) | 1 (budi) | – |",
    ]);
  });
});
