import { codeSpan, inlineText, quoteBlock } from "./markdown-safety.js";
import { calendarDate, link, stampInZone } from "./render-digest.js";
import { type CommitGroup, shownCommits } from "./commit-groups.js";
import { PROMPT_COMMITS_SHOWN, type ReviewPrompt } from "./review-prompts.js";

const NOTE_LINES = 6;

export const reviewPromptMarker = (teamDate: string): string => `<!-- handoff:review-prompt date=${teamDate} -->`;

const STATE_CHANGES: Record<ReviewPrompt["stateChanges"][number], string> = {
  opened: "opened",
  reopened: "reopened",
  ready_for_review: "ready for review (out of draft)",
  converted_to_draft: "converted to draft",
  review_requested: "review requested",
  merged: "merged",
  closed: "closed",
};

/** "Thu 29 Oct 19:00 PDT" */
export const dayAndTime = (instant: string, zone: string): string => stampInZone(instant, zone, "EEE d MMM HH:mm");

/** The first `count` lines of `text`, with "…" when there were more. */
export function firstLines(text: string, count: number): string {
  const lines = text.replace(/\r\n?/g, "\n").trim().split("\n");
  return lines.length > count ? `${lines.slice(0, count).join("\n")}\n…` : lines.join("\n");
}

/** A quote under a list item: indented so that it stays inside the item. */
export const indentedQuote = (text: string, lines: number): string =>
  quoteBlock(firstLines(text, lines))
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");

function commitLine(group: CommitGroup): string {
  const shown = shownCommits(group, PROMPT_COMMITS_SHOWN).map((commit) => `${link(codeSpan(commit.sha), commit.url)} ${inlineText(commit.message)}`);
  if (group.count > shown.length) shown.push(`… and ${group.count - shown.length} more`);
  return `- ${group.count === 1 ? "1 commit" : `${group.count} commits`} on ${codeSpan(group.branch)}: ${shown.join(" · ")}`;
}

function addressee(prompt: ReviewPrompt): string {
  const who = inlineText(prompt.contractor);
  if (prompt.mentionSource === "none") {
    return `${who} moved this pull request. Nobody is requested to review it and \`team.reviewers\` in \`.github/handoff.yml\` is empty, so this prompt mentions nobody: request a reviewer or list the team's reviewers there.`;
  }
  return `${prompt.mentions.join(" ")}: ${who} moved this pull request. Please review it and answer here in writing.`;
}

function deadline(prompt: ReviewPrompt, teamZone: string): string {
  const who = inlineText(prompt.contractor);
  if (prompt.deadline === null) return `**Deadline:** none: ${who} has no scheduled working day within a year.`;
  return `**Deadline:** ${dayAndTime(prompt.deadline, teamZone)} (team) · ${dayAndTime(prompt.deadline, prompt.contractorZone)} (${who}), when ${who}'s next working day starts.`;
}

/** The prompt comment. It mentions the reviewers it is for and nobody else; user text goes through markdown-safety. */
export function renderReviewPrompt(prompt: ReviewPrompt, options: { teamZone: string }): string {
  const since = prompt.previous === null ? "" : ` · new since the ${link("previous prompt", prompt.previous.url)} of ${calendarDate(prompt.previous.teamDate).toFormat("EEE d MMM")}`;
  const lines = [reviewPromptMarker(prompt.teamDate), addressee(prompt), "", `**What arrived**${since}`];
  if (prompt.stateChanges.length > 0) lines.push(`- Pull request ${prompt.stateChanges.map((action) => STATE_CHANGES[action]).join(", ")}`);
  lines.push(...prompt.commits.map(commitLine));
  for (const note of prompt.notes) {
    const label = note.kind === "decision" ? "Decision needed" : "End-of-day update";
    lines.push(`- ${link(label, note.url)} by ${inlineText(note.by)}:`, indentedQuote(note.text, NOTE_LINES));
  }
  lines.push("", deadline(prompt, options.teamZone));
  return `${lines.join("\n")}\n`;
}
