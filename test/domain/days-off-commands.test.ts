import { describe, expect, it } from "@jest/globals";
import { daysOffRequests, extraDaysOff, parseDaysOff, withExtraDaysOff } from "../../src/domain/days-off-commands.js";
import { daysOffReplyMarker, renderDaysOffReply } from "../../src/domain/render-days-off-reply.js";
import { comment, configOf } from "./event-factory.js";

describe("parseDaysOff", () => {
  it.each([
    ["off 2026-12-24", ["2026-12-24"]],
    ["OFF 2026-12-30..2027-01-02", ["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]],
    ["off 2026-12-24, 2026-12-31 2026-12-24", ["2026-12-24", "2026-12-31"]],
    ["off 2026-12-24..2026-12-24", ["2026-12-24"]],
  ])("/handoff %s → %j", (argument, days) => {
    expect(parseDaysOff(argument)).toEqual({ days, problems: [] });
  });

  it.each([
    ["off 2026-13-01", '"2026-13-01" is not a calendar date'],
    ["off 2026-02-30", '"2026-02-30" is not a calendar date'],
    ["off 24.12.2026", '"24.12.2026" is not a date as YYYY-MM-DD'],
    ["off tomorrow", '"tomorrow" is not a date as YYYY-MM-DD'],
    ["off 2026-12-31..2026-12-24", "the range 2026-12-31..2026-12-24 ends before it starts"],
    ["off 2026-01-01..2027-06-01", "the range 2026-01-01..2027-06-01 covers 517 days; give at most 366"],
    ["off 2026-12-24..", '"2026-12-24.." is not a date or a range as YYYY-MM-DD..YYYY-MM-DD'],
    ["off", "give the day off as YYYY-MM-DD, or a range as YYYY-MM-DD..YYYY-MM-DD"],
    ["on 2026-12-24", '"on" is not a /handoff command'],
    ["", "/handoff needs a command"],
  ])("/handoff %s is refused: %s", (argument, problem) => {
    expect(parseDaysOff(argument)).toEqual({ days: [], problems: [problem] });
  });

  it("refuses the whole command when one of its dates is wrong", () => {
    expect(parseDaysOff("off 2026-12-24 2026-12-32")).toEqual({ days: [], problems: ['"2026-12-32" is not a calendar date'] });
  });
});

describe("days off from log-issue comments", () => {
  const logIssues = [{ login: "budi", repo: "acme/handoff", number: 1 }, { login: "ana", repo: "acme/handoff", number: 2 }];
  const contractors = [{ login: "budi" }, { login: "Ana" }];
  const onIssue = (id: number, actor: string, number: number, body: string) => comment({ id, actor, at: "2026-12-01T10:00:00Z", repo: "acme/handoff", number, body });

  it("counts a contractor's commands on their own log issue only", () => {
    const requests = daysOffRequests(
      [
        onIssue(1, "budi", 1, "/handoff off 2026-12-24..2026-12-25"),
        onIssue(2, "ana", 2, "Going away:\n/handoff off 2026-12-31\n/handoff off 2026-12-32"),
        onIssue(3, "budi", 2, "/handoff off 2027-01-05"), // on someone else's log issue
        onIssue(4, "alice", 1, "/handoff off 2027-01-06"), // not a contractor
        onIssue(5, "budi", 1, "`/handoff off 2027-01-07` is how it works"), // in code
      ],
      contractors,
      logIssues,
    );
    expect(requests.map((r) => [r.login, r.comment.id, r.commands.map((c) => [c.line, c.days, c.problems])])).toEqual([
      ["budi", 1, [["/handoff off 2026-12-24..2026-12-25", ["2026-12-24", "2026-12-25"], []]]],
      [
        "Ana",
        2,
        [
          ["/handoff off 2026-12-31", ["2026-12-31"], []],
          ["/handoff off 2026-12-32", [], ['"2026-12-32" is not a calendar date']],
        ],
      ],
    ]);
    const extra = extraDaysOff(requests);
    expect(extra).toEqual({ budi: ["2026-12-24", "2026-12-25"], Ana: ["2026-12-31"] });
    const config = configOf({ team: { timezone: "UTC" }, digest: { repository: "handoff" }, contractors: [{ login: "budi", timezone: "Asia/Jakarta", days_off: ["2026-12-31"] }] });
    expect(withExtraDaysOff(config, extra).contractors[0]!.days_off).toEqual(["2026-12-24", "2026-12-25", "2026-12-31"]);
  });

  it("replies with what was recorded, and with what is wrong, pinging nobody", () => {
    const [request] = daysOffRequests([onIssue(7, "budi", 1, "/handoff off 2026-12-24..2026-12-31\n/handoff off 2027-02-30 @alice <b>")], contractors, logIssues);
    expect(renderDaysOffReply(request!, daysOffReplyMarker("comment:7", "abc"))).toBe(
      [
        "<!-- handoff:days-off comment=7 version=abc -->",
        'Days off recorded for budi: no end-of-day reminder and no "No end-of-day update" line on these days.',
        "",
        "- `/handoff off 2026-12-24..2026-12-31`: Thu 24 Dec 2026 – Thu 31 Dec 2026 (8 days)",
        '- `/handoff off 2027-02-30 @alice <\u200Bb>`: **not recorded**: "2027-02-30" is not a calendar date; "@\u200Balice" is not a date as YYYY-MM-DD; "&lt;b&gt;" is not a date as YYYY-MM-DD',
        "",
        "Edit the comment, or post a new one: `/handoff off YYYY-MM-DD` or `/handoff off YYYY-MM-DD..YYYY-MM-DD`.",
        "",
      ].join("\n"),
    );
  });
});
