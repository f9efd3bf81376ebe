import { existsSync } from "node:fs";
import { createProbot, run } from "probot";
import { handoffApp } from "./app.js";
import { readEnv } from "./server/read-env.js";
import { startServer } from "./server/start-server.js";
import { migrateToLatest } from "./store/migrations.js";
import { openDatabase } from "./store/open-database.js";

// Wiring only: the settings, the store, the app, its server, and a clean shutdown.
if (existsSync(".env")) process.loadEnvFile(".env");
const env = readEnv();
if (!process.env.APP_ID) {
  // Probot's own setup flow: it registers the GitHub App and writes its credentials to .env.
  await run(() => undefined);
} else {
  if (!env.server.secret) throw new Error("WEBHOOK_SECRET is not set: set it to the webhook secret in the GitHub App's settings, so that webhooks can be verified");
  const db = openDatabase(env.database);
  await migrateToLatest(db);
  // Probot's standard variables, with its server's default log level.
  const probot = createProbot({ env: { LOG_LEVEL: "info", ...process.env } });
  const handoff = handoffApp({
    db,
    tickSeconds: env.tickSeconds,
    retentionDays: env.retentionDays,
    owner: env.owner,
    now: () => new Date().toISOString(),
    webhooks: { secret: env.server.secret, path: env.server.webhookPath },
    inbox: { dir: env.inboxDir, thread: { target: env.database } },
  });
  const server = await startServer(handoff.appFn, probot, env.server);

  process.once("SIGTERM", async () => {
    await server.stop();
    await handoff.stop();
    await db.destroy();
    process.exit(0);
  });
}
