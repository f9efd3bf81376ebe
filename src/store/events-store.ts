import { PostgresAdapter, type Selectable, sql } from "kysely";
import type { GroupedPush } from "../domain/commit-groups.js";
import type { DigestEvent, PushedCommit, RecordedEvent } from "../domain/events.js";
import type { Db, EventTable } from "./schema.js";
import { chunked } from "./chunked.js";
import { storedLogins } from "./stored-login.js";

const SPAN = 10_000;
// Keeps each IN list well under SQLite's bound-parameter limit.
const IDS_PER_READ = 500;

type EventRow = Omit<Selectable<EventTable>, "commits"> & { commits?: string | null };
/** The digest's read of a row: its columns under the event's names (see intoDigestEvent). */
type DigestReadRow = Pick<EventRow, "id" | "kind" | "actor" | "repo" | "number" | "url" | "data"> & { subjectAuthor: string | null; occurredAt: string };

/** The `data` column parsed; a push's commits are all of them when the read took their column, else none (PushData.commits). */
function dataOf(r: Pick<EventRow, "kind" | "data" | "commits">): object {
  const data = JSON.parse(r.data);
  if (r.kind === "push") data.commits = typeof r.commits === "string" ? JSON.parse(r.commits) : [];
  return data;
}

/**
 * The digest's row made its event in place, `one` handing back a kept copy of each repeated text (see
 * eventsInIdRange): a second object a row would double what the garbage collector copies of a week's events
 * while they are read (the tick 35 to 55 ms faster on PostgreSQL, 20 on SQLite).
 */
function intoDigestEvent(row: DigestReadRow, one: (text: string) => string): DigestEvent {
  const event = row as unknown as Record<keyof DigestReadRow, unknown>;
  event.data = dataOf(row);
  event.kind = one(row.kind);
  event.actor = one(row.actor);
  event.repo = one(row.repo);
  if (row.subjectAuthor !== null) event.subjectAuthor = one(row.subjectAuthor);
  return event as unknown as DigestEvent;
}

/** A row of the other reads, all its columns, as an event with its key and recording time. */
export const toRecordedEvent = (r: EventRow): RecordedEvent =>
  ({
    id: r.id,
    key: r.key,
    kind: r.kind,
    actor: r.actor,
    repo: r.repo,
    number: r.number,
    subjectAuthor: r.subject_author,
    occurredAt: r.occurred_at,
    recordedAt: r.recorded_at,
    url: r.url,
    data: dataOf(r),
  }) as RecordedEvent;

/**
 * Events with an id in (after, upTo], by or about `logins`: what a digest covers. Pushes come with their
 * count but without their commits, most of the bytes of a busy week: readPushCommits reads those shown.
 */
export async function eventsInIdRange(
  db: Db,
  q: { installationId: number; after: number; upTo: number; logins: readonly string[] },
): Promise<DigestEvent[]> {
  if (q.logins.length === 0) return [];
  const logins = new Set(storedLogins(q.logins));
  const events: DigestEvent[] = [];
  // Logins, repositories and kinds repeat across the rows, each read as a string of its own: one of each is
  // kept, so the digest's passes compare and hash a few dozen strings instead of tens of thousands.
  const strings = new Map<string, string>();
  const one = (text: string): string => strings.get(text) ?? (strings.set(text, text), text);
  // Read in spans of ids, so that a week's worth of rows never sits in memory twice (raw and mapped); a
  // span, unlike LIMIT after ORDER BY, never makes PostgreSQL scan and sort the whole range for each page.
  for (let from = q.after; from < q.upTo; from += SPAN) {
    const rows = await db
      .selectFrom("events")
      .select(["id", "kind", "actor", "repo", "number", "subject_author as subjectAuthor", "occurred_at as occurredAt", "url", "data"])
      // Unary + keeps SQLite from walking an installation_id index instead of the id range.
      .where(sql<number>`+${sql.ref("installation_id")}`, "=", q.installationId)
      .where("id", ">", from)
      .where("id", "<=", Math.min(from + SPAN, q.upTo))
      .execute();
    // Logins are matched here, one set lookup a row, rather than by two IN lists in the query.
    for (const row of rows) {
      if (logins.has(row.actor) || (row.subjectAuthor !== null && logins.has(row.subjectAuthor))) events.push(intoDigestEvent(row, one));
    }
  }
  // Ids follow arrival, about in time order, which sorts fast.
  return events.sort(inTimeOrder);
}

/**
 * Reads the commits of `pushes` (eventsInIdRange leaves them out) into each push's `data.commits`, in
 * place: the commit groups that will show them hold these very pushes (commit-groups.ts).
 */
export async function readPushCommits(db: Db, pushes: readonly GroupedPush[]): Promise<void> {
  const byId = new Map<number, GroupedPush[]>();
  for (const push of pushes) byId.set(push.id, [...(byId.get(push.id) ?? []), push]);
  for (const part of chunked([...byId.keys()], IDS_PER_READ)) {
    const rows = await db.selectFrom("events").select(["id", "commits"]).where("id", "in", part).execute();
    for (const row of rows) {
      const commits = row.commits === null ? [] : (JSON.parse(row.commits) as PushedCommit[]);
      for (const push of byId.get(row.id)!) push.data.commits = commits;
    }
  }
}

/** `kind = 'comment'` written as a literal: only then may SQLite use the partial index of comments (events_comments). */
export const isComment = sql<boolean>`kind = 'comment'`;

/** Time order, ties in recording order; stored instants are all UTC "…Z" text, which compares as time. */
export const inTimeOrder = (a: DigestEvent, b: DigestEvent): number =>
  a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id - b.id;

type OccurredBetween = { installationId: number; logins: readonly string[]; from: string; to: string };

/** An installation's events that occurred in [from, to], shown in a digest or not. */
const occurredBetween = (db: Db, q: OccurredBetween) =>
  db.selectFrom("events").selectAll().where("installation_id", "=", q.installationId).where("occurred_at", ">=", q.from).where("occurred_at", "<=", q.to);

/** Comments by `logins` that occurred in [from, to], shown or not: the candidates for end-of-day updates. */
export async function commentsBy(db: Db, q: OccurredBetween): Promise<RecordedEvent[]> {
  if (q.logins.length === 0) return [];
  // Sorted here: an ORDER BY would have SQLite walk every event of the window by time, not the logins' comments.
  const rows = await occurredBetween(db, q).where(isComment).where("actor", "in", storedLogins(q.logins)).execute();
  return rows.map(toRecordedEvent).sort(inTimeOrder);
}

/** Events by or about `logins` that occurred in [from, to], shown or not, in time order. */
export async function eventsOccurredBetween(db: Db, q: OccurredBetween): Promise<RecordedEvent[]> {
  if (q.logins.length === 0) return [];
  const logins = storedLogins(q.logins);
  const rows = await occurredBetween(db, q)
    .where((eb) => eb.or([eb("actor", "in", logins), eb("subject_author", "in", logins)]))
    .execute();
  return rows.map(toRecordedEvent).sort(inTimeOrder);
}

/**
 * The highest id of an installation's events recorded up to `at`, such that no lower id can still
 * appear: a digest covering up to it misses nothing. On PostgreSQL ids come from a sequence before their
 * transaction commits, so the read waits for inserts in flight (and holds new ones for that moment).
 */
export async function latestEventId(db: Db, installationId: number, at = "9999"): Promise<number> {
  // Without `at`, the latest of any time ("9999" sorts after every stored instant).
  return db.transaction().execute(async (tx) => {
    if (tx.getExecutor().adapter instanceof PostgresAdapter) await sql`lock table events in share mode`.execute(tx);
    // Newest first by id: it reads back over other installations' newer rows to this one's newest, a few
    // rows for a busy installation, more for a quiet one sharing the store with busy ones.
    const r = await tx
      .selectFrom("events")
      .select("id")
      .where(sql<number>`+${sql.ref("installation_id")}`, "=", installationId)
      .where("recorded_at", "<=", at)
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
    return r?.id ?? 0;
  });
}

/**
 * The latest state of a pull request still open: kept past retention, since pushes to its head branch are
 * matched to it through this event (review prompts), however long it has been open. `data` is our own
 * JSON, so `"action":"closed"` there is the action: a title holding that text is stored escaped.
 */
const openPullRequestState = sql<boolean>`kind = 'pull_request'
  and data not like '%"action":"closed"%' and data not like '%"action":"merged"%'
  and not exists (select 1 from events newer where newer.installation_id = events.installation_id and newer.kind = 'pull_request'
    and newer.repo = events.repo and newer.number = events.number
    and (newer.occurred_at > events.occurred_at or (newer.occurred_at = events.occurred_at and newer.id > events.id)))`;

/**
 * Deletes an installation's events that occurred before `before` (but an open pull request's latest state),
 * and its deliveries received before it.
 */
export async function pruneEvents(db: Db, installationId: number, before: string): Promise<number> {
  const r = await db
    .deleteFrom("events")
    .where("installation_id", "=", installationId)
    .where("occurred_at", "<", before)
    .where(sql<boolean>`not (${openPullRequestState})`)
    .executeTakeFirst();
  await db.deleteFrom("deliveries").where("installation_id", "=", installationId).where("received_at", "<", before).execute();
  return Number(r.numDeletedRows);
}
