import { commitUrl, type PushEvent } from "./events.js";

export interface CommitEntry {
  /** 7-character short SHA. */
  sha: string;
  message: string;
  url: string | null;
  at: string;
}

/** A repository branch's pushed commits: how many, and the first few, which is all anything shows. */
export interface CommitGroup {
  repo: string;
  branch: string;
  count: number;
  /** The first `keep` (see addPush), in time order. */
  commits: CommitEntry[];
}

/** Adds a push (pushes come in time order) to its repository and branch's group, keeping the first `keep` commits. */
export function addPush(groups: CommitGroup[], push: Omit<PushEvent, "key">, keep: number): void {
  let group = groups.find((candidate) => candidate.repo === push.repo && candidate.branch === push.data.branch);
  if (group === undefined) {
    group = { repo: push.repo, branch: push.data.branch, count: 0, commits: [] };
    groups.push(group);
  }
  group.count += push.data.count;
  for (const commit of push.data.commits.slice(0, keep - group.commits.length)) {
    group.commits.push({ sha: commit.sha.slice(0, 7), message: commit.message, url: commitUrl(push, commit.sha), at: push.occurredAt });
  }
}

/** Commits in the groups. */
export const commitCount = (groups: readonly CommitGroup[]): number => groups.reduce((n, group) => n + group.count, 0);
