import { PostgresAdapter, sql, type Transaction } from "kysely";
import type { EditedEvent, NewEvent } from "../domain/events.js";
import type { Database, Db } from "./schema.js";
import { chunked } from "./chunked.js";
import { storedLogin } from "./stored-login.js";

export interface RecordedDelivery {
  deliveryId: string;
  installationId: number;
  receivedAt: string;
  insert: readonly NewEvent[];
  replace: readonly EditedEvent[];
  remove: readonly string[];
}

interface Pending {
  delivery: RecordedDelivery;
  resolve(fresh: boolean): void;
  reject(error: unknown): void;
}

interface Queue {
  pending: Pending[];
  flushing: boolean;
}

// Deliveries a transaction holds at most: the inbox's projector hands a few hundred at once, and on PostgreSQL
// each commit waits for the disk (64 a batch left the store 300 ms behind the webhooks at 5,000 a second; 256, 40 to 80).
const MOST_PER_BATCH = 256;
// Keeps each INSERT under SQLite's 32,766 bound-parameter limit (13 columns a row).
const ROWS_PER_INSERT = 500;
const queues = new WeakMap<Db, Queue>();

/** An event's `data` column, and a push's commits in a column of their own (see EventTable.commits). */
function storedData(e: NewEvent): { data: string; commits: string | null } {
  if (e.kind !== "push") return { data: JSON.stringify(e.data), commits: null };
  const { commits, ...summary } = e.data;
  return { data: JSON.stringify(summary), commits: JSON.stringify(commits) };
}

const eventRow = (installationId: number, recordedAt: string, e: NewEvent) => ({
  installation_id: installationId,
  key: e.key,
  kind: e.kind,
  actor: storedLogin(e.actor),
  repo: e.repo,
  number: e.number,
  subject_author: e.subjectAuthor === null ? null : storedLogin(e.subjectAuthor),
  occurred_at: e.occurredAt,
  recorded_at: recordedAt,
  url: e.url,
  ...storedData(e),
});

/**
 * What a deleted comment leaves under its key, whatever the row held before: nothing any read matches (no
 * actor, repository, number or author, a kind of its own). Its creation or an edit delivered later (GitHub
 * redelivers what failed) then meets this row and changes nothing; a creation written at the same moment by
 * another replica waits on the key, then does the same. It ages out with retention from the deletion.
 */
const DELETED = { kind: "deleted", actor: "", repo: "", number: null, subject_author: null, url: null, data: "{}", commits: null, edited_at: null };

type EventRow = ReturnType<typeof eventRow>;

// The PostgreSQL type of each column eventRow writes: a column added there does not compile until it is typed here.
const EVENT_COLUMN_TYPES = {
  installation_id: "bigint",
  key: "text",
  kind: "text",
  actor: "text",
  repo: "text",
  number: "integer",
  subject_author: "text",
  occurred_at: "text",
  recorded_at: "text",
  url: "text",
  data: "text",
  commits: "text",
} as const satisfies Record<keyof EventRow, string>;
const EVENT_COLUMNS = Object.keys(EVENT_COLUMN_TYPES) as (keyof EventRow)[];

/**
 * PostgreSQL: a batch's events as one array a column, unnested into rows. A VALUES list of 256 deliveries' rows
 * binds thousands of parameters, which PostgreSQL parses and plans at every batch (about 60 µs of its CPU a delivery).
 */
async function insertEventsAsArrays(tx: Transaction<Database>, rows: readonly EventRow[]): Promise<void> {
  if (rows.length === 0) return;
  const arrays = EVENT_COLUMNS.map((column) => sql`${rows.map((row) => row[column])}::${sql.raw(EVENT_COLUMN_TYPES[column])}[]`);
  await sql`insert into events (${sql.join(EVENT_COLUMNS.map((column) => sql.ref(column)))})
    select * from unnest(${sql.join(arrays)})
    on conflict (installation_id, key) do nothing`.execute(tx);
}

/**
 * Writes a batch of deliveries: one INSERT of their ids, then one of all the new ones' events, then their
 * edits (each replaces the text only when newer), then one upsert turning the deleted keys into deleted rows:
 * a deletion is final, and the newest edit wins, whatever order deliveries arrive in. Returns, for each,
 * whether it was new: a delivery id recorded before, or earlier in the batch, changes nothing.
 */
async function writeBatch(tx: Transaction<Database>, batch: readonly RecordedDelivery[]): Promise<boolean[]> {
  const inserted = await tx
    .insertInto("deliveries")
    .values(batch.map((d) => ({ delivery_id: d.deliveryId, installation_id: d.installationId, received_at: d.receivedAt })))
    .onConflict((oc) => oc.column("delivery_id").doNothing())
    .returning("delivery_id")
    .execute();
  const unclaimed = new Set(inserted.map((row) => row.delivery_id));
  const fresh = batch.map((d) => unclaimed.delete(d.deliveryId));
  const written = batch.filter((_, i) => fresh[i]);

  const rows = written.flatMap((d) => d.insert.map((e) => eventRow(d.installationId, d.receivedAt, e)));
  if (tx.getExecutor().adapter instanceof PostgresAdapter) await insertEventsAsArrays(tx, rows);
  else {
    for (const part of chunked(rows, ROWS_PER_INSERT)) {
      await tx
        .insertInto("events")
        .values(part)
        .onConflict((oc) => oc.columns(["installation_id", "key"]).doNothing())
        .execute();
    }
  }
  for (const d of written) {
    for (const e of d.replace) {
      const values = { ...eventRow(d.installationId, d.receivedAt, e), edited_at: e.editedAt };
      // An edit replaces the text only: the event keeps its id, so a digest that covered it does not show it again.
      // A tie replaces too: GitHub's times are in seconds, and edits that close usually arrive in order.
      await tx
        .insertInto("events")
        .values(values)
        .onConflict((oc) =>
          oc
            .columns(["installation_id", "key"])
            .doUpdateSet({ data: values.data, edited_at: values.edited_at })
            .where((eb) => eb.and([eb("events.kind", "<>", DELETED.kind), eb.or([eb("events.edited_at", "is", null), eb("events.edited_at", "<=", values.edited_at)])])),
        )
        .execute();
    }
  }
  const deleted = written.flatMap((d) => d.remove.map((key) => ({ installation_id: d.installationId, key, ...DELETED, occurred_at: d.receivedAt, recorded_at: d.receivedAt })));
  for (const part of chunked(deleted, ROWS_PER_INSERT)) {
    await tx
      .insertInto("events")
      .values(part)
      .onConflict((oc) => oc.columns(["installation_id", "key"]).doUpdateSet((eb) => ({ ...DELETED, occurred_at: eb.ref("excluded.occurred_at") })))
      .execute();
  }
  return fresh;
}

async function writeAlone(db: Db, item: Pending): Promise<void> {
  try {
    const [fresh] = await db.transaction().execute((tx) => writeBatch(tx, [item.delivery]));
    item.resolve(fresh!);
  } catch (error) {
    item.reject(error);
  }
}

async function flush(db: Db, queue: Queue): Promise<void> {
  while (queue.pending.length > 0) {
    const batch = queue.pending.splice(0, MOST_PER_BATCH);
    let fresh: boolean[];
    try {
      fresh = await db.transaction().execute((tx) => writeBatch(tx, batch.map((item) => item.delivery)));
    } catch {
      // The batch rolled back: each delivery gets a transaction of its own, so a bad one fails alone.
      for (const item of batch) await writeAlone(db, item);
      continue;
    }
    batch.forEach((item, i) => item.resolve(fresh[i]!));
  }
  queue.flushing = false;
}

/**
 * Records one webhook delivery's effects atomically, in a batch with the deliveries that arrive in the
 * same turn of the event loop: a burst of webhooks costs two INSERTs and one commit (one WAL write and
 * sync) instead of as many each. Resolves once that commit is done; false, changing nothing, when the
 * delivery id was recorded before.
 */
export function recordDelivery(db: Db, delivery: RecordedDelivery): Promise<boolean> {
  let queue = queues.get(db);
  if (!queue) {
    queue = { pending: [], flushing: false };
    queues.set(db, queue);
  }
  const result = new Promise<boolean>((resolve, reject) => queue.pending.push({ delivery, resolve, reject }));
  if (!queue.flushing) {
    queue.flushing = true;
    setImmediate(() => void flush(db, queue));
  }
  return result;
}
