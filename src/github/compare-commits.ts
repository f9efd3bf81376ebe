import type { ProbotOctokit } from "probot";
import type { CommitEvent, NewEvent } from "../domain/events.js";
import type { WebhookEffects } from "./events-from-webhook.js";

type Octokit = InstanceType<typeof ProbotOctokit>;

export interface ComparedCommit {
  sha: string;
  message: string;
  /** GitHub login of the commit's author, when GitHub matched one. */
  author: string | null;
  url: string;
}

/** Every commit of `before...after`, page by page (the compare API returns at most 100 a page). */
export type CompareCommits = (repo: string, before: string, after: string) => Promise<ComparedCommit[]>;

const PER_PAGE = 100;

/** Authenticates only when a push was cut, which is rare. */
export function octokitCompare(auth: () => Promise<Octokit>): CompareCommits {
  return async (repo, before, after) => {
    const octokit = await auth();
    const [owner, name] = repo.split("/") as [string, string];
    const commits: ComparedCommit[] = [];
    for (let page = 1; ; page++) {
      const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner, repo: name, basehead: `${before}...${after}`, per_page: PER_PAGE, page });
      commits.push(...data.commits.map((c) => ({ sha: c.sha, message: c.commit.message, author: c.author?.login ?? null, url: c.html_url })));
      if (data.commits.length < PER_PAGE || commits.length >= data.total_commits) return commits;
    }
  };
}

/**
 * Adds the commits a push left out (its `commits` list stops at GitHub's 2048) from the compare API.
 * They count at the push's time, like the others; commits already in the payload are deduplicated by key.
 */
export async function completeTruncatedPush(effects: WebhookEffects, compare: CompareCommits, receivedAt: string): Promise<NewEvent[]> {
  const push = effects.truncatedPush;
  if (!push) return effects.insert;
  const at = effects.insert[0]?.occurredAt ?? receivedAt;
  const known = new Set(effects.insert.map((e) => e.key));
  const missing: CommitEvent[] = (await compare(push.repo, push.before, push.after))
    .filter((c) => !known.has(`commit:${c.sha}`))
    .map((c) => ({
      key: `commit:${c.sha}`,
      kind: "commit",
      actor: c.author ?? push.pusher,
      repo: push.repo,
      number: null,
      subjectAuthor: null,
      occurredAt: at,
      url: c.url,
      data: { sha: c.sha, message: c.message.split(/\r?\n/)[0] ?? "", branch: push.branch, pusher: push.pusher },
    }));
  return [...effects.insert, ...missing];
}
