import type { Brief, BriefPullRequest, FeedbackItem } from "./brief.js";
import type { Decision } from "./decisions.js";
import { codeSpan, inlineText } from "./markdown-safety.js";
import { link, reference } from "./render-digest.js";
import { dayAndTime, indentedQuote } from "./render-review-prompt.js";
import { waitingLine } from "./render-waiting-for-review.js";

const REVIEW_LINES = 3;

export const briefMarker = (login: string, day: string): string => `<!-- handoff:brief login=${login.toLowerCase()} day=${day} -->`;

const REVIEW_STATES: Record<string, string> = {
  approved: "approved",
  changes_requested: "requested changes",
  commented: "reviewed (comments)",
  dismissed: "dismissed a review",
};

function feedbackLines(item: FeedbackItem, zone: string): string[] {
  const verb =
    item.kind === "review"
      ? `**${REVIEW_STATES[item.state ?? ""] ?? "reviewed"}**`
      : item.kind === "review_comment"
        ? `commented on ${item.path === null ? "the diff" : codeSpan(item.path)}`
        : "commented";
  const head = `- ${inlineText(item.actor)} ${link(verb, item.url)} · ${dayAndTime(item.at, zone)}`;
  return item.body.trim() === "" ? [head] : [`${head}:`, indentedQuote(item.body, REVIEW_LINES)];
}

function pullRequestLines(pr: BriefPullRequest, zone: string): string[] {
  const lines = ["", `**${link(reference(pr.repo, pr.number), pr.url)} ${inlineText(pr.title)}**`];
  for (const item of pr.feedback) lines.push(...feedbackLines(item, zone));
  if (pr.closed) lines.push(`- ${pr.closed.merged ? "Merged" : "Closed"} by ${inlineText(pr.closed.by)} · ${dayAndTime(pr.closed.at, zone)}`);
  return lines;
}

function decisionLine(decision: Decision, zone: string): string {
  const answer = decision.answer!;
  const how = answer.how === "decided" ? `${inlineText(answer.by)} decided: ${inlineText(answer.text)}` : `${inlineText(answer.by)} ${answer.how} ${reference(decision.repo, decision.number)}`;
  return `- ${link(inlineText(decision.text), decision.url)} → ${link(how, answer.url)} · ${dayAndTime(answer.at, zone)}`;
}

/** The brief comment. It mentions the contractor it is for and nobody else; user text goes through markdown-safety. */
export function renderBrief(brief: Brief): string {
  const zone = brief.timezone;
  const lines = [
    briefMarker(brief.login, brief.day),
    `@${brief.login}, here is what came in since your hours ended ${dayAndTime(brief.since, zone)}.`,
  ];
  if (brief.pullRequests.length > 0) lines.push("", "### Feedback on your pull requests", ...brief.pullRequests.flatMap((pr) => pullRequestLines(pr, zone)));
  if (brief.decisionsAnswered.length > 0) lines.push("", "### Decisions answered", ...brief.decisionsAnswered.map((decision) => decisionLine(decision, zone)));
  if (brief.unanswered.length > 0) {
    lines.push("", "### Still waiting for an answer", "Nobody has answered these review prompts yet: no need to wait on them.", ...brief.unanswered.map((entry) => waitingLine(entry, zone)));
  }
  return `${lines.join("\n")}\n`;
}
