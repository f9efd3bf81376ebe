import { commitUrl, type PushEvent } from "./events.js";

/** A push as a commit group keeps it: its commits are read by id once the groups know which pushes they show. */
export type GroupedPush = Pick<PushEvent, "repo" | "url" | "data"> & { id: number };

export interface CommitEntry {
  /** 7-character short SHA. */
  sha: string;
  message: string;
  url: string | null;
}

/** A repository branch's pushed commits: how many, and the pushes holding the first few, which is all anything shows. */
export interface CommitGroup {
  repo: string;
  branch: string;
  count: number;
  /** In time order, the pushes holding the first `keep` commits (see addPush); shownCommits lists them. */
  pushes: GroupedPush[];
}

/**
 * Adds a push (pushes come in time order) to its repository and branch's group. The group keeps the push
 * while it holds fewer than `keep` commits, so that only the kept pushes' commits need reading.
 */
export function addPush(groups: CommitGroup[], push: GroupedPush, keep: number): void {
  let group = groups.find((candidate) => candidate.repo === push.repo && candidate.branch === push.data.branch);
  if (group === undefined) {
    group = { repo: push.repo, branch: push.data.branch, count: 0, pushes: [] };
    groups.push(group);
  }
  if (group.count < keep) group.pushes.push(push);
  group.count += push.data.count;
}

/** The group's first `limit` commits, from its kept pushes (whose commits must have been read). */
export function shownCommits(group: CommitGroup, limit: number): CommitEntry[] {
  const shown: CommitEntry[] = [];
  for (const push of group.pushes) {
    for (const commit of push.data.commits) {
      if (shown.length === limit) return shown;
      shown.push({ sha: commit.sha.slice(0, 7), message: commit.message, url: commitUrl(push, commit.sha) });
    }
  }
  return shown;
}

/** The pushes whose commits the groups show. */
export const keptPushes = (groups: readonly CommitGroup[]): GroupedPush[] => groups.flatMap((group) => group.pushes);

/** Commits in the groups. */
export const commitCount = (groups: readonly CommitGroup[]): number => groups.reduce((n, group) => n + group.count, 0);
