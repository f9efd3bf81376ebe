import type { Contractor } from "../config/schema.js";
import { byTime, isEndOfDayUpdate, sameLogin, sortedByTime, type LogIssue } from "./end-of-day.js";
import { millis } from "./working-day.js";
import type { RecordedEvent } from "./events.js";
import { inScope } from "./scope.js";
import { slashCommands } from "./slash-commands.js";
import { parseUpdate } from "./update-sections.js";

export interface DecisionAnswer {
  by: string;
  /** `/decided` in the thread, or the issue or pull request closed (merged). */
  how: "decided" | "closed" | "merged";
  /** The text after `/decided`; empty for a closing. */
  text: string;
  url: string | null;
  at: string;
  /** When the answer's webhook arrived: decides which digest lists it as answered. */
  recordedAt: string;
}

export interface Decision {
  /** The asking comment's event key and the decision's index in it: stable across edits that keep it. */
  id: string;
  asker: string;
  repo: string;
  number: number;
  /** Title of the issue or pull request it was asked on. */
  title: string;
  text: string;
  url: string | null;
  askedAt: string;
  recordedAt: string;
  /** The first answer after the ask; null while open. */
  answer: DecisionAnswer | null;
}

export interface DecisionContext {
  contractors: readonly Pick<Contractor, "login">[];
  logIssues: readonly LogIssue[];
  /** `repositories` of the config: only asks in watched repositories (or on log issues) count. */
  repositories: readonly string[];
}

const threadOf = (event: Pick<RecordedEvent, "repo" | "number">): string => `${event.repo.toLowerCase()}#${event.number ?? ""}`;

/** The decisions a contractor's comment asks for: each `/decision <text>`, and each item of a "Decisions needed" section of an update. */
function asksIn(event: Extract<RecordedEvent, { kind: "comment" }>, logIssues: readonly LogIssue[]): string[] {
  // Only a text naming /decision can ask with a command; an update's /eod alone needs no parse for it.
  const commands = /\/decision/i.test(event.data.body)
    ? slashCommands(event.data.body)
        .filter((command) => command.name === "decision" && command.argument !== "")
        .map((command) => command.argument)
    : [];
  // Every "Decisions needed" label says decision or question: other updates need no Markdown parse.
  const sections = isEndOfDayUpdate(event, logIssues) && /decision|question/i.test(event.data.body) ? parseUpdate(event.data.body).decisionsNeeded : [];
  return [...commands, ...sections];
}

/** The comment asks for at least one decision: a `/decision`, or an update's "Decisions needed" item. */
export const asksDecision = (event: RecordedEvent, logIssues: readonly LogIssue[]): boolean => event.kind === "comment" && asksIn(event, logIssues).length > 0;

/** How `event` answers a decision asked by `asker` in its thread, or null when it does not. */
function answerOf(event: RecordedEvent, asker: string): Omit<DecisionAnswer, "at" | "recordedAt" | "by" | "url"> | null {
  if (event.kind === "issue" || event.kind === "pull_request") {
    const action = event.data.action;
    return action === "closed" || action === "merged" ? { how: action, text: "" } : null;
  }
  if ((event.kind === "comment" || event.kind === "review" || event.kind === "review_comment") && !sameLogin(event.actor, asker)) {
    const decided = slashCommands(event.data.body).find((command) => command.name === "decided");
    return decided ? { how: "decided", text: decided.argument } : null;
  }
  return null;
}

/**
 * The decisions asked for in `events`, each with its answer: `/decided` by someone other than the asker in
 * the same thread, or that issue or pull request closed, after the ask. `events` must hold the threads'
 * asks and what may answer them (`/decided`, state changes); a `/decided` answers every decision open in its thread.
 */
export function decisionsOf(events: readonly RecordedEvent[], context: DecisionContext): Decision[] {
  const sorted = sortedByTime(events);
  const isContractor = (login: string) => context.contractors.some((contractor) => sameLogin(contractor.login, login));
  const decisions: Decision[] = [];
  const counts = inScope(context.repositories, context.logIssues);
  for (const event of sorted) {
    if (event.kind !== "comment" || event.number === null || !isContractor(event.actor)) continue;
    if (!counts(event)) continue;
    asksIn(event, context.logIssues).forEach((text, index) => {
      const answering = sorted.find((candidate) => threadOf(candidate) === threadOf(event) && byTime(candidate, event) > 0 && answerOf(candidate, event.actor) !== null);
      decisions.push({
        id: `${event.key}#${index}`,
        asker: event.actor,
        repo: event.repo,
        number: event.number!,
        title: event.data.title,
        text,
        url: event.url,
        askedAt: event.occurredAt,
        recordedAt: event.recordedAt,
        answer: answering
          ? { ...answerOf(answering, event.actor)!, by: answering.actor, url: answering.url, at: answering.occurredAt, recordedAt: answering.recordedAt }
          : null,
      });
    });
  }
  return decisions;
}

/** A decision as the digest shows it: with the asker's zone, for "asked" in both zones. */
export type DigestDecision = Decision & { askerTimezone: string };

export interface DigestDecisions {
  /** Asked by the posting instant and not answered by then. */
  open: DigestDecision[];
  /** Answered since the previous digest: listed once, then dropped. */
  answered: DigestDecision[];
}

/**
 * What a digest posted at `at`, whose previous digest was at `since`, shows of the decisions. Arrival
 * decides, as for events: an answer that arrived after `since` is listed once, in this digest.
 */
export function decisionsForDigest(
  decisions: readonly Decision[],
  window: { since: string; at: string },
  contractors: readonly Pick<Contractor, "login" | "timezone">[],
): DigestDecisions {
  const zoneOf = (login: string) => contractors.find((contractor) => sameLogin(contractor.login, login))?.timezone ?? "UTC";
  const known = decisions
    .filter((decision) => millis(decision.recordedAt) <= millis(window.at))
    .map((decision) => ({ ...decision, askerTimezone: zoneOf(decision.asker) }));
  const answeredBy = (decision: Decision, instant: string) => decision.answer !== null && millis(decision.answer.recordedAt) <= millis(instant);
  return {
    open: known.filter((decision) => !answeredBy(decision, window.at)),
    answered: known.filter((decision) => answeredBy(decision, window.at) && !answeredBy(decision, window.since)),
  };
}
