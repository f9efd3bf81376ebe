import { join } from "node:path";
import type { ApplicationFunction } from "probot";
import { probotAppPort } from "./github/probot-app-port.js";
import { octokitCompare } from "./github/compare-commits.js";
import { type Inbox, openInbox, SET_ASIDE } from "./inbox/inbox.js";
import { projectorHere, projectorThread, type ProjectorServices } from "./inbox/start-projector.js";
import { healthHandler } from "./server/health-handler.js";
import { DEFAULT_WEBHOOK_PATH, webhookReceiver } from "./server/webhook-receiver.js";
import { type Scheduler, startScheduler } from "./scheduler/start-scheduler.js";
import type { DatabaseTarget } from "./store/open-database.js";
import type { Db } from "./store/schema.js";

export interface AppOptions {
  db: Db;
  /** Seconds between ticks; 0 leaves scheduling to an external `handoff tick`. */
  tickSeconds: number;
  /** The clock: the only place the app reads the time. */
  now: () => string;
  /** Identifies this process in claims. */
  owner: string;
  retentionDays: number;
  /** The webhook secret signatures are checked with, and the route (Probot's WEBHOOK_SECRET and WEBHOOK_PATH). */
  webhooks: { secret: string; path?: string };
  inbox: {
    /** The directory deliveries wait in until they are recorded; one per process. */
    dir: string;
    /** Records on a thread of its own with this store (`npm start`); by default on this thread, on `db`. */
    thread?: { target: DatabaseTarget; schema?: string };
    /** The wait before a failed delivery's next attempt, when recording on this thread (tests shorten it). */
    retryDelayMs?: (failures: number) => number;
  };
}

export interface HandoffApp {
  appFn: ApplicationFunction;
  /** Resolves once every webhook answered so far is recorded in the store. */
  settled(): Promise<void>;
  /** Finishes the tick in flight, stops the scheduler, and gives the inbox a moment to catch up (the rest is replayed at the next start). */
  stop(): Promise<void>;
}

/** How long stopping waits for the inbox's deliveries to be recorded. */
const STOP_WAIT_MS = 10_000;

/** The Probot app: takes webhooks into its inbox, records them, answers /healthz and runs the scheduler. */
export function handoffApp(options: AppOptions): HandoffApp {
  let scheduler: Scheduler | null = null;
  let inbox: Inbox | null = null;
  const appFn: ApplicationFunction = (app, { addHandler }) => {
    const services: ProjectorServices = {
      log: app.log,
      setAsidePath: join(options.inbox.dir, SET_ASIDE),
      compare: (installationId) => octokitCompare(() => app.auth(installationId)),
      retryDelayMs: options.inbox.retryDelayMs,
    };
    const thread = options.inbox.thread;
    const opened = openInbox(options.inbox.dir, thread ? projectorThread(thread.target, services, { schema: thread.schema }) : projectorHere(options.db, services));
    inbox = opened;
    addHandler(webhookReceiver({ path: options.webhooks.path ?? DEFAULT_WEBHOOK_PATH, secret: options.webhooks.secret, append: (record) => opened.append(record), now: options.now, log: app.log }));
    addHandler(healthHandler(options.db));
    if (options.tickSeconds > 0) {
      scheduler = startScheduler({ db: options.db, app: probotAppPort(app), everySeconds: options.tickSeconds, now: options.now, owner: options.owner, retentionDays: options.retentionDays, log: app.log });
    }
  };
  return {
    appFn,
    settled: async () => inbox?.settled(),
    async stop() {
      await scheduler?.stop();
      const closing = inbox;
      inbox = null;
      await closing?.close(STOP_WAIT_MS);
    },
  };
}
