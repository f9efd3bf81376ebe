import type { HandoffConfig } from "../config/schema.js";
import { asksDecision, decisionsOf, type Decision } from "../domain/decisions.js";
import type { LogIssue } from "../domain/end-of-day.js";
import { commentsOnOrMentioning, threadAnswers } from "../store/end-of-day-store.js";
import type { TickContext } from "./tick-context.js";

/**
 * Every decision asked for in the recorded events, with its answer: the contractors' comments that may ask
 * (`/decision`, updates on log issues or with `/eod`), then what may answer them in the threads where one asks.
 */
export async function loadDecisions(ctx: TickContext, config: HandoffConfig, logIssues: readonly LogIssue[]): Promise<Decision[]> {
  const candidates = await commentsOnOrMentioning(ctx.db, {
    installationId: ctx.installationId,
    logins: config.contractors.map((contractor) => contractor.login),
    numbers: [...new Set(logIssues.map((issue) => issue.number))],
    needles: ["/decision", "/eod"],
  });
  const asks = candidates.filter((comment) => asksDecision(comment, logIssues));
  const threads = new Map(asks.map((comment) => [`${comment.repo}#${comment.number}`, { repo: comment.repo, number: comment.number! }]));
  const answers = await threadAnswers(ctx.db, { installationId: ctx.installationId, threads: [...threads.values()] });
  // A comment may both ask and answer (`/decided` on another's decision): it is read twice, and kept once.
  const asked = new Set(asks.map((comment) => comment.id));
  const events = [...asks, ...answers.filter((answer) => !asked.has(answer.id))];
  return decisionsOf(events, { contractors: config.contractors, logIssues, repositories: config.repositories });
}
