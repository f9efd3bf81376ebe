import { generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ApplicationFunction, Probot } from "probot";
import { handoffApp, type HandoffApp } from "../../src/app.js";
import { startServer } from "../../src/server/start-server.js";
import type { DatabaseKind } from "../../src/store/open-database.js";
import { createBenchStore, deleteBenchStore, openBenchStore, type BenchStore } from "../bench-database.js";
import type { Db } from "../../src/store/schema.js";
import { BENCH_SECRET } from "./delivery-mix.js";

/**
 * One side of the ingest comparison, in a process of its own: `handoff` is the full app with a real
 * store; `bare` is a Probot app whose only handler does nothing. Both take the same Probot settings.
 * Reports its port to the parent, and closes when the parent says "stop".
 */
const [side, store, postgresUrl] = process.argv.slice(2) as ["handoff" | "bare", DatabaseKind, string];
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
const probot = new Probot({ appId: 1, privateKey, secret: BENCH_SECRET, logLevel: (process.env.LOG_LEVEL as "info" | undefined) ?? "warn" });

let database: { store: BenchStore; db: Db; app: HandoffApp; inboxDir: string } | null = null;
let appFn: ApplicationFunction;
if (side === "handoff") {
  const created = await createBenchStore(store, postgresUrl);
  const inboxDir = mkdtempSync(join(tmpdir(), "handoff-bench-inbox-"));
  const db = await openBenchStore(created);
  // As `npm start` runs it: the inbox recorded on a thread of its own. No scheduler: the ingest path alone is measured.
  const app = handoffApp({
    db,
    tickSeconds: 0,
    now: () => new Date().toISOString(),
    owner: `bench:${randomUUID().slice(0, 8)}`,
    retentionDays: 90,
    webhooks: { secret: BENCH_SECRET },
    inbox: { dir: inboxDir, thread: { target: { kind: created.kind, location: created.location }, schema: created.schema } },
  });
  database = { store: created, db, app, inboxDir };
  appFn = app.appFn;
} else {
  appFn = (app) => {
    app.onAny(async () => {});
  };
}

const server = await startServer(appFn, probot, { port: 0, host: "127.0.0.1" });
process.send!({ port: Number(new URL(server.url).port) });

const stop = async () => {
  await server.stop();
  if (database) {
    await database.app.stop();
    await database.db.destroy();
    await deleteBenchStore(database.store);
    rmSync(database.inboxDir, { recursive: true, force: true });
  }
  process.exit(0);
};
process.on("message", (message) => {
  if (message === "stop") void stop();
  // Once every delivery answered so far is recorded in the store (bare Probot records nothing).
  if (message === "settled") void (database?.app.settled() ?? Promise.resolve()).then(() => process.send!({ settled: true }));
  // CPU time this process has used so far, in milliseconds.
  if (message === "cpu") {
    const usage = process.cpuUsage();
    process.send!({ cpuMs: (usage.user + usage.system) / 1000 });
  }
});
// The parent died without saying so: do not outlive it.
process.on("disconnect", () => void stop());
