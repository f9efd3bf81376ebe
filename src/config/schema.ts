import { IANAZone } from "luxon";
import { z } from "zod";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

const zone = z.string().refine((value) => IANAZone.isValidZone(value), {
  error: (issue) => `${JSON.stringify(issue.input)} is not an IANA time zone (e.g. "Europe/Berlin")`,
});
const clock = z.string().regex(CLOCK, { error: (issue) => `${JSON.stringify(issue.input)} is not a time as "HH:MM"` });
const hours = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, {
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

const contractor = z
  .strictObject({
    /** GitHub login of the contractor. */
    login,
    /** IANA time zone the contractor works in. */
    timezone: zone,
    /** Local working hours "HH:MM-HH:MM"; may cross midnight ("22:00-06:00"). */
    hours: hours.default("09:00-17:00"),
    /** Days of the week the contractor works. */
    workdays: workdays.default(["mon", "tue", "wed", "thu", "fri"]),
    /** Local time at which one working day turns into the next. Must not fall inside `hours`. */
    day_boundary: clock.default("04:00"),
    /** Dates (YYYY-MM-DD, the contractor's working day) the contractor does not work. */
    days_off: z.array(isoDate).default([]),
  })
  .superRefine((value, ctx) => {
    if (boundaryInsideHours(value.day_boundary, value.hours)) {
      ctx.addIssue({
        code: "custom",
        path: ["day_boundary"],
        message: `"${value.day_boundary}" falls inside hours "${value.hours}"; a working day must not be cut in two: pick a day_boundary outside the hours (a night shift "22:00-06:00" needs e.g. day_boundary: "14:00")`,
      });
    }
  });

export const configSchema = z
  .strictObject({
    /** The team that reads the digest. */
    team: z.strictObject({
      /** IANA time zone of the team; the digest is posted at its local morning. */
      timezone: zone,
      /** Local time ("HH:MM") at which the morning digest is posted. */
      digest_time: clock.default("08:30"),
      /** Days of the week on which a digest is posted. */
      workdays: workdays.default(["mon", "tue", "wed", "thu", "fri"]),
      /** Logins prompted in a pull request that has no requested reviewers. */
      reviewers: z.array(login).default([]),
    }),
    digest: z.strictObject({
      /** Repository (same owner) where digest and log issues live. */
      repository: z.string().regex(/^[A-Za-z0-9._-]+$/, { error: "give the repository name only, without the owner" }),
      /** Labels put on each digest issue. */
      labels: z.array(z.string().min(1)).default(["handoff-digest"]),
      /** Close the previous digest issue when a new one is posted. */
      close_previous: z.boolean().default(true),
      /** Post a digest even when nothing happened. */
      post_when_empty: z.boolean().default(false),
    }),
    /** The contractors whose activity is recorded; at least one. */
    contractors: z.array(contractor).min(1, { error: "list at least one contractor" }),
    end_of_day: z
      .strictObject({
        /** Remind a contractor whose end-of-day update is missing. */
        remind: z.boolean().default(true),
        /** Minutes after the end of the contractor's hours before the reminder. */
        remind_after_minutes: z.number().int().min(0).max(720).default(30),
      })
      .prefault({}),
    review_prompts: z
      .strictObject({
        /** Post a review prompt in each pull request that moved overnight. */
        enabled: z.boolean().default(true),
      })
      .prefault({}),
    start_of_day_brief: z
      .strictObject({
        /** Post a brief of the feedback received at the start of the contractor's day. */
        enabled: z.boolean().default(true),
      })
      .prefault({}),
    /** Watch only these repositories (names in this owner); empty: all installed. */
    repositories: z.array(z.string().min(1)).default([]),
  })
  .superRefine((value, ctx) => {
    const seen = new Map<string, number>();
    value.contractors.forEach((c, index) => {
      const key = c.login.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["contractors", index, "login"],
          message: `"${c.login}" is already listed as contractors[${first}]`,
        });
      } else seen.set(key, index);
    });
  });

export type HandoffConfig = z.output<typeof configSchema>;
export type Contractor = HandoffConfig["contractors"][number];
export type Team = HandoffConfig["team"];
export type Weekday = (typeof WEEKDAYS)[number];
export { WEEKDAYS };
