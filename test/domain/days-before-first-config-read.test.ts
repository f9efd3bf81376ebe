import { describe, expect, it } from "@jest/globals";
import { buildDigest } from "../../src/domain/digest.js";
import { isLateUpdate } from "../../src/domain/end-of-day.js";
import { nextDigest, reminderDue, reminderInstant } from "../../src/domain/schedule.js";
import { configOf } from "./event-factory.js";

// "Days that began before the app first read the configuration get no reminder and no 'missing' line":
// a working day begins at its day_boundary, so the reminder and the digest must agree on every row.

const REMIND_AFTER = 30;
const config = (contractor: object) =>
  configOf({ team: { timezone: "America/Los_Angeles" }, digest: { repository: "handoff" }, contractors: [contractor] });

/** Jakarta 09:00-17:30 WIB (02:00-10:30Z); Thursday 29 Oct begins at 04:00 WIB = Wed 21:00Z. */
const budi = config({ login: "budi", timezone: "Asia/Jakarta", hours: "09:00-17:30" });
/** Los Angeles night shift 22:00-06:00, boundary 14:00; Thursday 29 Oct begins Thu 14:00 PDT = 21:00Z, its shift ends Fri 06:00 PDT. */
const nina = config({ login: "nina", timezone: "America/Los_Angeles", hours: "22:00-06:00", day_boundary: "14:00" });

/** Whether the reminder of `day` is sent at its reminder instant. */
function reminded(cfg: ReturnType<typeof config>, day: string, firstRead: string): boolean {
  const contractor = cfg.contractors[0]!;
  const at = reminderInstant(day, contractor, REMIND_AFTER);
  return reminderDue(at, contractor, REMIND_AFTER, firstRead) === day;
}

/** Whether the first digest after the day's hours ended (the first since the config was read) says "No end-of-day update" for `day`. */
function reportedMissing(cfg: ReturnType<typeof config>, day: string, firstRead: string): boolean {
  const at = nextDigest(reminderInstant(day, cfg.contractors[0]!, 0), cfg.team);
  const digest = buildDigest({
    config: cfg,
    teamDate: at.setZone(cfg.team.timezone).toISODate()!,
    at: at.toUTC().toISO()!,
    since: firstRead,
    configReadAt: firstRead,
    events: [],
    updates: [],
    logIssues: [],
  });
  return digest.contractors[0]?.days.find((d) => d.day === day)?.missingUpdate ?? false;
}

/** Whether an update posted an hour after that digest would be labelled late (the digest had reported on the day). */
function lateAfterReport(cfg: ReturnType<typeof config>, day: string, firstRead: string): boolean {
  const at = nextDigest(reminderInstant(day, cfg.contractors[0]!, 0), cfg.team);
  return isLateUpdate({ occurredAt: at.plus({ hours: 1 }).toUTC().toISO()! }, day, cfg.contractors[0]!, at.toUTC().toISO()!, firstRead);
}

describe("days that began before the app first read the config: reminder, digest and late updates agree", () => {
  it.each`
    who       | cfg     | day             | firstRead                 | tracked  | why
    ${"budi"} | ${budi} | ${"2026-10-29"} | ${"2026-10-28T12:00:00Z"} | ${true}  | ${"read Wed 19:00 WIB, long before Thursday began"}
    ${"budi"} | ${budi} | ${"2026-10-29"} | ${"2026-10-28T20:59:00Z"} | ${true}  | ${"read Thu 03:59 WIB, still Wednesday's working day"}
    ${"budi"} | ${budi} | ${"2026-10-29"} | ${"2026-10-28T21:00:00Z"} | ${true}  | ${"read Thu 04:00 WIB, exactly when Thursday began"}
    ${"budi"} | ${budi} | ${"2026-10-29"} | ${"2026-10-28T21:01:00Z"} | ${false} | ${"read Thu 04:01 WIB, Thursday had begun"}
    ${"budi"} | ${budi} | ${"2026-10-29"} | ${"2026-10-28T23:00:00Z"} | ${false} | ${"read Thu 06:00 WIB: after the boundary, before hours"}
    ${"budi"} | ${budi} | ${"2026-10-29"} | ${"2026-10-29T05:00:00Z"} | ${false} | ${"read Thu 12:00 WIB, during hours"}
    ${"budi"} | ${budi} | ${"2026-10-30"} | ${"2026-10-28T23:00:00Z"} | ${true}  | ${"the same read: Friday began after it"}
    ${"nina"} | ${nina} | ${"2026-10-29"} | ${"2026-10-29T20:00:00Z"} | ${true}  | ${"read Thu 13:00 PDT, still Wednesday's working day"}
    ${"nina"} | ${nina} | ${"2026-10-29"} | ${"2026-10-29T21:00:00Z"} | ${true}  | ${"read Thu 14:00 PDT, exactly when Thursday began"}
    ${"nina"} | ${nina} | ${"2026-10-29"} | ${"2026-10-29T22:00:00Z"} | ${false} | ${"read Thu 15:00 PDT: after the boundary, before the shift"}
    ${"nina"} | ${nina} | ${"2026-10-29"} | ${"2026-10-30T08:00:00Z"} | ${false} | ${"read Fri 01:00 PDT, during Thursday's shift"}
    ${"nina"} | ${nina} | ${"2026-10-30"} | ${"2026-10-29T22:00:00Z"} | ${true}  | ${"read Thu 15:00 PDT: Friday began after it"}
  `("$who, day $day, config first read $firstRead: tracked $tracked ($why)", ({ cfg, day, firstRead, tracked }) => {
    const c = cfg as ReturnType<typeof config>;
    expect({
      reminder: reminded(c, day as string, firstRead as string),
      missingLine: reportedMissing(c, day as string, firstRead as string),
      late: lateAfterReport(c, day as string, firstRead as string),
    }).toEqual({
      reminder: tracked,
      missingLine: tracked,
      late: tracked,
    });
  });

  it("Jakarta, config first read Thu 06:00 WIB: no reminder at 11:00Z and no 'missing' line in the 15:30Z digest for Thu 29 Oct", () => {
    const firstRead = "2026-10-28T23:00:00Z";
    const contractor = budi.contractors[0]!;
    expect(reminderDue("2026-10-29T11:00:00Z", contractor, REMIND_AFTER, firstRead)).toBeNull();
    const digest = buildDigest({
      config: budi,
      teamDate: "2026-10-29",
      at: "2026-10-29T15:30:00Z",
      since: firstRead,
      configReadAt: firstRead,
      events: [],
      updates: [],
      logIssues: [],
    });
    expect(digest.contractors.flatMap((c) => c.days.filter((d) => d.missingUpdate).map((d) => d.day))).toEqual([]);
  });
});
