/**
 * One app process for multi-process tests: the real Probot app over HTTP and the real store from
 * DATABASE_URL, pointed at GHE_HOST, with its clock and ticks driven by the parent over IPC.
 * Messages in: {id, type:"clock"|"tick", at}. Out: {type:"ready", port}, then {id, reports?} once each message is done.
 */
import { randomUUID } from "node:crypto";
import { createProbot } from "probot";
import { handoffApp } from "../../src/app.js";
import { probotAppPort } from "../../src/github/probot-app-port.js";
import { tick } from "../../src/scheduler/tick.js";
import { startServer } from "../../src/server/start-server.js";
import { migrateToLatest } from "../../src/store/migrations.js";
import { databaseTarget, openDatabase } from "../../src/store/open-database.js";
import { UnthrottledOctokit } from "./unthrottled-octokit.js";

type Message = { id: number; type: "clock" | "tick"; at: string };

const db = openDatabase(databaseTarget(process.env.DATABASE_URL));
await migrateToLatest(db);
let clock = process.env.START_AT ?? "2026-01-01T00:00:00.000Z";
const owner = `replica:${process.pid}:${randomUUID().slice(0, 6)}`;
const probot = createProbot({ overrides: { Octokit: UnthrottledOctokit } });
// Deliveries are recorded from the inbox on a thread of their own, as `npm start` does.
const app = handoffApp({
  db,
  tickSeconds: 0,
  now: () => clock,
  owner,
  retentionDays: 90,
  webhooks: { secret: process.env.WEBHOOK_SECRET! },
  inbox: { dir: process.env.HANDOFF_INBOX_DIR!, thread: { target: databaseTarget(process.env.DATABASE_URL) } },
});
const server = await startServer(app.appFn, probot, { port: 0, host: "127.0.0.1" });

process.on("message", (message: Message) => {
  if (message.type === "clock") {
    clock = message.at;
    process.send?.({ id: message.id });
  } else {
    // Webhooks answered before the tick are recorded by then, as they are within milliseconds in a server.
    void app
      .settled()
      .then(() => tick({ db, app: probotAppPort(probot), now: message.at, owner, retentionDays: 90, log: probot.log }))
      .then((reports) => process.send?.({ id: message.id, reports }));
  }
});
process.send?.({ type: "ready", port: Number(new URL(server.url).port) });
