import { describe, expect, it } from "@jest/globals";
import { configSchema, type Contractor, type Team } from "../../src/config/schema.js";
import {
  briefDue,
  digestDue,
  nextBrief,
  nextDigest,
  nextReminder,
  nextScheduledDay,
  previousScheduledDay,
  reminderDue,
  scheduledDaysEndedBetween,
} from "../../src/domain/schedule.js";
import { renderScheduleText, scheduleReport } from "../../src/domain/schedule-report.js";
import { addDays } from "../../src/domain/working-day.js";

const WEEK = ["mon", "tue", "wed", "thu", "fri"] as const;
const team = (timezone: string, digest_time = "08:30", workdays: Team["workdays"] = [...WEEK]): Team => ({
  timezone,
  digest_time,
  workdays,
  reviewers: [],
});
const contractor = (login: string, fields: Partial<Contractor> & Pick<Contractor, "timezone">): Contractor => ({
  login,
  hours: "09:00-17:00",
  workdays: [...WEEK],
  day_boundary: "04:00",
  days_off: [],
  ...fields,
});

const la = team("America/Los_Angeles");
const sydney = team("Australia/Sydney");
const berlinSundays = team("Europe/Berlin", "02:30", ["sun"]);

/** Jakarta, 09:00-17:30 WIB (02:00-10:30Z), off on Thu 24 Dec 2026. */
const budi = contractor("budi", { timezone: "Asia/Jakarta", hours: "09:00-17:30", days_off: ["2026-12-24"] });
/** Los Angeles night shift 22:00-06:00; the shift of day D ends on D+1. */
const nina = contractor("nina", { timezone: "America/Los_Angeles", hours: "22:00-06:00", day_boundary: "14:00" });
/** Los Angeles night shift on Saturdays only: the shift of Sat 31 Oct 2026 crosses the end of DST. */
const owl = contractor("owl", { timezone: "America/Los_Angeles", hours: "22:00-06:00", day_boundary: "14:00", workdays: ["sat"] });
/** Berlin, 09:00-17:00. */
const lena = contractor("lena", { timezone: "Europe/Berlin" });
/** Jakarta night shift 22:00-06:00 WIB (15:00-23:00Z). */
const rara = contractor("rara", { timezone: "Asia/Jakarta", hours: "22:00-06:00", day_boundary: "14:00" });

const iso = (instant: { toUTC(): { toISO(): string | null } } | null): string | null => instant?.toUTC().toISO() ?? null;

describe("digestDue", () => {
  it.each`
    name                   | t               | at                        | expected        | why
    ${"Los Angeles"}       | ${la}           | ${"2026-10-30T15:29:00Z"} | ${null}         | ${"Fri 08:29 PDT, a minute before digest_time"}
    ${"Los Angeles"}       | ${la}           | ${"2026-10-30T15:30:00Z"} | ${"2026-10-30"} | ${"Fri 08:30 PDT, at digest_time"}
    ${"Los Angeles"}       | ${la}           | ${"2026-10-30T23:00:00Z"} | ${"2026-10-30"} | ${"Fri 16:00 PDT, a later tick the same date"}
    ${"Los Angeles"}       | ${la}           | ${"2026-10-31T06:59:00Z"} | ${"2026-10-30"} | ${"Fri 23:59 PDT, the last minute of the date"}
    ${"Los Angeles"}       | ${la}           | ${"2026-10-31T07:00:00Z"} | ${null}         | ${"Sat 00:00 PDT"}
    ${"Los Angeles"}       | ${la}           | ${"2026-10-31T16:00:00Z"} | ${null}         | ${"Sat 09:00 PDT, not a workday"}
    ${"Los Angeles"}       | ${la}           | ${"2026-11-01T17:00:00Z"} | ${null}         | ${"Sun 09:00 PST, not a workday"}
    ${"Los Angeles"}       | ${la}           | ${"2026-11-02T16:29:00Z"} | ${null}         | ${"Mon 08:29 PST (PDT would make it 09:29)"}
    ${"Los Angeles"}       | ${la}           | ${"2026-11-02T16:30:00Z"} | ${"2026-11-02"} | ${"Mon 08:30 PST, after DST ended"}
    ${"Sydney"}            | ${sydney}       | ${"2026-10-04T21:29:00Z"} | ${null}         | ${"Mon 08:29 AEDT, the day after DST started"}
    ${"Sydney"}            | ${sydney}       | ${"2026-10-04T21:30:00Z"} | ${"2026-10-05"} | ${"Mon 08:30 AEDT; the UTC date is still Sunday"}
    ${"Berlin on Sundays"} | ${berlinSundays}| ${"2026-03-29T01:29:00Z"} | ${null}         | ${"Sun 03:29 CEST; 02:30 does not exist and moves to 03:30"}
    ${"Berlin on Sundays"} | ${berlinSundays}| ${"2026-03-29T01:30:00Z"} | ${"2026-03-29"} | ${"Sun 03:30 CEST"}
  `("$name team at $at: $expected ($why)", ({ t, at, expected }) => {
    expect(digestDue(at as string, t as Team)).toBe(expected);
  });
});

describe("nextDigest", () => {
  it.each`
    name                   | t                | at                          | expected                      | why
    ${"Los Angeles"}       | ${la}            | ${"2026-10-29T16:00:00Z"}   | ${"2026-10-30T15:30:00.000Z"} | ${"Thu after the digest: Friday's"}
    ${"Los Angeles"}       | ${la}            | ${"2026-10-30T15:30:00Z"}   | ${"2026-10-30T15:30:00.000Z"} | ${"at the digest instant itself"}
    ${"Los Angeles"}       | ${la}            | ${"2026-10-30T15:30:01Z"}   | ${"2026-11-02T16:30:00.000Z"} | ${"after Friday's: Monday 08:30 PST, across the weekend and the end of DST"}
    ${"Los Angeles"}       | ${la}            | ${"2026-10-31T12:00:00Z"}   | ${"2026-11-02T16:30:00.000Z"} | ${"Saturday"}
    ${"Los Angeles"}       | ${la}            | ${"2026-11-02T07:59:00Z"}   | ${"2026-11-02T16:30:00.000Z"} | ${"Sun 23:59 PST"}
    ${"Sydney"}            | ${sydney}        | ${"2026-10-02T21:31:00Z"}   | ${"2026-10-04T21:30:00.000Z"} | ${"Sat 07:31 AEST: Monday 08:30 AEDT, after DST started"}
    ${"Berlin on Sundays"} | ${berlinSundays} | ${"2026-03-28T12:00:00Z"}   | ${"2026-03-29T01:30:00.000Z"} | ${"02:30 skipped by DST moves to 03:30 CEST"}
    ${"Berlin on Sundays"} | ${berlinSundays} | ${"2026-03-29T01:31:00Z"}   | ${"2026-04-05T00:30:00.000Z"} | ${"a week later, 02:30 CEST"}
  `("$name team at $at: $expected ($why)", ({ t, at, expected }) => {
    expect(iso(nextDigest(at as string, t as Team))).toBe(expected);
  });
});

describe("previousScheduledDay and nextScheduledDay", () => {
  it.each`
    who       | c       | day             | extra             | previous        | next
    ${"budi"} | ${budi} | ${"2026-10-30"} | ${[]}             | ${"2026-10-29"} | ${"2026-11-02"}
    ${"budi"} | ${budi} | ${"2026-11-02"} | ${[]}             | ${"2026-10-30"} | ${"2026-11-03"}
    ${"budi"} | ${budi} | ${"2026-12-23"} | ${[]}             | ${"2026-12-22"} | ${"2026-12-25"}
    ${"budi"} | ${budi} | ${"2026-10-30"} | ${["2026-11-02"]} | ${"2026-10-29"} | ${"2026-11-03"}
    ${"owl"}  | ${owl}  | ${"2026-10-31"} | ${[]}             | ${"2026-10-24"} | ${"2026-11-07"}
  `("$who around $day: $previous and $next", ({ c, day, extra, previous, next }) => {
    const args = [day as string, c as Contractor, extra as string[]] as const;
    expect([previousScheduledDay(...args), nextScheduledDay(...args)]).toEqual([previous, next]);
  });

  it("finds no scheduled day when every workday of the year is off", () => {
    const mondaysOff = Array.from({ length: 60 }, (_, week) => addDays("2026-11-02", 7 * week));
    const mondays = contractor("mo", { timezone: "UTC", workdays: ["mon"], days_off: mondaysOff });
    expect([nextScheduledDay("2026-10-30", mondays), nextBrief("2026-10-30T00:00:00Z", mondays)]).toEqual([null, null]);
  });
});

describe("nextBrief", () => {
  it.each`
    who       | c       | at                        | extra             | expected                      | why
    ${"budi"} | ${budi} | ${"2026-10-29T19:00:00Z"} | ${[]}             | ${"2026-10-30T02:00:00.000Z"} | ${"Fri 02:00 WIB: Friday 09:00"}
    ${"budi"} | ${budi} | ${"2026-10-30T02:00:00Z"} | ${[]}             | ${"2026-10-30T02:00:00.000Z"} | ${"at the start itself"}
    ${"budi"} | ${budi} | ${"2026-10-30T02:00:01Z"} | ${[]}             | ${"2026-11-02T02:00:00.000Z"} | ${"just after: Monday"}
    ${"budi"} | ${budi} | ${"2026-10-30T02:00:01Z"} | ${["2026-11-02"]} | ${"2026-11-03T02:00:00.000Z"} | ${"Monday taken off: Tuesday"}
    ${"budi"} | ${budi} | ${"2026-12-23T03:00:00Z"} | ${[]}             | ${"2026-12-25T02:00:00.000Z"} | ${"skips the day off on Thu 24 Dec"}
    ${"nina"} | ${nina} | ${"2026-10-30T12:00:00Z"} | ${[]}             | ${"2026-10-31T05:00:00.000Z"} | ${"Fri 05:00 PDT in Thursday's shift: Friday 22:00 PDT"}
    ${"nina"} | ${nina} | ${"2026-10-31T06:00:00Z"} | ${[]}             | ${"2026-11-03T06:00:00.000Z"} | ${"Fri 23:00 PDT: Monday 22:00 PST"}
    ${"owl"}  | ${owl}  | ${"2026-10-31T00:00:00Z"} | ${[]}             | ${"2026-11-01T05:00:00.000Z"} | ${"Saturday 22:00 PDT"}
    ${"lena"} | ${lena} | ${"2026-10-23T08:00:00Z"} | ${[]}             | ${"2026-10-26T08:00:00.000Z"} | ${"Fri 10:00 CEST: Monday 09:00 CET"}
    ${"lena"} | ${lena} | ${"2026-03-27T09:00:00Z"} | ${[]}             | ${"2026-03-30T07:00:00.000Z"} | ${"Fri 10:00 CET: Monday 09:00 CEST"}
  `("$who at $at: $expected ($why)", ({ c, at, extra, expected }) => {
    expect(iso(nextBrief(at as string, c as Contractor, extra as string[]))).toBe(expected);
  });
});

describe("nextReminder", () => {
  it.each`
    who       | c       | after  | at                          | expected                      | why
    ${"budi"} | ${budi} | ${30}  | ${"2026-10-30T02:00:00Z"}   | ${"2026-10-30T11:00:00.000Z"} | ${"Friday 17:30 WIB + 30 min"}
    ${"budi"} | ${budi} | ${30}  | ${"2026-10-30T11:00:01Z"}   | ${"2026-11-02T11:00:00.000Z"} | ${"just after: Monday"}
    ${"budi"} | ${budi} | ${720} | ${"2026-10-30T02:00:00Z"}   | ${"2026-10-30T22:30:00.000Z"} | ${"Friday 17:30 + 12 h = Sat 05:30 WIB"}
    ${"budi"} | ${budi} | ${0}   | ${"2026-10-30T10:30:00Z"}   | ${"2026-10-30T10:30:00.000Z"} | ${"no delay: the end of hours itself"}
    ${"nina"} | ${nina} | ${30}  | ${"2026-10-30T12:00:00Z"}   | ${"2026-10-30T13:30:00.000Z"} | ${"Thursday's shift ends Fri 06:00 PDT"}
    ${"nina"} | ${nina} | ${30}  | ${"2026-10-30T13:31:00Z"}   | ${"2026-10-31T13:30:00.000Z"} | ${"Friday's shift ends Sat 06:00 PDT"}
    ${"nina"} | ${nina} | ${30}  | ${"2026-10-31T14:00:00Z"}   | ${"2026-11-03T14:30:00.000Z"} | ${"Monday's shift ends Tue 06:00 PST"}
    ${"owl"}  | ${owl}  | ${30}  | ${"2026-10-31T00:00:00Z"}   | ${"2026-11-01T14:30:00.000Z"} | ${"Sat 22:00 PDT to Sun 06:00 PST: a 9-hour shift"}
    ${"lena"} | ${lena} | ${30}  | ${"2026-10-23T16:00:00Z"}   | ${"2026-10-26T16:30:00.000Z"} | ${"Fri 18:00 CEST: Monday 17:30 CET"}
  `("$who, $after min after, at $at: $expected ($why)", ({ c, after, at, expected }) => {
    expect(iso(nextReminder(at as string, c as Contractor, after as number))).toBe(expected);
  });
});

describe("reminderDue", () => {
  const since = "2026-10-01T00:00:00Z";
  it.each`
    who       | c       | at                        | notBefore                 | extra             | expected        | why
    ${"budi"} | ${budi} | ${"2026-10-30T10:59:00Z"} | ${since}                  | ${[]}             | ${null}         | ${"Fri 17:59 WIB, a minute early; Thursday's ended when Friday started"}
    ${"budi"} | ${budi} | ${"2026-10-30T11:00:00Z"} | ${since}                  | ${[]}             | ${"2026-10-30"} | ${"Fri 18:00 WIB, due"}
    ${"budi"} | ${budi} | ${"2026-10-31T11:00:00Z"} | ${since}                  | ${[]}             | ${"2026-10-30"} | ${"Sat 18:00 WIB: caught up, Saturday gets none"}
    ${"budi"} | ${budi} | ${"2026-11-02T01:59:00Z"} | ${since}                  | ${[]}             | ${"2026-10-30"} | ${"Mon 08:59 WIB: still caught up"}
    ${"budi"} | ${budi} | ${"2026-11-02T02:00:00Z"} | ${since}                  | ${[]}             | ${null}         | ${"Mon 09:00 WIB: the next working day started"}
    ${"budi"} | ${budi} | ${"2026-12-24T11:00:00Z"} | ${since}                  | ${[]}             | ${"2026-12-23"} | ${"Thu 24 Dec is a day off: Wednesday's is caught up"}
    ${"budi"} | ${budi} | ${"2026-12-25T01:59:00Z"} | ${since}                  | ${[]}             | ${"2026-12-23"} | ${"until Friday starts"}
    ${"budi"} | ${budi} | ${"2026-10-30T11:00:00Z"} | ${since}                  | ${["2026-10-30"]} | ${"2026-10-29"} | ${"Friday taken off: Thursday's until Monday"}
    ${"budi"} | ${budi} | ${"2026-10-30T11:00:00Z"} | ${"2026-10-29T21:00:00Z"} | ${[]}             | ${"2026-10-30"} | ${"the app read the config exactly when Friday began (04:00 WIB)"}
    ${"budi"} | ${budi} | ${"2026-10-30T11:00:00Z"} | ${"2026-10-29T21:01:00Z"} | ${[]}             | ${null}         | ${"Friday began before the app read the config"}
    ${"nina"} | ${nina} | ${"2026-10-31T13:30:00Z"} | ${since}                  | ${[]}             | ${"2026-10-30"} | ${"Sat 06:30 PDT, after Friday's shift"}
    ${"nina"} | ${nina} | ${"2026-11-03T05:59:00Z"} | ${since}                  | ${[]}             | ${"2026-10-30"} | ${"Mon 21:59 PST, caught up"}
    ${"nina"} | ${nina} | ${"2026-11-03T06:00:00Z"} | ${since}                  | ${[]}             | ${null}         | ${"Mon 22:00 PST, Monday's shift started"}
    ${"nina"} | ${nina} | ${"2026-11-03T14:30:00Z"} | ${since}                  | ${[]}             | ${"2026-11-02"} | ${"Tue 06:30 PST, after Monday's shift"}
    ${"owl"}  | ${owl}  | ${"2026-11-01T14:29:00Z"} | ${since}                  | ${[]}             | ${null}         | ${"Sun 06:29 PST: not yet due, and the previous Saturday's closed when this shift began"}
    ${"owl"}  | ${owl}  | ${"2026-11-01T14:30:00Z"} | ${since}                  | ${[]}             | ${"2026-10-31"} | ${"Sun 06:30 PST, after the 9-hour shift"}
  `("$who at $at: $expected ($why)", ({ c, at, notBefore, extra, expected }) => {
    expect(reminderDue(at as string, c as Contractor, 30, notBefore as string, extra as string[])).toBe(expected);
  });
});

describe("briefDue", () => {
  const since = "2026-10-01T00:00:00Z";
  it.each`
    who       | c       | at                        | notBefore                 | expected        | why
    ${"budi"} | ${budi} | ${"2026-10-30T01:59:00Z"} | ${since}                  | ${null}         | ${"Fri 08:59 WIB, before hours"}
    ${"budi"} | ${budi} | ${"2026-10-30T02:00:00Z"} | ${since}                  | ${"2026-10-30"} | ${"Fri 09:00 WIB, hours start"}
    ${"budi"} | ${budi} | ${"2026-10-30T10:29:00Z"} | ${since}                  | ${"2026-10-30"} | ${"Fri 17:29 WIB, caught up"}
    ${"budi"} | ${budi} | ${"2026-10-30T10:30:00Z"} | ${since}                  | ${null}         | ${"Fri 17:30 WIB, hours ended"}
    ${"budi"} | ${budi} | ${"2026-10-31T03:00:00Z"} | ${since}                  | ${null}         | ${"Saturday"}
    ${"budi"} | ${budi} | ${"2026-12-24T03:00:00Z"} | ${since}                  | ${null}         | ${"a day off"}
    ${"budi"} | ${budi} | ${"2026-10-30T05:00:00Z"} | ${"2026-10-30T02:00:00Z"} | ${"2026-10-30"} | ${"hours started when the app read the config"}
    ${"budi"} | ${budi} | ${"2026-10-30T05:00:00Z"} | ${"2026-10-30T02:01:00Z"} | ${null}         | ${"hours started before the app read the config"}
    ${"nina"} | ${nina} | ${"2026-11-03T06:00:00Z"} | ${since}                  | ${"2026-11-02"} | ${"Mon 22:00 PST, the shift starts"}
    ${"nina"} | ${nina} | ${"2026-11-03T13:00:00Z"} | ${since}                  | ${"2026-11-02"} | ${"Tue 05:00 PST, still Monday's shift"}
    ${"nina"} | ${nina} | ${"2026-11-03T14:00:00Z"} | ${since}                  | ${null}         | ${"Tue 06:00 PST, the shift ended"}
  `("$who at $at: $expected ($why)", ({ c, at, notBefore, expected }) => {
    expect(briefDue(at as string, c as Contractor, notBefore as string)).toBe(expected);
  });
});

describe("the Los Angeles team's digests and the Jakarta contractors' days", () => {
  const fridayDigest = "2026-10-30T15:30:00.000Z";
  const mondayDigest = "2026-11-02T16:30:00.000Z";

  it("posts Monday's digest next after Friday's", () => {
    expect(iso(nextDigest("2026-10-30T15:31:00Z", la))).toBe(mondayDigest);
  });

  it.each`
    who       | c       | after                       | until           | expected
    ${"budi"} | ${budi} | ${"2026-10-29T15:30:00Z"}   | ${fridayDigest} | ${["2026-10-30"]}
    ${"budi"} | ${budi} | ${fridayDigest}             | ${mondayDigest} | ${["2026-11-02"]}
    ${"rara"} | ${rara} | ${"2026-10-29T15:30:00Z"}   | ${fridayDigest} | ${["2026-10-29"]}
    ${"rara"} | ${rara} | ${fridayDigest}             | ${mondayDigest} | ${["2026-10-30"]}
  `("the digest at $until reports $who's days $expected (rara's Friday night shift ends after Friday's digest)", ({ c, after, until, expected }) => {
    expect(scheduledDaysEndedBetween(after as string, until as string, c as Contractor)).toEqual(expected);
  });
});

describe("scheduleReport", () => {
  const config = configSchema.parse({
    team: { timezone: "America/Los_Angeles" },
    digest: { repository: "handoff" },
    contractors: [
      { login: "budi", timezone: "Asia/Jakarta", hours: "09:00-17:30" },
      { login: "nina", timezone: "America/Los_Angeles", hours: "22:00-06:00", day_boundary: "14:00" },
    ],
  });

  it("gives the next digest and each contractor's working day, brief and reminder", () => {
    expect(scheduleReport(config, "2026-10-29T12:00:00-07:00")).toEqual({
      at: "2026-10-29T19:00:00.000Z",
      team: { timezone: "America/Los_Angeles", next_digest: "2026-10-30T15:30:00.000Z" },
      contractors: [
        {
          login: "budi",
          timezone: "Asia/Jakarta",
          working_day: "2026-10-29",
          next_brief: "2026-10-30T02:00:00.000Z",
          next_reminder: "2026-10-30T11:00:00.000Z",
        },
        {
          login: "nina",
          timezone: "America/Los_Angeles",
          working_day: "2026-10-28",
          next_brief: "2026-10-30T05:00:00.000Z",
          next_reminder: "2026-10-30T13:30:00.000Z",
        },
      ],
    });
  });

  it("leaves out reminders and briefs that are turned off, and honours extra days off", () => {
    const quiet = { ...config, end_of_day: { remind: false, remind_after_minutes: 30 }, start_of_day_brief: { enabled: false } };
    const report = scheduleReport(config, "2026-10-29T19:00:00Z", { budi: ["2026-10-30"] });
    expect([scheduleReport(quiet, "2026-10-29T19:00:00Z").contractors[0], report.contractors[0]?.next_brief]).toEqual([
      { login: "budi", timezone: "Asia/Jakarta", working_day: "2026-10-29", next_brief: null, next_reminder: null },
      "2026-11-02T02:00:00.000Z",
    ]);
  });

  it("renders the times in the contractor's zone and the team's zone", () => {
    expect(renderScheduleText(scheduleReport(config, "2026-10-29T19:00:00Z"))).toBe(
      [
        "At Thu 29 Oct 12:00 PDT (America/Los_Angeles)",
        "Next digest: Fri 30 Oct 08:30 PDT",
        "",
        "budi (Asia/Jakarta)",
        "  working day:   Thu 29 Oct 2026",
        "  next brief:    Fri 30 Oct 09:00 GMT+7 (Thu 29 Oct 19:00 PDT)",
        "  next reminder: Fri 30 Oct 18:00 GMT+7 (Fri 30 Oct 04:00 PDT)",
        "",
        "nina (America/Los_Angeles)",
        "  working day:   Wed 28 Oct 2026",
        "  next brief:    Thu 29 Oct 22:00 PDT (Thu 29 Oct 22:00 PDT)",
        "  next reminder: Fri 30 Oct 06:30 PDT (Fri 30 Oct 06:30 PDT)",
        "",
      ].join("\n"),
    );
  });
});
