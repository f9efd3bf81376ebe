import { isWaiting, resolvePrompts, type PostedPrompt } from "../domain/prompt-answers.js";
import { postedPrompts, recordPromptOutcome } from "../store/prompts-store.js";
import { conversationEvents } from "../store/pull-request-events-store.js";
import type { TickContext } from "./tick-context.js";

/**
 * Every review prompt of the installation with its answer and closing as the events recorded up to `at`
 * show them. An answer or closing seen for the first time is recorded on the prompt's post.
 */
export async function promptsAsOf(ctx: TickContext, at: string): Promise<PostedPrompt[]> {
  const prompts = await postedPrompts(ctx.db, ctx.installationId);
  const open = prompts.filter(isWaiting);
  if (open.length === 0) return prompts;
  const after = open.map((prompt) => prompt.postedAt).sort()[0]!;
  const events = await conversationEvents(ctx.db, { installationId: ctx.installationId, after, upTo: at, repos: open.map((prompt) => prompt.repo) });
  const resolved = resolvePrompts(prompts, events);
  for (const [index, prompt] of resolved.entries()) {
    if (isWaiting(prompts[index]!) && !isWaiting(prompt)) await recordPromptOutcome(ctx.db, ctx.installationId, prompt);
  }
  return resolved;
}
