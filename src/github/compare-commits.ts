import type { ProbotOctokit } from "probot";
import type { NewEvent } from "../domain/events.js";
import type { WebhookEffects } from "./events-from-webhook.js";
import { type AuthoredCommit, pushEvents } from "./push-events.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

/** Every commit of `before...after`, page by page (the compare API returns at most 100 a page). */
export type CompareCommits = (repo: string, before: string, after: string) => Promise<AuthoredCommit[]>;

const PER_PAGE = 100;

/** Authenticates only when a push was cut, which is rare. */
export function octokitCompare(auth: () => Promise<Octokit>): CompareCommits {
  return async (repo, before, after) => {
    const octokit = await auth();
    const [owner, name] = repo.split("/") as [string, string];
    const commits: AuthoredCommit[] = [];
    for (let page = 1; ; page++) {
      const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner, repo: name, basehead: `${before}...${after}`, per_page: PER_PAGE, page });
      commits.push(...data.commits.map((c) => ({ sha: c.sha, message: c.commit.message, author: c.author?.login ?? null })));
      if (data.commits.length < PER_PAGE || commits.length >= data.total_commits) return commits;
    }
  };
}

/**
 * Adds the commits a push left out (its `commits` list stops at GitHub's 2048) from the compare API.
 * They count at the push's time, like the others. Commits beyond the cap carry no `distinct` flag, so
 * one that another branch already had counts again; the payload's own non-distinct ones stay out.
 */
export async function completeTruncatedPush(effects: WebhookEffects, compare: CompareCommits): Promise<NewEvent[]> {
  const push = effects.truncatedPush;
  if (!push) return effects.insert;
  const inPayload = new Set(push.inPayload);
  const counted = effects.insert.flatMap((e) => (e.kind === "push" ? e.data.commits.map((c) => ({ ...c, author: e.actor })) : []));
  const missing = (await compare(push.repo, push.before, push.after)).filter((c) => !inPayload.has(c.sha));
  return pushEvents(push, [...counted, ...missing]);
}
