import type { HandoffConfig } from "../config/schema.js";
import { renderReviewPrompt, reviewPromptMarker } from "../domain/render-review-prompt.js";
import type { ReviewPrompt } from "../domain/review-prompts.js";
import { promptKey, type PromptDetail } from "../store/prompts-store.js";
import { postEachOnce } from "./post-once.js";
import type { TickContext } from "./tick-context.js";

/** Posts each prompt once as a comment on its pull request: one GitHub call per prompt (a retry first looks for its marker). */
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
  );
  return outcomes.filter((outcome) => outcome.status === "posted").length;
}
