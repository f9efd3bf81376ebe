/**
 * One app process for multi-process tests: the real Probot app over HTTP and the real store from
 * DATABASE_URL, pointed at GHE_HOST, with its clock and ticks driven by the parent over IPC.
 * Messages in: {id, type:"clock"|"tick", at}. Out: {type:"ready", port}, then {id, reports?} once each message is done.
 */
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, createProbot } from "probot";
import { handoffApp } from "../../src/app.js";
import { probotAppPort } from "../../src/github/probot-app-port.js";
import { tick } from "../../src/scheduler/tick.js";
import { migrateToLatest } from "../../src/store/migrations.js";
import { startDeliveryWriter } from "../../src/store/delivery-writer.js";
import { databaseTarget, openDatabase } from "../../src/store/open-database.js";
import { UnthrottledOctokit } from "./unthrottled-octokit.js";

type Message = { id: number; type: "clock" | "tick"; at: string };

const db = openDatabase(databaseTarget(process.env.DATABASE_URL));
await migrateToLatest(db);
let clock = process.env.START_AT ?? "2026-01-01T00:00:00.000Z";
const owner = `replica:${process.pid}:${randomUUID().slice(0, 6)}`;
const probot = createProbot({ overrides: { Octokit: UnthrottledOctokit } });
// Deliveries are committed on a writer thread, as `npm start` does.
const writer = startDeliveryWriter(databaseTarget(process.env.DATABASE_URL));
const app = handoffApp({ db, record: writer.record, tickSeconds: 0, now: () => clock, owner, retentionDays: 90 });
const middleware = await createNodeMiddleware(app.appFn, { probot });
const server = createServer((req, res) => void middleware(req, res, () => res.writeHead(404).end()));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

process.on("message", (message: Message) => {
  if (message.type === "clock") {
    clock = message.at;
    process.send?.({ id: message.id });
  } else {
    void tick({ db, app: probotAppPort(probot), now: message.at, owner, retentionDays: 90, log: probot.log }).then((reports) =>
      process.send?.({ id: message.id, reports }),
    );
  }
});
process.send?.({ type: "ready", port: (server.address() as AddressInfo).port });
