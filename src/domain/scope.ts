import { isOnOwnLogIssue, type LogIssue } from "./end-of-day.js";
import type { DigestEvent } from "./events.js";

/**
 * Whether an event counts: its repository is watched (`repositories` empty: all are), or it is a comment on
 * its author's log issue (the log issues live in digest.repository, which need not be watched). Made once
 * for many events: the watched names are lower-cased here, not for each event.
 */
export function inScope(repositories: readonly string[], logIssues: readonly LogIssue[]): (event: DigestEvent) => boolean {
  const watched = new Set(repositories.map((name) => name.toLowerCase()));
  if (watched.size === 0) return () => true;
  return (event) => watched.has(event.repo.split("/")[1]?.toLowerCase() ?? "") || isOnOwnLogIssue(event, logIssues);
}
