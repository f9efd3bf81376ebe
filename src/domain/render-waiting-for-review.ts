import { inlineText } from "./markdown-safety.js";
import type { WaitingReview } from "./prompt-answers.js";
import { link, reference } from "./render-digest.js";
import { dayAndTime } from "./render-review-prompt.js";
import { formatWorkingTime } from "./team-hours.js";

/** One line per prompted pull request with no answer; logins carry no "@" (the digest pings nobody). */
export function waitingLine(entry: WaitingReview, teamZone: string): string {
  const pr = `${link(reference(entry.repo, entry.number), entry.url)} ${inlineText(entry.title)}`;
  const since = entry.isNew
    ? "prompted with this digest"
    : `${link("prompted", entry.promptUrl)} ${dayAndTime(entry.promptedAt, teamZone)} · waiting ${formatWorkingTime(entry.waitedMinutes)} of team working hours`;
  return `- ${pr} · ${inlineText(entry.contractor)} · ${since}`;
}

/** The digest's "Waiting for review" section; no lines when nothing waits. */
export function renderWaitingForReview(waiting: readonly WaitingReview[], teamZone: string): string[] {
  if (waiting.length === 0) return [];
  return ["", "**Waiting for review**", ...waiting.map((entry) => waitingLine(entry, teamZone))];
}
