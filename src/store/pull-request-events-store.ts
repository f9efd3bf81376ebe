import { sql } from "kysely";
import type { RecordedEvent } from "../domain/events.js";
import { inTimeOrder, toRecordedEvent } from "./events-store.js";
import type { Db } from "./schema.js";

/** Every recorded pull_request event in `repos`: the states and head branches of their pull requests. */
export async function pullRequestEvents(db: Db, installationId: number, repos: readonly string[]): Promise<RecordedEvent[]> {
  if (repos.length === 0) return [];
  const rows = await db
    .selectFrom("events")
    .selectAll()
    .where("installation_id", "=", installationId)
    // A literal, not a bound parameter: only then may SQLite use the partial index of pull_request events.
    .where(sql<boolean>`kind = 'pull_request'`)
    .where("repo", "in", [...new Set(repos)])
    .execute();
  // Sorted here: an ORDER BY would have SQLite walk every event by time instead.
  return rows.map(toRecordedEvent).sort(inTimeOrder);
}

/** Reviews, comments and pull_request events that occurred in (`after`, `upTo`]; `repos` narrows when given. */
export async function conversationEvents(
  db: Db,
  q: { installationId: number; after: string; upTo: string; repos?: readonly string[] },
): Promise<RecordedEvent[]> {
  if (q.repos?.length === 0) return [];
  let query = db
    .selectFrom("events")
    .selectAll()
    .where("installation_id", "=", q.installationId)
    .where("kind", "in", ["review", "review_comment", "comment", "pull_request"])
    .where("occurred_at", ">", q.after)
    .where("occurred_at", "<=", q.upTo);
  if (q.repos) query = query.where("repo", "in", [...new Set(q.repos)]);
  const rows = await query.orderBy("occurred_at").orderBy("id").execute();
  return rows.map(toRecordedEvent);
}
