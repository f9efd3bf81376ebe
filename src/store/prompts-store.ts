import type { PostedPrompt, PromptAnswer } from "../domain/prompt-answers.js";
import type { Db } from "./schema.js";

/** Every review prompt's post key starts so. */
export const PROMPT_POSTS = "prompt:";

/** The post key of a review prompt: one per pull request per digest. */
export const promptKey = (repo: string, number: number, teamDate: string): string => `${PROMPT_POSTS}${repo}#${number}:${teamDate}`;

/** What a prompt's post row keeps in `detail`, besides the comment's id and url. */
export interface PromptDetail {
  repo: string;
  number: number;
  title: string;
  pullRequestUrl: string | null;
  teamDate: string;
  contractor: string;
  postedAt: string;
  answer?: PromptAnswer | null;
  closedAt?: string | null;
}

function promptOf(key: string, detail: PromptDetail & { url?: string }): PostedPrompt {
  return {
    key,
    repo: detail.repo,
    number: detail.number,
    title: detail.title,
    url: detail.pullRequestUrl,
    teamDate: detail.teamDate,
    contractor: detail.contractor,
    postedAt: detail.postedAt,
    promptUrl: detail.url ?? null,
    answer: detail.answer ?? null,
    closedAt: detail.closedAt ?? null,
  };
}

/** Every review prompt posted in the installation. */
export async function postedPrompts(db: Db, installationId: number): Promise<PostedPrompt[]> {
  const rows = await db
    .selectFrom("posts")
    .select(["key", "detail"])
    .where("installation_id", "=", installationId)
    .where("key", "like", `${PROMPT_POSTS}%`)
    .where("state", "=", "posted")
    .execute();
  return rows.map((row) => promptOf(row.key, JSON.parse(row.detail) as PromptDetail));
}

/** Records who answered a prompt and when, or when its pull request closed, once known. */
export async function recordPromptOutcome(db: Db, installationId: number, prompt: PostedPrompt): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom("posts")
      .select("detail")
      .where("installation_id", "=", installationId)
      .where("key", "=", prompt.key)
      .executeTakeFirst();
    if (!row) return;
    const detail = { ...(JSON.parse(row.detail) as Record<string, unknown>), answer: prompt.answer, closedAt: prompt.closedAt };
    await tx.updateTable("posts").set({ detail: JSON.stringify(detail) }).where("installation_id", "=", installationId).where("key", "=", prompt.key).execute();
  });
}
