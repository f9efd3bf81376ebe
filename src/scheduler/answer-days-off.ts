import { createHash } from "node:crypto";
import type { DaysOffRequest } from "../domain/days-off-commands.js";
import { daysOffReplyMarker, renderDaysOffReply } from "../domain/render-days-off-reply.js";
import { finishedPostKeys } from "../store/log-issues-store.js";
import { postOnce } from "./post-once.js";
import type { TickContext } from "./tick-context.js";

export interface DaysOffReply {
  login: string;
  comment: string;
  result: "recorded" | "rejected";
}

/** Every days-off reply's post key starts so. */
export const DAYS_OFF_POSTS = "days-off:";

/** Identifies the text of the commands: editing them asks for a new reply. */
const versionOf = (request: DaysOffRequest): string =>
  createHash("sha256").update(request.commands.map((command) => command.line).join("\n")).digest("hex").slice(0, 12);

/** Replies once to each version of each `/handoff` comment on a log issue: what was recorded, or what is wrong. */
export async function answerDaysOff(ctx: TickContext, requests: readonly DaysOffRequest[]): Promise<DaysOffReply[]> {
  if (requests.length === 0) return [];
  const answered = await finishedPostKeys(ctx.db, ctx.installationId, DAYS_OFF_POSTS);
  const replies: DaysOffReply[] = [];
  for (const request of requests) {
    const { comment } = request;
    const version = versionOf(request);
    const key = `${DAYS_OFF_POSTS}${comment.key}:${version}`;
    if (answered.has(key) || comment.number === null) continue;
    const marker = daysOffReplyMarker(comment.key, version);
    try {
      const outcome = await postOnce(ctx, key, {
        find: async () => (await ctx.github.findCommentsByMarker(comment.repo, comment.number!, marker))[0] ?? null,
        create: () => ctx.github.createComment(comment.repo, comment.number!, renderDaysOffReply(request, marker)),
      });
      const rejected = request.commands.some((command) => command.problems.length > 0);
      if (outcome.status === "posted") replies.push({ login: request.login, comment: comment.key, result: rejected ? "rejected" : "recorded" });
    } catch (error) {
      // The days count whether or not the reply went out; the reply is retried at the next tick.
      ctx.log.warn({ installation: ctx.installationId, comment: comment.key, err: error }, `reply to /handoff of ${request.login} failed; retried at the next tick`);
    }
  }
  return replies;
}
