import { generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApplicationFunction, createNodeMiddleware, Probot } from "probot";
import { handoffApp } from "../../src/app.js";
import { type DeliveryWriter, startDeliveryWriter } from "../../src/store/delivery-writer.js";
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
const probot = new Probot({ appId: 1, privateKey, secret: BENCH_SECRET, logLevel: (process.env.LOG_LEVEL as "info" | undefined) ?? "info" });

let database: { store: BenchStore; db: Db; writer: DeliveryWriter } | null = null;
let appFn: ApplicationFunction;
if (side === "handoff") {
  const created = await createBenchStore(store, postgresUrl);
  // Deliveries are committed on a writer thread, as `npm start` does.
  const writer = startDeliveryWriter({ kind: created.kind, location: created.location }, { schema: created.schema });
  database = { store: created, db: await openBenchStore(created), writer };
  // No scheduler: the ingest path alone is measured (its config is never read on that path).
  appFn = handoffApp({ db: database.db, record: writer.record, tickSeconds: 0, now: () => new Date().toISOString(), owner: `bench:${randomUUID().slice(0, 8)}`, retentionDays: 90 }).appFn;
} else {
  appFn = (app) => {
    app.onAny(async () => {});
  };
}

const middleware = await createNodeMiddleware(appFn, { probot });
const server = createServer((req, res) => {
  void middleware(req, res, () => res.writeHead(404).end());
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
process.send!({ port: (server.address() as AddressInfo).port });

const stop = () => {
  server.close();
  server.closeAllConnections();
  const closed = database ? database.writer.close().then(() => database!.db.destroy()).then(() => deleteBenchStore(database!.store)) : Promise.resolve();
  void closed.then(() => process.exit(0));
};
process.on("message", (message) => {
  if (message === "stop") stop();
  // CPU time this process has used so far, in milliseconds.
  if (message === "cpu") {
    const usage = process.cpuUsage();
    process.send!({ cpuMs: (usage.user + usage.system) / 1000 });
  }
});
// The parent died without saying so: do not outlive it.
process.on("disconnect", stop);
