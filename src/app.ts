import type { ApplicationFunction } from "probot";
import { probotAppPort } from "./github/probot-app-port.js";
import { octokitCompare } from "./github/compare-commits.js";
import { type RecordDelivery, recordWebhook } from "./github/record-webhook.js";
import { healthHandler } from "./server/health-handler.js";
import { type Scheduler, startScheduler } from "./scheduler/start-scheduler.js";
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
  /** Where deliveries are committed: a writer thread in the server; by default this thread, on `db`. */
  record?: RecordDelivery;
}

export interface HandoffApp {
  appFn: ApplicationFunction;
  /** Finishes the tick in flight and stops the scheduler. */
  stop(): Promise<void>;
}

/** The Probot app: records webhooks, answers /healthz and runs the scheduler. */
export function handoffApp(options: AppOptions): HandoffApp {
  let scheduler: Scheduler | null = null;
  const appFn: ApplicationFunction = (app, { addHandler }) => {
    app.onAny(async (context) => {
      const delivery = { id: context.id, name: context.name, payload: context.payload };
      const installationId = (context.payload as { installation?: { id?: number } }).installation?.id;
      await recordWebhook(options.db, delivery, options.now(), app.log, octokitCompare(() => app.auth(installationId)), options.record);
    });
    addHandler(healthHandler(options.db));
    if (options.tickSeconds > 0) {
      scheduler = startScheduler({ db: options.db, app: probotAppPort(app), everySeconds: options.tickSeconds, now: options.now, owner: options.owner, retentionDays: options.retentionDays, log: app.log });
    }
  };
  return { appFn, stop: async () => scheduler?.stop() };
}
