import { generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Probot, ProbotOctokit } from "probot";
import { handoffApp } from "../app.js";
import { probotAppPort } from "../github/probot-app-port.js";
import { sendWebhook, startGitHubStandIn, type GitHubStandIn } from "../github-stand-in/index.js";
import { tick, type TickReport } from "../scheduler/tick.js";
import { startServer } from "../server/start-server.js";
import { DEFAULT_WEBHOOK_PATH } from "../server/webhook-receiver.js";
import { migrateToLatest } from "../store/migrations.js";
import { openDatabase } from "../store/open-database.js";

const WEBHOOK_SECRET = "handoff-demo";
const RETENTION_DAYS = 90;

/** The real app on a simulated clock: Probot over HTTP, SQLite in a temp dir, GitHub played by the stand-in. */
export interface DemoWorld {
  gh: GitHubStandIn;
  /** The simulated instant (UTC ISO): when webhooks are received and GitHub stamps what is created. */
  readonly now: string;
  setClock(instant: string): void;
  /** Delivers a webhook signed with the app's secret; throws unless the app answers 2xx. */
  send(name: string, payload: unknown): Promise<void>;
  /** Runs the scheduler at the simulated instant, as the server's own tick would. */
  tick(): Promise<TickReport[]>;
  close(): Promise<void>;
}

export type LogLevel = "trace" | "debug" | "info" | "warn" | "error" | "fatal";

export async function startDemoWorld(options: { start: string; logLevel: LogLevel }): Promise<DemoWorld> {
  let clock = options.start;
  const gh = await startGitHubStandIn({ now: () => new Date(clock) });
  const dir = mkdtempSync(join(tmpdir(), "handoff-demo-"));
  const db = openDatabase({ kind: "sqlite", location: join(dir, "handoff.sqlite") });
  await migrateToLatest(db);
  // Only the stand-in sees the app's JWTs and it checks no signature: 1024 bits halve the cost of the JWT
  // signed for each app-level call (two every tick).
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 1024,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const probot = new Probot({
    appId: 1,
    privateKey,
    secret: WEBHOOK_SECRET,
    baseUrl: gh.baseUrl,
    logLevel: options.logLevel,
    // The stand-in neither fails nor limits rates: retries and write pacing (seconds per post) only cost time.
    // A function, because Probot passes its own throttle options in, replacing a plain `{ throttle: { enabled: false } }`.
    Octokit: ProbotOctokit.defaults((instance: Record<string, unknown>) => ({ ...instance, retry: { enabled: false }, throttle: { ...(instance.throttle as object), enabled: false } })),
  });
  const owner = `demo:${randomUUID().slice(0, 8)}`;
  const now = () => clock;
  const app = handoffApp({ db, tickSeconds: 0, now, owner, retentionDays: RETENTION_DAYS, webhooks: { secret: WEBHOOK_SECRET }, inbox: { dir: join(dir, "inbox") } });
  const server = await startServer(app.appFn, probot, { port: 0, host: "127.0.0.1" });
  const webhooks = `${server.url}${DEFAULT_WEBHOOK_PATH}`;
  const appPort = probotAppPort(probot);

  return {
    gh,
    get now() {
      return clock;
    },
    setClock(instant) {
      clock = instant;
    },
    async send(name, payload) {
      const response = await sendWebhook({ url: webhooks, secret: WEBHOOK_SECRET, name, payload });
      if (response.status < 200 || response.status >= 300) throw new Error(`the app answered ${response.status} to a ${name} webhook: ${response.body}`);
      await app.settled();
    },
    tick: () => tick({ db, app: appPort, now: clock, owner, retentionDays: RETENTION_DAYS, log: probot.log }),
    async close() {
      await server.stop();
      await app.stop();
      await gh.close();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
