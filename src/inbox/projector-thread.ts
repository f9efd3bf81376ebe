import { parentPort, workerData } from "node:worker_threads";
import type { AuthoredCommit } from "../github/push-events.js";
import { type DatabaseTarget, openDatabase } from "../store/open-database.js";
import type { SegmentFeed } from "./inbox.js";
import { inboxProjector } from "./inbox-projector.js";

/** From the webhook thread: segments to record, answers to compare calls, and the stop. */
export type ToProjector = { type: "feed"; feed: SegmentFeed } | { type: "compared"; id: number; commits: AuthoredCommit[] | null } | { type: "compare-failed"; id: number; error: string } | { type: "close" };
/** To the webhook thread: progress, compare calls (it holds the app's credentials) and log lines. */
export type FromProjector =
  | { type: "settled"; path: string; offset: number }
  | { type: "compare"; id: number; installationId: number; repo: string; base: string; after: string }
  | { type: "log"; level: "warn" | "error"; fields: object; message: string };

/**
 * The projector's thread: records the inbox's deliveries on a connection of its own, so the webhook thread
 * only verifies, appends and answers, and the parsing, mapping and writing run on another core.
 */
const { target, schema, setAsidePath } = workerData as { target: DatabaseTarget; schema?: string; setAsidePath: string };
const db = openDatabase(target, { schema });
const port = parentPort!;
const post = (message: FromProjector) => port.postMessage(message);
const compares = new Map<number, { resolve(commits: AuthoredCommit[] | null): void; reject(error: Error): void }>();
let nextCompare = 0;

const logAt = (level: "warn" | "error") => (fields: object, message: string) => post({ type: "log", level, fields, message });

const projector = inboxProjector({
  db,
  setAsidePath,
  log: { warn: logAt("warn"), error: logAt("error") },
  settled: (path, offset) => post({ type: "settled", path, offset }),
  compare: (installationId) => (repo, base, after) =>
    new Promise((resolve, reject) => {
      const id = nextCompare++;
      compares.set(id, { resolve, reject });
      post({ type: "compare", id, installationId, repo, base, after });
    }),
});

port.on("message", (message: ToProjector) => {
  if (message.type === "feed") projector.feed(message.feed);
  else if (message.type === "close") void projector.close().then(() => db.destroy()).then(() => port.close());
  else {
    const pending = compares.get(message.id);
    compares.delete(message.id);
    if (message.type === "compared") pending?.resolve(message.commits);
    else pending?.reject(new Error(message.error));
  }
});
