import { createHmac, generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Probot, ProbotOctokit } from "probot";
import { handoffApp } from "../../src/app.js";
import { startServer } from "../../src/server/start-server.js";
import { UnthrottledOctokit } from "./unthrottled-octokit.js";
import { probotAppPort } from "../../src/github/probot-app-port.js";
import { tick, type TickReport } from "../../src/scheduler/tick.js";
import type { Db } from "../../src/store/schema.js";

export const WEBHOOK_SECRET = "test-secret";
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

export interface Harness {
  /** Sends a signed delivery over HTTP, waits until the app has recorded what it answered, and returns the status it answered with. */
  send(name: string, payload: unknown, deliveryId?: string): Promise<number>;
  /** Runs the scheduler at `at` for every installation (`deadlineMs`: how long it gives each). */
  tick(at: string, options?: { deadlineMs?: number }): Promise<TickReport[]>;
  url: string;
  close(): Promise<void>;
}

/**
 * The real app over HTTP: Probot's webhook middleware with signature checks, the real store, and
 * the scheduler, with GitHub at `baseUrl` (nock intercepts api.github.com by default).
 */
export async function startHarness(options: {
  db: Db;
  receivedAt: () => string;
  baseUrl?: string;
  /** Probot's throttling (rate limits waited out) and retries, as in production; off by default. */
  resilient?: boolean;
}): Promise<Harness> {
  const probot = new Probot({
    appId: 1,
    privateKey,
    secret: WEBHOOK_SECRET,
    logLevel: (process.env.TEST_LOG_LEVEL as "fatal" | undefined) ?? "fatal",
    baseUrl: options.baseUrl,
    Octokit: options.resilient ? ProbotOctokit : UnthrottledOctokit,
  });
  const owner = `test:${randomUUID().slice(0, 8)}`;
  const inboxDir = mkdtempSync(join(tmpdir(), "handoff-inbox-"));
  const app = handoffApp({ db: options.db, tickSeconds: 0, now: options.receivedAt, owner, retentionDays: 90, webhooks: { secret: WEBHOOK_SECRET }, inbox: { dir: inboxDir, retryDelayMs: () => 10 } });
  const server = await startServer(app.appFn, probot, { port: 0, host: "127.0.0.1" });
  const url = server.url;
  return {
    url,
    async send(name, payload, deliveryId = randomUUID()) {
      const body = JSON.stringify(payload);
      const headers = {
        "content-type": "application/json",
        "x-github-event": name,
        "x-github-delivery": deliveryId,
        "x-hub-signature-256": `sha256=${createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex")}`,
      };
      // node:http rather than fetch: nock's fetch interception does not pass request bodies through to loopback.
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(`${url}/api/github/webhooks`, { method: "POST", headers }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        });
        req.on("error", reject);
        req.end(body);
      });
      await app.settled();
      return status;
    },
    tick: (at, tickOptions) => tick({ db: options.db, app: probotAppPort(probot), now: at, owner, retentionDays: 90, log: probot.log, ...tickOptions }),
    async close() {
      await server.stop();
      await app.stop();
      rmSync(inboxDir, { recursive: true, force: true });
    },
  };
}
