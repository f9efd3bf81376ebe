import { isOnOwnLogIssue, type LogIssue } from "./end-of-day.js";
import type { DigestEvent } from "./events.js";

/**
 * An event counts when its repository is watched (`repositories` empty: all are), or when it is a comment
 * on its author's log issue: the log issues live in digest.repository, which need not be watched.
 */
export function isInScope(event: DigestEvent, repositories: readonly string[], logIssues: readonly LogIssue[]): boolean {
  const watched = repositories.map((name) => name.toLowerCase());
  return watched.length === 0 || watched.includes(event.repo.split("/")[1]?.toLowerCase() ?? "") || isOnOwnLogIssue(event, logIssues);
}
