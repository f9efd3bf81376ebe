import type { PushEvent } from "../domain/events.js";

/** Where and when a push landed: what its events share. */
export interface Push {
  /** "owner/name" */
  repo: string;
  branch: string;
  /** Login of who pushed. */
  pusher: string;
  /** The SHA the branch moved to: names the push. */
  after: string;
  /** The push's time (`repository.pushed_at`). */
  at: string;
  /** The repository's page. */
  url: string;
}

export interface AuthoredCommit {
  sha: string;
  /** The whole message: only its first line is kept. */
  message: string;
  /** Author's login; null when GitHub matched none, and the commit then counts for the pusher. */
  author: string | null;
}

const firstLine = (message: string): string => message.split(/\r?\n/, 1)[0] ?? "";

/**
 * A push's commits as one event per author, in the order of each author's first commit: a push of many
 * commits is stored as one row instead of one a commit. The key names the push, so a redelivery adds nothing.
 */
export function pushEvents(push: Push, commits: readonly AuthoredCommit[]): PushEvent[] {
  const byActor = new Map<string, PushEvent>();
  for (const commit of commits) {
    const actor = commit.author || push.pusher;
    let event = byActor.get(actor);
    if (event === undefined) {
      event = {
        key: `push:${push.repo}:${push.branch}:${push.after}:${actor.toLowerCase()}`,
        kind: "push",
        actor,
        repo: push.repo,
        number: null,
        subjectAuthor: null,
        occurredAt: push.at,
        url: push.url,
        data: { branch: push.branch, pusher: push.pusher, count: 0, commits: [] },
      };
      byActor.set(actor, event);
    }
    event.data.commits.push({ sha: commit.sha, message: firstLine(commit.message) });
    event.data.count++;
  }
  return [...byActor.values()];
}
