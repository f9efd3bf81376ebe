import type { Transaction } from "kysely";
import type { Database, Db } from "./schema.js";

type Write<T> = (tx: Transaction<Database>) => Promise<T>;

interface Pending {
  write: Write<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Queue {
  pending: Pending[];
  flushing: boolean;
}

// Bounds how long the first write of a batch waits for the last one.
const MOST_PER_BATCH = 64;
const queues = new WeakMap<Db, Queue>();

async function runAlone(db: Db, item: Pending): Promise<void> {
  try {
    item.resolve(await db.transaction().execute(item.write));
  } catch (error) {
    item.reject(error);
  }
}

async function flush(db: Db, queue: Queue): Promise<void> {
  while (queue.pending.length > 0) {
    const batch = queue.pending.splice(0, MOST_PER_BATCH);
    if (batch.length === 1) {
      await runAlone(db, batch[0]!);
      continue;
    }
    let results: unknown[];
    try {
      results = await db.transaction().execute(async (tx) => {
        const out: unknown[] = [];
        for (const item of batch) out.push(await item.write(tx));
        return out;
      });
    } catch {
      // The shared transaction rolled back: each write gets one of its own, so a bad one fails alone.
      for (const item of batch) await runAlone(db, item);
      continue;
    }
    batch.forEach((item, i) => item.resolve(results[i]));
  }
  queue.flushing = false;
}

/**
 * Runs `write` in a transaction shared with the writes queued in the same turn of the event loop, in
 * the order they came: a burst of webhooks costs one commit (one WAL write and sync) instead of one
 * each. Resolves once that transaction has committed, so the caller may then acknowledge.
 */
export function inSharedTransaction<T>(db: Db, write: Write<T>): Promise<T> {
  let queue = queues.get(db);
  if (!queue) {
    queue = { pending: [], flushing: false };
    queues.set(db, queue);
  }
  const result = new Promise<T>((resolve, reject) => queue.pending.push({ write, resolve: resolve as (value: unknown) => void, reject }));
  if (!queue.flushing) {
    queue.flushing = true;
    setImmediate(() => void flush(db, queue));
  }
  return result;
}
