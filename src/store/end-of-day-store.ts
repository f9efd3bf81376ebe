import { PostgresAdapter } from "kysely";
import type { RecordedEvent } from "../domain/events.js";
import { inTimeOrder, isComment, toRecordedEvent } from "./events-store.js";
import type { Db } from "./schema.js";
import { chunked } from "./chunked.js";
import { storedLogin, storedLogins } from "./stored-login.js";

// Keeps each query's bound parameters well under SQLite's limit.
const CHUNK = 200;

/**
 * The operator that matches `data` against an ASCII pattern in any case, as `lower(data) like` would but
 * without copying each row's text: SQLite's LIKE ignores ASCII case by itself; PostgreSQL has ILIKE.
 */
const caseless = (db: Db) => (db.getExecutor().adapter instanceof PostgresAdapter ? "ilike" : "like");

/** Events by `login` that occurred in [from, to): one contractor's working day. */
export async function eventsByActor(db: Db, q: { installationId: number; login: string; from: string; to: string }): Promise<RecordedEvent[]> {
  const rows = await db
    .selectFrom("events")
    .selectAll()
    .where("installation_id", "=", q.installationId)
    .where("actor", "=", storedLogin(q.login))
    .where("occurred_at", ">=", q.from)
    .where("occurred_at", "<", q.to)
    .orderBy("occurred_at")
    .orderBy("id")
    .execute();
  return rows.map(toRecordedEvent);
}

/**
 * Comments by `logins` on an issue numbered one of `numbers` (any repository: the caller matches the
 * repository), or whose text holds one of `needles`; with `containing`, only those whose text holds it;
 * with `from` and `to`, only those that occurred in [from, to]. Texts compare in any case.
 */
export async function commentsOnOrMentioning(
  db: Db,
  q: { installationId: number; logins: readonly string[]; numbers: readonly number[]; needles: readonly string[]; containing?: string; from?: string; to?: string },
): Promise<RecordedEvent[]> {
  if (q.logins.length === 0 || q.numbers.length + q.needles.length === 0) return [];
  let query = db
    .selectFrom("events")
    .selectAll()
    .where("installation_id", "=", q.installationId)
    .where(isComment)
    .where("actor", "in", storedLogins(q.logins))
    .where((eb) =>
      eb.or([
        ...(q.numbers.length > 0 ? [eb("number", "in", [...q.numbers])] : []),
        ...q.needles.map((needle) => eb("data", caseless(db), `%${needle}%`)),
      ]),
    );
  if (q.containing !== undefined) query = query.where("data", caseless(db), `%${q.containing}%`);
  if (q.from !== undefined) query = query.where("occurred_at", ">=", q.from);
  if (q.to !== undefined) query = query.where("occurred_at", "<=", q.to);
  // Sorted here: an ORDER BY would have SQLite walk every event of the installation by time, not the comments.
  const rows = await query.execute();
  return rows.map(toRecordedEvent).sort(inTimeOrder);
}

/**
 * The events on the given issues and pull requests that may answer a decision: their state changes, and
 * comments and reviews whose text holds `/decided` (in any case). A busy pull request's other talk is not read.
 */
export async function threadAnswers(db: Db, q: { installationId: number; threads: readonly { repo: string; number: number }[] }): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (const part of chunked(q.threads, CHUNK)) {
    const rows = await db
      .selectFrom("events")
      .selectAll()
      .where("installation_id", "=", q.installationId)
      .where((eb) => eb.or(part.map((thread) => eb.and([eb("number", "=", thread.number), eb("repo", "=", thread.repo)]))))
      .where((eb) => eb.or([eb("kind", "in", ["issue", "pull_request"]), eb("data", caseless(db), "%/decided%")]))
      .execute();
    events.push(...rows.map(toRecordedEvent));
  }
  return events;
}

/** State changes (opened, closed) recorded on issues numbered one of `numbers`, in any repository. */
export async function issueStateEvents(db: Db, q: { installationId: number; numbers: readonly number[] }): Promise<RecordedEvent[]> {
  if (q.numbers.length === 0) return [];
  const rows = await db
    .selectFrom("events")
    .selectAll()
    .where("installation_id", "=", q.installationId)
    .where("kind", "=", "issue")
    .where("number", "in", [...q.numbers])
    .execute();
  return rows.map(toRecordedEvent);
}
