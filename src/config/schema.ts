import { IANAZone } from "luxon";
import { z } from "zod";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const HOURS = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;

// IANAZone.create remembers each zone it made, with its validity; isValidZone builds an Intl formatter every time.
const zone = z.string().refine((value) => IANAZone.create(value).isValid, {
  error: (issue) => `${JSON.stringify(issue.input)} is not an IANA time zone`,
});
const clock = z.string().regex(CLOCK, { error: (issue) => `${JSON.stringify(issue.input)} is not a time as "HH:MM"` });
const hours = z
  .string()
  .regex(HOURS, {
    error: (issue) => `${JSON.stringify(issue.input)} is not a range of hours as "HH:MM-HH:MM"`,
  })
  .refine((value) => value.slice(0, 5) !== value.slice(6), { error: "start and end of hours must differ" });
const isoDate = z.iso.date({ error: (issue) => `${JSON.stringify(issue.input)} is not a date as "YYYY-MM-DD"` });
const workdays = z
  .array(z.enum(WEEKDAYS, { error: (issue) => `${JSON.stringify(issue.input)} is not one of ${WEEKDAYS.join(", ")}` }))
  .min(1, { error: "list at least one workday" });
const login = z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, {
  error: (issue) => `${JSON.stringify(issue.input)} is not a GitHub login`,
});

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** Minutes after midnight of an "HH:MM" clock time. */
export function minutesOf(clockTime: string): number {
  return Number(clockTime.slice(0, 2)) * 60 + Number(clockTime.slice(3, 5));
}

/** True when `boundary` lies strictly inside the working hours `range` ("HH:MM-HH:MM", may cross midnight). */
export function boundaryInsideHours(boundary: string, range: string): boolean {
  const b = minutesOf(boundary);
  const start = minutesOf(range.slice(0, 5));
  const end = minutesOf(range.slice(6));
  return start < end ? b > start && b < end : b > start || b < end;
}

/**
 * Why `boundary` does not fit `range`, or null when it does. Working day D starts at the start of
 * hours on date D, so the boundary must come at or before that start, and (for hours that cross
 * midnight) at or after their end on the next date.
 */
export function dayBoundaryProblem(boundary: string, range: string): string | null {
  // Malformed or empty hours are reported on their own; zod still runs this refinement after them.
  if (!CLOCK.test(boundary) || !HOURS.test(range) || range.slice(0, 5) === range.slice(6)) return null;
  if (boundaryInsideHours(boundary, range)) {
    return `"${boundary}" falls inside hours "${range}"; a working day must not be cut in two: pick a day_boundary outside the hours (a night shift "22:00-06:00" needs e.g. day_boundary: "14:00")`;
  }
  const start = range.slice(0, 5);
  if (minutesOf(start) < minutesOf(boundary)) {
    return `"${boundary}" is after the start of hours "${range}", so each date's hours would count for the previous working day; set day_boundary to "${start}" or earlier`;
  }
  return null;
}

const contractor = z
  .strictObject({
    login: login.describe("GitHub login of the contractor."),
    timezone: zone.describe('IANA time zone the contractor works in, e.g. "Asia/Jakarta".'),
    hours: hours.default("09:00-17:00").describe('Local working hours "HH:MM-HH:MM"; may cross midnight ("22:00-06:00").'),
    workdays: workdays.default(["mon", "tue", "wed", "thu", "fri"]).describe("Days of the week the contractor works."),
    day_boundary: clock
      .default("04:00")
      .describe('Local time at which one working day turns into the next; at or before the start of `hours` and not inside them (a night shift "22:00-06:00" needs e.g. "14:00").'),
    days_off: z.array(isoDate).default([]).describe("Dates (YYYY-MM-DD, the contractor's working day) the contractor does not work."),
  })
  .superRefine(
    (value, ctx) => {
      const problem = dayBoundaryProblem(value.day_boundary, value.hours);
      if (problem) ctx.addIssue({ code: "custom", path: ["day_boundary"], message: problem });
    },
    // Also when another key of the contractor is wrong: every problem of a file is reported at once.
    { when: ({ value }) => isRecord(value) },
  );

export const configSchema = z
  .strictObject({
    team: z
      .strictObject({
        timezone: zone.describe('IANA time zone of the team, e.g. "America/Los_Angeles"; the digest is posted at its local morning.'),
        digest_time: clock.default("08:30").describe('Local time ("HH:MM") at which the morning digest is posted.'),
        workdays: workdays.default(["mon", "tue", "wed", "thu", "fri"]).describe("Days of the week on which a digest is posted."),
        reviewers: z.array(login).default([]).describe("Logins prompted in a pull request that has no requested reviewers."),
      })
      .describe("The team that reads the digest."),
    digest: z
      .strictObject({
        repository: z
          .string()
          .regex(/^[A-Za-z0-9._-]+$/, { error: "give the repository name only, without the owner" })
          .describe("Repository (same owner, name only) where digest and log issues live."),
        labels: z.array(z.string().min(1)).default(["handoff-digest"]).describe("Labels put on each digest issue."),
        close_previous: z.boolean().default(true).describe("Close the previous digest issue when a new one is posted."),
        post_when_empty: z.boolean().default(false).describe("Post a digest even when nothing happened."),
      })
      .describe("Where and how the morning digest is posted."),
    contractors: z
      .array(contractor)
      .min(1, { error: "list at least one contractor" })
      .describe("The contractors whose activity is recorded; at least one."),
    end_of_day: z
      .strictObject({
        remind: z.boolean().default(true).describe("Remind a contractor whose end-of-day update is missing."),
        remind_after_minutes: z
          .number()
          .int({ error: "must be a whole number of minutes" })
          .min(0, { error: "must be from 0 to 720 minutes" })
          .max(720, { error: "must be from 0 to 720 minutes" })
          .default(30)
          .describe("Minutes after the end of the contractor's hours before the reminder."),
      })
      .prefault({})
      .describe("The reminder sent when a contractor's end-of-day update is missing."),
    review_prompts: z
      .strictObject({
        enabled: z.boolean().default(true).describe("Post a review prompt in each pull request that moved overnight."),
      })
      .prefault({})
      .describe("Comments in pull requests that ask the team for a written review."),
    start_of_day_brief: z
      .strictObject({
        enabled: z.boolean().default(true).describe("Post a brief of the feedback received at the start of the contractor's day."),
      })
      .prefault({})
      .describe("The brief of feedback a contractor gets when their next working day starts."),
    repositories: z
      .array(z.string().min(1))
      .default([])
      .describe("Watch only these repositories (names in this owner); empty: all installed."),
  })
  .superRefine(
    (value, ctx) => {
      const seen = new Map<string, number>();
      // Also run when another part of the file is wrong, so an entry may be of any shape here.
      const contractors: unknown[] = Array.isArray(value.contractors) ? value.contractors : [];
      contractors.forEach((c, index) => {
        const login = isRecord(c) ? c.login : undefined;
        if (typeof login !== "string") return;
        const first = seen.get(login.toLowerCase());
        if (first === undefined) seen.set(login.toLowerCase(), index);
        else ctx.addIssue({ code: "custom", path: ["contractors", index, "login"], message: `"${login}" is already listed as contractors[${first}]` });
      });
    },
    { when: ({ value }) => isRecord(value) },
  )
  .meta({
    title: "Handoff configuration",
    description: "`.github/handoff.yml` in the `.github` repository of the account Handoff is installed on.",
  });

export type HandoffConfig = z.output<typeof configSchema>;
export type Contractor = HandoffConfig["contractors"][number];
export type Team = HandoffConfig["team"];
export type Weekday = (typeof WEEKDAYS)[number];
export { WEEKDAYS };
