import { DateTime } from "luxon";
import type { Contractor, HandoffConfig } from "../config/schema.js";
import { sameLogin, updatesByDay, type LogIssue } from "./end-of-day.js";
import { activityCount, type RecordedEvent } from "./events.js";
import { digestInstant, isTeamWorkday, reminderInstant, scheduledDaysEndedBetween, teamDateOf, toInstant, type Instant } from "./schedule.js";
import { inScope } from "./scope.js";
import { addDays, isScheduled } from "./working-day.js";

/** How many team dates the preview covers, today included. */
export const PREVIEW_DAYS = 7;

/** What a config would have produced on one team date, estimated from the recorded activity. */
export interface PreviewDay {
  teamDate: string;
  /** "off": not a team workday; "later": today's digest time has not come yet. */
  digest: "yes" | "no" | "off" | "later";
  /** Events the digest would have shown. */
  events: number;
  /** Logins reminded on this team date. */
  reminders: string[];
  /** Distinct pull requests still open, with contractor pull_request events since the previous digest. */
  reviewPrompts: number;
}

const isContractorEvent = (event: RecordedEvent, contractors: readonly Contractor[]) =>
  contractors.some((c) => sameLogin(c.login, event.actor) || (event.subjectAuthor !== null && sameLogin(c.login, event.subjectAuthor)));

/**
 * What `config` would have produced on each of the last PREVIEW_DAYS team dates up to `now`, given the
 * `events` recorded over that time (shown in a digest or not). An estimate: the first digest's window
 * starts before the recorded week, and the digest's late-arrival cutoffs are ignored.
 */
export function configPreview(config: HandoffConfig, events: readonly RecordedEvent[], logIssues: readonly LogIssue[], now: Instant): PreviewDay[] {
  const at = toInstant(now);
  const { team, contractors } = config;
  const counts = inScope(config.repositories, logIssues);
  const relevant = events.filter((e) => isContractorEvent(e, contractors) && counts(e));
  const updates = new Map(contractors.map((c) => [c.login, updatesByDay(relevant, c, logIssues)]));
  // Whether no update for `day` had been posted by `by`.
  const missingUpdate = (c: Contractor, day: string, by: DateTime) => !(updates.get(c.login)?.get(day) ?? []).some((u) => toInstant(u.occurredAt) <= by);
  const today = teamDateOf(at, team);
  const first = addDays(today, 1 - PREVIEW_DAYS);

  const reminders = new Map<string, string[]>();
  if (config.end_of_day.remind) {
    for (const c of contractors) {
      // A contractor's day may end up to a day before the team date, and the reminder comes up to 12 hours later.
      for (let day = addDays(first, -2); day <= addDays(today, 1); day = addDays(day, 1)) {
        const instant = reminderInstant(day, c, config.end_of_day.remind_after_minutes);
        const date = teamDateOf(instant, team);
        if (date < first || instant > at || !isScheduled(day, c) || !missingUpdate(c, day, instant)) continue;
        reminders.set(date, [...(reminders.get(date) ?? []), c.login]);
      }
    }
  }

  const days: PreviewDay[] = [];
  for (let date = first; date <= today; date = addDays(date, 1)) {
    const day: PreviewDay = { teamDate: date, digest: "off", events: 0, reminders: reminders.get(date) ?? [], reviewPrompts: 0 };
    days.push(day);
    if (!isTeamWorkday(date, team)) continue;
    const until = digestInstant(date, team);
    if (until > at) {
      day.digest = "later";
      continue;
    }
    const since = digestInstant(previousTeamWorkday(date, config), team);
    const shown = relevant.filter((e) => toInstant(e.occurredAt) > since && toInstant(e.occurredAt) <= until);
    const missing = contractors.some((c) => scheduledDaysEndedBetween(since, until, c).some((d) => missingUpdate(c, d, until)));
    day.events = shown.reduce((n, e) => n + activityCount(e), 0);
    day.digest = shown.length > 0 || missing || config.digest.post_when_empty ? "yes" : "no";
    day.reviewPrompts = config.review_prompts.enabled ? openPullRequests(shown) : 0;
  }
  return days;
}

function previousTeamWorkday(date: string, config: HandoffConfig): string {
  let day = addDays(date, -1);
  // A valid config lists at least one workday, so this ends within a week.
  while (!isTeamWorkday(day, config.team)) day = addDays(day, -1);
  return day;
}

/** Pull requests with pull_request events whose last such event leaves them open. */
function openPullRequests(events: readonly RecordedEvent[]): number {
  const last = new Map<string, string>();
  for (const e of events) if (e.kind === "pull_request") last.set(`${e.repo}#${e.number}`, e.data.action);
  return [...last.values()].filter((action) => action !== "closed" && action !== "merged").length;
}

/** The preview as a Markdown section for the check run's summary. */
export function renderConfigPreview(days: readonly PreviewDay[], config: HandoffConfig): string {
  const digest = (d: PreviewDay) =>
    ({ yes: `yes, ${d.events} ${d.events === 1 ? "event" : "events"}`, no: "no", off: "no (not a workday)", later: `not yet (${config.team.digest_time})` })[d.digest];
  const prompts = (d: PreviewDay) => (d.digest !== "yes" ? "–" : config.review_prompts.enabled ? String(d.reviewPrompts) : "off");
  const reminders = (d: PreviewDay) => (d.reminders.length === 0 ? "0" : `${d.reminders.length} (${d.reminders.join(", ")})`);
  return [
    `**Last ${PREVIEW_DAYS} days with this config** (an estimate from the activity recorded over those days: activity before them is not counted, a digest is posted for any contractor activity or missing end-of-day update since the previous one, an end-of-day update is a \`/eod\` comment or a comment on the contractor's log issue, and a review prompt is counted for each pull request with contractor activity that was still open):`,
    "",
    `| team date (${config.team.timezone}) | digest | reminders | review prompts |`,
    "| --- | --- | --- | --- |",
    ...days.map((d) => `| ${weekdayLabel(d.teamDate)} | ${digest(d)} | ${reminders(d)} | ${prompts(d)} |`),
  ].join("\n");
}

const weekdayLabel = (date: string) => DateTime.fromISO(date, { zone: "UTC" }).setLocale("en-US").toFormat("ccc d LLL");
