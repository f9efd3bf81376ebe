import type { DigestDecision, DigestDecisions } from "./decisions.js";
import { millis } from "./working-day.js";
import { inlineText } from "./markdown-safety.js";
import { link, reference, stampInZone } from "./render-digest.js";

const TIME = "EEE d MMM HH:mm";

/** "2 d 3 h", "5 h 10 min", "12 min". */
export function formatWait(minutes: number): string {
  const whole = Math.max(0, Math.floor(minutes));
  const [days, hours, mins] = [Math.floor(whole / 1440), Math.floor((whole % 1440) / 60), whole % 60];
  if (days > 0) return `${days} d ${hours} h`;
  return hours > 0 ? `${hours} h ${mins} min` : `${mins} min`;
}

const where = (decision: DigestDecision): string =>
  `${inlineText(decision.asker)} on ${link(reference(decision.repo, decision.number), decision.url)} ${inlineText(decision.title)}`;

function openLine(decision: DigestDecision, teamZone: string, at: string): string {
  const asked = `asked ${stampInZone(decision.askedAt, decision.askerTimezone, TIME)} (${stampInZone(decision.askedAt, teamZone, TIME)})`;
  const waited = formatWait((millis(at) - millis(decision.askedAt)) / 60_000);
  return `- ${inlineText(decision.text)} — ${where(decision)} · ${asked} · waiting ${waited}`;
}

function answeredLine(decision: DigestDecision): string {
  const answer = decision.answer!;
  const how = answer.how === "decided" ? link("decided", answer.url) : answer.how;
  const text = answer.text.trim() === "" ? "" : `: ${inlineText(answer.text)}`;
  return `- ${inlineText(decision.text)} — ${where(decision)} · ${how} by ${inlineText(answer.by)}${text}`;
}

/** The digest's opening sections: open decisions, then those answered since the previous digest. Pings nobody. */
export function renderDecisions(decisions: DigestDecisions, teamZone: string, at: string): string[] {
  const lines: string[] = [];
  if (decisions.open.length > 0) lines.push("", "## Needs a decision", "", ...decisions.open.map((decision) => openLine(decision, teamZone, at)));
  if (decisions.answered.length > 0) lines.push("", "**Answered since the previous digest**", ...decisions.answered.map(answeredLine));
  return lines;
}
