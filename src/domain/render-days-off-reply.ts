import { DateTime } from "luxon";
import { DAYS_OFF_USAGE, type DaysOffRequest } from "./days-off-commands.js";
import { codeSpan, inlineText } from "./markdown-safety.js";
import { addDays } from "./working-day.js";

/** Marks the reply to one version of a `/handoff` comment: an edited command gets a reply of its own. */
export const daysOffReplyMarker = (commentKey: string, version: string): string =>
  `<!-- handoff:days-off comment=${commentKey.replace(/^comment:/, "")} version=${version} -->`;

const dateLabel = (day: string): string => DateTime.fromISO(day, { zone: "UTC", locale: "en-US" }).toFormat("EEE d MMM yyyy");

/** Sorted days as runs of consecutive dates: "Thu 24 Dec 2026 – Thu 31 Dec 2026 (8 days)". */
function runsOf(days: readonly string[]): string[] {
  const runs: string[][] = [];
  for (const day of days) {
    const last = runs.at(-1);
    if (last && addDays(last.at(-1)!, 1) === day) last.push(day);
    else runs.push([day]);
  }
  return runs.map((run) => (run.length === 1 ? dateLabel(run[0]!) : `${dateLabel(run[0]!)} – ${dateLabel(run.at(-1)!)} (${run.length} days)`));
}

/** The reply to a contractor's `/handoff` comment on their log issue: what was recorded, or what is wrong. Pings nobody. */
export function renderDaysOffReply(request: DaysOffRequest, marker: string): string {
  const lines = request.commands.map((command) =>
    command.problems.length > 0
      ? `- ${codeSpan(command.line)}: **not recorded**: ${command.problems.map((problem) => inlineText(problem)).join("; ")}`
      : `- ${codeSpan(command.line)}: ${runsOf(command.days).join(", ")}`,
  );
  const failed = request.commands.some((command) => command.problems.length > 0);
  const recorded = request.commands.some((command) => command.problems.length === 0);
  const intro = recorded ? `Days off recorded for ${inlineText(request.login)}: no end-of-day reminder and no "No end-of-day update" line on these days.` : "Nothing was recorded.";
  const help = failed ? ["", `Edit the comment, or post a new one: ${DAYS_OFF_USAGE}.`] : [];
  return [marker, intro, "", ...lines, ...help].join("\n") + "\n";
}
