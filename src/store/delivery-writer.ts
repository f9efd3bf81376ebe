import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { RecordedDelivery } from "./delivery-batches.js";
import type { DatabaseTarget } from "./open-database.js";
import { perTurn } from "./per-turn.js";
import type { WriterReply, WriterRequest } from "./writer-thread.js";

export interface DeliveryWriter {
  /** Resolves once the delivery is committed: true when new, false when its id was recorded before. */
  record(delivery: RecordedDelivery): Promise<boolean>;
  /** Waits for the deliveries in flight, then stops the thread and closes its connection. */
  close(): Promise<void>;
}

interface Pending {
  resolve(fresh: boolean): void;
  reject(error: Error): void;
}

/**
 * Deliveries a message to the thread carries at most. On SQLite the thread commits the first deliveries of a
 * busy turn while this thread maps the rest, instead of all of them once the turn is over: at concurrency 16
 * about a fifth more deliveries a second. PostgreSQL waits for its log to reach the disk at every commit, so
 * there more, smaller commits cost more than the overlap gains: a turn goes in one message (docs/performance.md).
 */
const deliveriesPerMessage = (target: DatabaseTarget): number => (target.kind === "sqlite" ? 4 : Infinity);

/** A running writer thread, the deliveries it has not answered yet, and how the next one is sent to it. */
interface WriterThread {
  worker: Worker;
  pending: Map<number, Pending>;
  send(item: Exclude<WriterRequest, "close">[number]): void;
}

/** The thread's entry: compiled JavaScript as deployed, or the TypeScript source run through tsx (`npm start`). */
function spawnWriter(workerData: { target: DatabaseTarget; schema?: string }): Worker {
  const entry = new URL(import.meta.url.endsWith(".ts") ? "./writer-thread.ts" : "./writer-thread.js", import.meta.url);
  if (entry.pathname.endsWith(".js")) return new Worker(entry, { workerData });
  // Node 20 runs no TypeScript in a thread of its own accord: tsx's require hook loads the source there.
  const tsx = createRequire(import.meta.url).resolve("tsx/cjs/api");
  const bootstrap = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(fileURLToPath(entry))});`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/**
 * Records deliveries on a thread of its own, so that the webhook thread only verifies, maps and answers:
 * the database's work runs on another core. The thread starts on the first delivery and again after it
 * fails; a failure fails the deliveries in flight (GitHub sees an error and redelivers), never loses one.
 * `schema` is a PostgreSQL search path, as openDatabase takes it.
 */
export function startDeliveryWriter(target: DatabaseTarget, options: { schema?: string } = {}): DeliveryWriter {
  let current: WriterThread | null = null;
  const inFlight = new Set<Promise<boolean>>();
  let nextId = 0;

  const start = () => {
    const worker = spawnWriter({ target, schema: options.schema });
    const thread: WriterThread = { worker, pending: new Map<number, Pending>(), send: perTurn((request: Exclude<WriterRequest, "close">) => worker.postMessage(request), deliveriesPerMessage(target)) };
    const fail = (error: Error) => {
      if (current === thread) current = null;
      for (const pending of thread.pending.values()) pending.reject(error);
      thread.pending.clear();
    };
    thread.worker.on("message", (replies: WriterReply) => {
      for (const reply of replies) {
        const pending = thread.pending.get(reply.id);
        thread.pending.delete(reply.id);
        if ("error" in reply) pending?.reject(new Error(`recording the delivery failed: ${reply.error}`));
        else pending?.resolve(reply.fresh);
      }
    });
    thread.worker.on("error", fail);
    thread.worker.on("exit", (code) => fail(new Error(`the delivery writer thread stopped (exit code ${code})`)));
    return thread;
  };

  return {
    record(delivery) {
      const thread = (current ??= start());
      const id = nextId++;
      const recorded = new Promise<boolean>((resolve, reject) => {
        thread.pending.set(id, { resolve, reject });
        thread.send({ id, delivery });
      });
      inFlight.add(recorded);
      const settled = () => inFlight.delete(recorded);
      recorded.then(settled, settled);
      return recorded;
    },
    async close() {
      await Promise.allSettled([...inFlight]);
      const thread = current;
      current = null;
      if (!thread) return;
      const exited = new Promise((resolve) => thread.worker.once("exit", resolve));
      thread.worker.postMessage("close" satisfies WriterRequest);
      await exited;
    },
  };
}
