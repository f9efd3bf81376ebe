import { describe, expect, it } from "@jest/globals";
import { configCheckOf } from "../../src/domain/config-check.js";
import { fixtureConfig } from "../fixtures/configs.js";

// Thu 29 Oct 2026, 08:00 in Los Angeles (PDT), 22:00 in Jakarta.
const AT = "2026-10-29T15:00:00Z";

describe("configCheckOf", () => {
  it("passes a valid file and shows its schedule in both zones", () => {
    const check = configCheckOf(fixtureConfig("acme"), AT);
    expect([check.conclusion, check.title, check.annotations]).toEqual(["success", "Valid: digest at 08:30 America/Los_Angeles, 2 contractors", []]);
    expect(check.summary).toMatchInlineSnapshot(`
"\`.github/handoff.yml\` is valid as of this commit. Once merged, Handoff works to this schedule.

**Team** (America/Los_Angeles): digest at 08:30 on mon, tue, wed, thu, fri, in the \`handoff\` repository.
**Reminders**: 30 min after the end of hours · **Review prompts**: on · **Start-of-day briefs**: on

| contractor | works on | next working hours, their time | the same, team time |
| --- | --- | --- | --- |
| budi (Asia/Jakarta) | mon, tue, wed, thu, fri | Fri 30 Oct 09:00 – 17:30 GMT+7 | Thu 29 Oct 19:00 – Fri 03:30 PDT |
| carla (America/Argentina/Buenos_Aires) | mon, tue, wed, thu, fri | Fri 30 Oct 10:00 – 18:00 GMT-3 | Fri 30 Oct 06:00 – 14:00 PDT |

What comes next:

\`\`\`text
At Thu 29 Oct 08:00 PDT (America/Los_Angeles)
Next digest: Thu 29 Oct 08:30 PDT

budi (Asia/Jakarta)
  working day:   Thu 29 Oct 2026
  next brief:    Fri 30 Oct 09:00 GMT+7 (Thu 29 Oct 19:00 PDT)
  next reminder: Fri 30 Oct 18:00 GMT+7 (Fri 30 Oct 04:00 PDT)

carla (America/Argentina/Buenos_Aires)
  working day:   Thu 29 Oct 2026
  next brief:    Fri 30 Oct 10:00 GMT-3 (Fri 30 Oct 06:00 PDT)
  next reminder: Thu 29 Oct 18:30 GMT-3 (Thu 29 Oct 14:30 PDT)
\`\`\`"
`);
  });

  it("names the next date when night hours end after midnight", () => {
    const { summary } = configCheckOf(fixtureConfig("night-shift"), AT);
    expect(summary).toContain("| nina (America/Los_Angeles) | mon, tue, wed, thu, fri | Thu 29 Oct 22:00 – Fri 06:00 PDT | Fri 30 Oct 06:00 – 14:00 GMT+1 |");
  });

  it("fails an invalid file with one annotation at the line of each problem", () => {
    const check = configCheckOf(fixtureConfig("invalid"), AT);
    expect(check).toMatchObject({ conclusion: "failure", title: "2 problems in .github/handoff.yml" });
    expect(check.annotations).toEqual([
      { path: ".github/handoff.yml", line: 3, title: "team.digest_tme", message: "unknown key (check its spelling and level)" },
      { path: ".github/handoff.yml", line: 8, title: "contractors[0].timezone", message: '"Asia/Jakarta2" is not an IANA time zone' },
    ]);
    expect(check.summary).toMatchInlineSnapshot(`
"Handoff cannot use \`.github/handoff.yml\` as of this commit; merged like this, it would post nothing until the file is fixed. Each problem is also shown at its line:

- line 3: \`team.digest_tme: unknown key (check its spelling and level)\`
- line 8: \`contractors[0].timezone: "Asia/Jakarta2" is not an IANA time zone\`

\`npm run --silent handoff -- validate handoff.yml\` checks a file locally."
`);
  });

  it("keeps user text in the summary inert: no mention, no HTML", () => {
    const { summary } = configCheckOf("team:\n  timezone: UTC\n  '@alice <!-- x -->': 1\n", AT);
    expect(summary).toContain("- line 3: `team.@alice <\u200B!-- x -->: unknown key (check its spelling and level)`");
  });

  it("annotates a YAML syntax error at its line, and at most 50 problems", () => {
    expect(configCheckOf(fixtureConfig("syntax-error"), AT).annotations.map((a) => [a.line, a.title])).toEqual([
      [8, "handoff.yml"],
      [9, "handoff.yml"],
    ]);
    const manyTypos = `team: {timezone: UTC}\ndigest: {repository: handoff}\ncontractors: [{login: budi, timezone: UTC}]\n${Array.from({ length: 60 }, (_, i) => `typo${i}: 1`).join("\n")}\n`;
    const check = configCheckOf(manyTypos, AT);
    expect([check.title, check.annotations.length, check.annotations.at(-1)?.line]).toEqual(["60 problems in .github/handoff.yml", 50, 53]);
  });

  it("is neutral when the pull request deletes the file", () => {
    expect(configCheckOf(null, AT)).toMatchObject({ conclusion: "neutral", title: ".github/handoff.yml is deleted", annotations: [] });
  });
});
