import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { DatabaseTarget } from "../store/open-database.js";
import type { ProjectorPort, StartProjector } from "./inbox.js";
import { inboxProjector, type ProjectorDeps } from "./inbox-projector.js";
import type { FromProjector, ToProjector } from "./projector-thread.js";

/** What the projector needs from the webhook thread: the app's compare calls and its log. */
export type ProjectorServices = Pick<ProjectorDeps, "compare" | "log" | "setAsidePath" | "retryDelayMs">;

/** Records on this thread, on the app's own store (tests, the demo, and SQLite in memory). */
export function projectorHere(db: ProjectorDeps["db"], services: ProjectorServices): StartProjector {
  return (events) => inboxProjector({ ...services, db, settled: events.settled });
}

/** The thread's entry: compiled JavaScript as deployed, or the TypeScript source run through tsx (`npm start`). */
function spawnProjector(workerData: { target: DatabaseTarget; schema?: string; setAsidePath: string }): Worker {
  const entry = new URL(import.meta.url.endsWith(".ts") ? "./projector-thread.ts" : "./projector-thread.js", import.meta.url);
  if (entry.pathname.endsWith(".js")) return new Worker(entry, { workerData });
  // Node 20 runs no TypeScript in a thread of its own accord: tsx's require hook loads the source there.
  const tsx = createRequire(import.meta.url).resolve("tsx/cjs/api");
  const bootstrap = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(fileURLToPath(entry))});`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/**
 * Records on a thread of its own with its own connection (`npm start`): the parsing, mapping and writing run
 * on another core than the webhooks. A thread that fails is started again and fed every part not yet recorded.
 * `schema` is a PostgreSQL search path, as openDatabase takes it.
 */
export function projectorThread(target: DatabaseTarget, services: ProjectorServices, options: { schema?: string } = {}): StartProjector {
  return (events) => {
    let closing = false;
    let worker: Worker;
    let restart: NodeJS.Timeout | undefined;
    const send = (message: ToProjector) => worker.postMessage(message);
    const start = () => {
      worker = spawnProjector({ target, schema: options.schema, setAsidePath: services.setAsidePath });
      worker.on("message", (message: FromProjector) => {
        if (message.type === "settled") events.settled(message.path, message.offset);
        else if (message.type === "log") services.log[message.level](message.fields, message.message);
        else
          services.compare(message.installationId)(message.repo, message.base, message.after).then(
            (commits) => send({ type: "compared", id: message.id, commits }),
            (error: unknown) => send({ type: "compare-failed", id: message.id, error: error instanceof Error ? error.message : String(error) }),
          );
      });
      worker.on("error", (error) => services.log.error({ err: error }, "the webhook inbox's thread failed; starting it again"));
      worker.on("exit", () => {
        if (closing) return;
        // A second later, so a thread that cannot start (its database unreachable) does not spin.
        restart = setTimeout(() => {
          start();
          events.restarted();
        }, 1000);
      });
    };
    start();
    const port: ProjectorPort = {
      feed: (feed) => send({ type: "feed", feed }),
      async close() {
        closing = true;
        clearTimeout(restart);
        // Already gone (failed, and not started again yet).
        if (worker.threadId === -1) return;
        const exited = new Promise((resolve) => worker.once("exit", resolve));
        send({ type: "close" });
        await exited;
      },
    };
    return port;
  };
}
