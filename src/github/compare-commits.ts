import type { ProbotOctokit } from "probot";
import type { NewEvent } from "../domain/events.js";
import type { WebhookEffects } from "./events-from-webhook.js";
import { type AuthoredCommit, pushEvents } from "./push-events.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/**
 * Every commit of `base...after`, page by page (the compare API returns at most 100 a page); null when GitHub
 * cannot compare the two (404 or 422: an end it no longer has, or no common history).
 */
export type CompareCommits = (repo: string, base: string, after: string) => Promise<AuthoredCommit[] | null>;

const PER_PAGE = 100;

/** Authenticates only when a push was cut, which is rare. */
export function octokitCompare(auth: () => Promise<Octokit>): CompareCommits {
  return async (repo, base, after) => {
    const octokit = await auth();
    const [owner, name] = repo.split("/") as [string, string];
    const commits: AuthoredCommit[] = [];
    try {
      for (let page = 1; ; page++) {
        const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner, repo: name, basehead: `${base}...${after}`, per_page: PER_PAGE, page });
        commits.push(...data.commits.map((c) => ({ sha: c.sha, message: c.commit.message, author: c.author?.login ?? null })));
        if (data.commits.length < PER_PAGE || commits.length >= data.total_commits) return commits;
      }
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      if (status === 404 || status === 422) return null;
      throw error;
    }
  };
}

/**
 * Adds the commits a push left out (its `commits` list stops at GitHub's 2048) from the compare API.
 * They count at the push's time, like the others. Commits beyond the cap carry no `distinct` flag, so
 * one that another branch already had counts again; the payload's own non-distinct ones stay out.
 * `complete` is false when there was nothing GitHub could compare with: the payload's commits are kept alone,
 * since redelivering the webhook would fail the same way and lose them too.
 */
export async function completeTruncatedPush(effects: WebhookEffects, compare: CompareCommits): Promise<{ insert: NewEvent[]; complete: boolean }> {
  const push = effects.truncatedPush;
  if (!push) return { insert: effects.insert, complete: true };
  const compared = push.base === null ? null : await compare(push.repo, push.base, push.after);
  if (compared === null) return { insert: effects.insert, complete: false };
  const inPayload = new Set(push.inPayload);
  const counted = effects.insert.flatMap((e) => (e.kind === "push" ? e.data.commits.map((c) => ({ ...c, author: e.actor })) : []));
  return { insert: pushEvents(push, [...counted, ...compared.filter((c) => !inPayload.has(c.sha))]), complete: true };
}
