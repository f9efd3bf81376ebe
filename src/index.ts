import { existsSync } from "node:fs";
import { run } from "probot";
import { handoffApp } from "./app.js";
import { readEnv } from "./server/read-env.js";
import { migrateToLatest } from "./store/migrations.js";
import { startDeliveryWriter } from "./store/delivery-writer.js";
import { openDatabase } from "./store/open-database.js";

// Wiring only: the settings, the store, the app, the Probot server, and a clean shutdown.
if (existsSync(".env")) process.loadEnvFile(".env");
const env = readEnv();
const db = openDatabase(env.database);
await migrateToLatest(db);
const writer = startDeliveryWriter(env.database);
const handoff = handoffApp({ db, record: writer.record, tickSeconds: env.tickSeconds, retentionDays: env.retentionDays, owner: env.owner, now: () => new Date().toISOString() });
const server = await run(handoff.appFn);

process.once("SIGTERM", async () => {
  await handoff.stop();
  await server.stop();
  await writer.close();
  await db.destroy();
  process.exit(0);
});
