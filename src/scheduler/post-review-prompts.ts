import type { HandoffConfig } from "../config/schema.js";
import { renderReviewPrompt, reviewPromptMarker } from "../domain/render-review-prompt.js";
import type { ReviewPrompt } from "../domain/review-prompts.js";
import { promptKey, type PromptDetail } from "../store/prompts-store.js";
import { describeFailure } from "./describe-failure.js";
import { postEachOnce } from "./post-once.js";
import type { TickContext } from "./tick-context.js";

// A pull request GitHub no longer has for us (deleted, transferred, access withdrawn: 404/410) or that takes no
// comment (422) will refuse the prompt at every retry: it is given up and logged, not retried.
const isGone = (error: unknown): boolean => [404, 410, 422].includes((error as { status?: number }).status ?? 0);

/**
 * Posts each prompt once as a comment on its pull request: one GitHub call per prompt (a retry first looks for
 * its marker). A prompt whose pull request is gone is given up, so the others still go out.
 */
export async function postReviewPrompts(ctx: TickContext, config: HandoffConfig, prompts: readonly ReviewPrompt[]): Promise<number> {
  const outcomes = await postEachOnce(
    ctx,
    prompts.map((prompt) => {
      const detail: PromptDetail = {
        repo: prompt.repo,
        number: prompt.number,
        title: prompt.title,
        pullRequestUrl: prompt.url,
        teamDate: prompt.teamDate,
        contractor: prompt.contractor,
        postedAt: ctx.now,
      };
      return {
        key: promptKey(prompt.repo, prompt.number, prompt.teamDate),
        find: async () => {
          const [found] = await ctx.github.findCommentsByMarker(prompt.repo, prompt.number, reviewPromptMarker(prompt.teamDate));
          return found ? { ...found, ...detail } : null;
        },
        create: async () => ({ ...(await ctx.github.createComment(prompt.repo, prompt.number, renderReviewPrompt(prompt, { teamZone: config.team.timezone }))), ...detail }),
      };
    }),
    isGone,
  );
  outcomes.forEach((outcome, i) => {
    if (outcome.status !== "given up") return;
    const { repo, number } = prompts[i]!;
    ctx.log.warn({ installation: ctx.installationId, repo, number }, `gave up the review prompt on ${repo}#${number}: ${describeFailure(outcome.error).message}`);
  });
  return outcomes.filter((outcome) => outcome.status === "posted").length;
}
