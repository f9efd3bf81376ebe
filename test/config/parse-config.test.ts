import { describe, expect, it } from "@jest/globals";
import { formatProblem, parseConfig } from "../../src/config/parse-config.js";
import { fixtureConfig } from "../fixtures/configs.js";

/** Each problem as `handoff validate` prints it, after the line the config check annotates. */
function problemsOf(text: string): string[] {
  const parsed = parseConfig(text);
  if (parsed.ok) throw new Error("expected the config to be invalid");
  return parsed.problems.map((p) => `line ${p.line}: ${formatProblem(p)}`);
}

describe("parseConfig: valid files", () => {
  it("fills in every default", () => {
    const parsed = parseConfig(fixtureConfig("acme"));
    expect(parsed).toEqual({
      ok: true,
      config: {
        team: { timezone: "America/Los_Angeles", digest_time: "08:30", workdays: ["mon", "tue", "wed", "thu", "fri"], reviewers: ["alice"] },
        digest: { repository: "handoff", labels: ["handoff-digest"], close_previous: true, post_when_empty: false },
        contractors: [
          { login: "budi", timezone: "Asia/Jakarta", hours: "09:00-17:30", workdays: ["mon", "tue", "wed", "thu", "fri"], day_boundary: "04:00", days_off: [] },
          {
            login: "carla",
            timezone: "America/Argentina/Buenos_Aires",
            hours: "10:00-18:00",
            workdays: ["mon", "tue", "wed", "thu", "fri"],
            day_boundary: "04:00",
            days_off: [],
          },
        ],
        end_of_day: { remind: true, remind_after_minutes: 30 },
        review_prompts: { enabled: true },
        start_of_day_brief: { enabled: true },
        repositories: [],
      },
    });
  });

  it("accepts a night shift that crosses midnight with its own day_boundary", () => {
    const parsed = parseConfig(fixtureConfig("night-shift"));
    expect(parsed.ok && parsed.config.contractors[0]).toMatchObject({ hours: "22:00-06:00", day_boundary: "14:00", days_off: ["2026-12-24"] });
  });

  it("resolves plain anchors and aliases", () => {
    const parsed = parseConfig(fixtureConfig("anchors"));
    expect(parsed.ok && parsed.config.contractors.map((c) => c.workdays)).toEqual([
      ["mon", "tue", "wed", "thu"],
      ["mon", "tue", "wed", "thu"],
    ]);
  });

  it.each([
    ["hours starting at the boundary", "09:00-17:00", "09:00"],
    ["hours ending at the boundary of the next date", "22:00-06:00", "06:00"],
    ["night hours starting at the boundary", "22:00-06:00", "22:00"],
    ["a boundary at midnight before day hours", "09:00-17:00", "00:00"],
  ])("accepts %s (%s, day_boundary %s)", (_case, hours, boundary) => {
    const text = `team: {timezone: UTC}\ndigest: {repository: handoff}\ncontractors: [{login: budi, timezone: UTC, hours: "${hours}", day_boundary: "${boundary}"}]\n`;
    expect(parseConfig(text).ok).toBe(true);
  });
});

describe("parseConfig: every problem with its path and line", () => {
  it("reports unknown keys at any level instead of ignoring them", () => {
    expect(problemsOf(fixtureConfig("unknown-keys"))).toMatchInlineSnapshot(`
[
  "line 4: team.digest_tme: unknown key (check its spelling and level)",
  "line 7: digest.close_previos: unknown key (check its spelling and level)",
  "line 11: contractors[0].hour: unknown key (check its spelling and level)",
  "line 12: reviewers: unknown key (check its spelling and level)",
]
`);
  });

  it("checks IANA zones, HH:MM times, ranges of hours and dates", () => {
    expect(problemsOf(fixtureConfig("times"))).toMatchInlineSnapshot(`
[
  "line 3: team.timezone: "Pacific Time" is not an IANA time zone",
  "line 4: team.digest_time: "8:30" is not a time as "HH:MM"",
  "line 9: contractors[0].timezone: "Asia/Jakarta2" is not an IANA time zone",
  "line 10: contractors[0].hours: "9-17" is not a range of hours as "HH:MM-HH:MM"",
  "line 11: contractors[0].day_boundary: "24:00" is not a time as "HH:MM"",
  "line 14: contractors[1].hours: start and end of hours must differ",
  "line 15: contractors[1].days_off[0]: "2026-02-30" is not a date as "YYYY-MM-DD"",
  "line 15: contractors[1].days_off[1]: "31/12/2026" is not a date as "YYYY-MM-DD"",
]
`);
  });

  it("keeps day_boundary out of the hours and at or before their start, with the night-shift hint", () => {
    expect(problemsOf(fixtureConfig("day-boundary"))).toMatchInlineSnapshot(`
[
  "line 7: contractors[0].day_boundary: "04:00" falls inside hours "22:00-06:00"; a working day must not be cut in two: pick a day_boundary outside the hours (a night shift "22:00-06:00" needs e.g. day_boundary: "14:00")",
  "line 13: contractors[1].day_boundary: "12:00" falls inside hours "09:00-17:00"; a working day must not be cut in two: pick a day_boundary outside the hours (a night shift "22:00-06:00" needs e.g. day_boundary: "14:00")",
  "line 17: contractors[2].day_boundary: "20:00" is after the start of hours "09:00-17:00", so each date's hours would count for the previous working day; set day_boundary to "09:00" or earlier",
]
`);
  });

  it("rejects a contractor listed twice, whatever the case of the login", () => {
    expect(problemsOf(fixtureConfig("duplicate-logins"))).toMatchInlineSnapshot(`
[
  "line 11: contractors[2].login: "Budi" is already listed as contractors[0]",
]
`);
  });

  it("names each missing required key", () => {
    expect(problemsOf(fixtureConfig("missing-required"))).toMatchInlineSnapshot(`
[
  "line 2: team.timezone: is required",
  "line 2: digest: is required",
  "line 2: contractors: is required",
]
`);
  });

  it("reports all problems of a file at once", () => {
    expect(problemsOf(fixtureConfig("everything-wrong"))).toMatchInlineSnapshot(`
[
  "line 3: team.timezone: "Mars/Olympus_Mons" is not an IANA time zone",
  "line 4: team.digest_time: "08.30" is not a time as "HH:MM"",
  "line 5: team.workdays[1]: "funday" is not one of mon, tue, wed, thu, fri, sat, sun",
  "line 6: team.reviewers[0]: "@alice" is not a GitHub login",
  "line 8: digest.repository: give the repository name only, without the owner",
  "line 9: digest.post_when_empty: is text "yes", expected true or false",
  "line 14: contractors[0].day_boundary: "10:00" falls inside hours "09:00-17:30"; a working day must not be cut in two: pick a day_boundary outside the hours (a night shift "22:00-06:00" needs e.g. day_boundary: "14:00")",
  "line 15: contractors[1].login: is required",
  "line 19: end_of_day.remind_after_minutes: must be from 0 to 720 minutes",
  "line 21: start_of_day_brief.enable: unknown key (check its spelling and level)",
  "line 16: contractors[2].login: "budi" is already listed as contractors[0]",
]
`);
  });

  it("checks day_boundary and repeated logins also when other keys of the contractor are wrong", () => {
    const yaml = ["team:", "  timezone: UTC", "digest:", "  repository: handoff", "contractors:", "  - login: budi", '    hours: "22:00-06:00"', "  - login: Budi", "    timezone: UTC", ""].join("\n");
    expect(problemsOf(yaml)).toMatchInlineSnapshot(`
[
  "line 6: contractors[0].timezone: is required",
  "line 6: contractors[0].day_boundary: "04:00" falls inside hours "22:00-06:00"; a working day must not be cut in two: pick a day_boundary outside the hours (a night shift "22:00-06:00" needs e.g. day_boundary: "14:00")",
  "line 8: contractors[1].login: "Budi" is already listed as contractors[0]",
]
`);
  });

  it("reports a YAML syntax error at its line", () => {
    expect(problemsOf(fixtureConfig("syntax-error"))).toMatchInlineSnapshot(`
[
  "line 8: YAML syntax error: All mapping items must start at the same column at line 8, column 1",
  "line 9: YAML syntax error: Missing closing "quote at line 9, column 1",
]
`);
  });

  it("reports an empty file as missing its required sections", () => {
    expect(problemsOf("")).toMatchInlineSnapshot(`
[
  "line 1: team: is required",
  "line 1: digest: is required",
  "line 1: contractors: is required",
]
`);
  });

  it("reports a file that is not a mapping", () => {
    expect(problemsOf("- team\n- digest\n")).toMatchInlineSnapshot(`
[
  "line 1: the file is a list, expected a mapping (key: value)",
]
`);
  });
});

describe("parseConfig: hostile files", () => {
  it("rejects a billion-laughs anchor bomb quickly, with a clear error", () => {
    const started = performance.now();
    expect(problemsOf(fixtureConfig("anchor-bomb"))).toMatchInlineSnapshot(`
[
  "line 1: YAML aliases (*name) expand to too many values (over 100 per alias), as in a "billion laughs" attack; write the values out instead",
]
`);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("rejects deeply nested flow collections without overflowing the stack", () => {
    const problems = problemsOf(`team: ${"[".repeat(5000)}${"]".repeat(5000)}\n`);
    expect(problems[0]).toMatch(/^line 1: YAML syntax error: /);
  });

  it("rejects an oversized file before parsing it", () => {
    expect(problemsOf(`# ${"x".repeat(70_000)}\n`)).toMatchInlineSnapshot(`
[
  "line 1: the file has 70003 characters; a handoff.yml has at most 65536",
]
`);
  });

  it("rejects duplicate keys instead of letting the last one win", () => {
    expect(problemsOf("team:\n  timezone: UTC\n  timezone: Asia/Jakarta\n")).toMatchInlineSnapshot(`
[
  "line 3: YAML syntax error: Map keys must be unique at line 3, column 3",
]
`);
  });
});
