import { parentPort, workerData } from "node:worker_threads";
import { recordDelivery, type RecordedDelivery } from "./delivery-batches.js";
import { type DatabaseTarget, openDatabase } from "./open-database.js";
import { perTurn } from "./per-turn.js";

/** Deliveries of one turn of the webhook thread (all of them, or a few at a time: see deliveriesPerMessage), in one message: each message wakes the thread. */
export type WriterRequest = { id: number; delivery: RecordedDelivery }[] | "close";
/** The outcomes of the deliveries settled in one turn of this thread, in one message, for the same reason. */
export type WriterReply = ({ id: number; fresh: boolean } | { id: number; error: string })[];

/**
 * The writer thread: records the deliveries the webhook thread hands it, on a connection of its own and
 * in batches (deliveries that arrive together share two INSERTs and one commit), and says which were new.
 */
const { target, schema } = workerData as { target: DatabaseTarget; schema?: string };
const db = openDatabase(target, { schema });
const port = parentPort!;
const reply = perTurn((outcomes: WriterReply) => port.postMessage(outcomes));
port.on("message", (request: WriterRequest) => {
  if (request === "close") {
    void db.destroy().then(() => port.close());
    return;
  }
  for (const { id, delivery } of request) {
    recordDelivery(db, delivery).then(
      (fresh) => reply({ id, fresh }),
      (error: unknown) => reply({ id, error: error instanceof Error ? error.message : String(error) }),
    );
  }
});
