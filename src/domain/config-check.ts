import { DateTime } from "luxon";
import { CONFIG_PATH, formatPath, formatProblem, parseConfig } from "../config/parse-config.js";
import type { Contractor, HandoffConfig } from "../config/schema.js";
import { codeSpan } from "./markdown-safety.js";
import { renderScheduleText, scheduleReport } from "./schedule-report.js";
import { nextBrief, toInstant, type Instant } from "./schedule.js";
import { hoursWindow, workingDayOf } from "./working-day.js";

export const CONFIG_CHECK_NAME = "Handoff config";
// GitHub takes at most 50 annotations in one request.
const MAX_ANNOTATIONS = 50;

/** What the "Handoff config" check run reports on one version of `.github/handoff.yml`. */
export interface ConfigCheck {
  conclusion: "success" | "failure" | "neutral";
  title: string;
  summary: string;
  annotations: { path: string; line: number; title: string; message: string }[];
}

/**
 * The check of the file's `text` at a pull request's head (null: the pull request deletes it), with the schedule as of `at`
 * and, for a valid file, the `preview` of what it would have produced lately appended.
 */
export function configCheckOf(text: string | null, at: Instant, preview: string | null = null): ConfigCheck {
  if (text === null) {
    return {
      conclusion: "neutral",
      title: `${CONFIG_PATH} is deleted`,
      summary: `This pull request deletes \`${CONFIG_PATH}\`. Once it is merged, Handoff posts nothing for this account (activity is still recorded).`,
      annotations: [],
    };
  }
  const parsed = parseConfig(text);
  if (!parsed.ok) {
    const { problems } = parsed;
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    return {
      conclusion: "failure",
      title: `${count} in ${CONFIG_PATH}`,
      summary: [
        `Handoff cannot use \`${CONFIG_PATH}\` as of this commit; merged like this, it would post nothing until the file is fixed. Each problem is also shown at its line:`,
        "",
        ...problems.map((p) => `- line ${p.line ?? 1}: ${codeSpan(formatProblem(p))}`),
        "",
        "`npm run --silent handoff -- validate handoff.yml` checks a file locally.",
      ].join("\n"),
      annotations: problems.slice(0, MAX_ANNOTATIONS).map((p) => ({
        path: CONFIG_PATH,
        line: p.line ?? 1,
        title: p.path.length > 0 ? formatPath(p.path) : "handoff.yml",
        message: p.message,
      })),
    };
  }
  const { config } = parsed;
  const contractors = config.contractors.length === 1 ? "1 contractor" : `${config.contractors.length} contractors`;
  return {
    conclusion: "success",
    title: `Valid: digest at ${config.team.digest_time} ${config.team.timezone}, ${contractors}`,
    summary: preview === null ? renderSchedule(config, toInstant(at)) : `${renderSchedule(config, toInstant(at))}\n\n${preview}`,
    annotations: [],
  };
}

const on = (enabled: boolean) => (enabled ? "on" : "off");

function renderSchedule(config: HandoffConfig, at: DateTime): string {
  const { team, end_of_day } = config;
  const reminders = end_of_day.remind ? `${end_of_day.remind_after_minutes} min after the end of hours` : "off";
  return [
    `\`${CONFIG_PATH}\` is valid as of this commit. Once merged, Handoff works to this schedule.`,
    "",
    `**Team** (${team.timezone}): digest at ${team.digest_time} on ${team.workdays.join(", ")}, in the \`${config.digest.repository}\` repository.`,
    `**Reminders**: ${reminders} · **Review prompts**: ${on(config.review_prompts.enabled)} · **Start-of-day briefs**: ${on(config.start_of_day_brief.enabled)}`,
    "",
    `| contractor | works on | next working hours, their time | the same, team time |`,
    `| --- | --- | --- | --- |`,
    ...config.contractors.map((c) => hoursRow(c, team.timezone, at)),
    "",
    "What comes next:",
    "",
    "```text",
    renderScheduleText(scheduleReport(config, at)).trimEnd(),
    "```",
  ].join("\n");
}

function hoursRow(contractor: Contractor, teamZone: string, at: DateTime): string {
  const start = nextBrief(at, contractor);
  const hours = start ? hoursWindow(workingDayOf(start, contractor), contractor) : null;
  const span = (zone: string) => (hours ? localSpan(hours.start.setZone(zone), hours.end.setZone(zone)) : "none within a year");
  return `| ${contractor.login} (${contractor.timezone}) | ${contractor.workdays.join(", ")} | ${span(contractor.timezone)} | ${span(teamZone)} |`;
}

/** "Thu 29 Oct 19:00 – Fri 03:30 PDT": the end names its weekday when it falls on the next date. */
function localSpan(start: DateTime, end: DateTime): string {
  const sameDate = start.toISODate() === end.toISODate();
  const format = (instant: DateTime, pattern: string) => instant.setLocale("en-US").toFormat(pattern);
  return `${format(start, "ccc d LLL HH:mm")} – ${format(end, sameDate ? "HH:mm ZZZZ" : "ccc HH:mm ZZZZ")}`;
}
