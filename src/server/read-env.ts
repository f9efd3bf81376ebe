import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { randomUUID } from "node:crypto";
import { databaseTarget, type DatabaseTarget } from "../store/open-database.js";
import { DEFAULT_WEBHOOK_PATH } from "./webhook-receiver.js";

export interface HandoffEnv {
  database: DatabaseTarget;
  tickSeconds: number;
  retentionDays: number;
  /** Identifies this process in claims, so replicas can tell their leases apart. */
  owner: string;
  /** Where webhooks wait to be recorded (src/inbox/inbox.ts): one directory per process. */
  inboxDir: string;
  /** Probot's standard server settings, which `npm start` serves the webhook route with. */
  server: { port: number; host?: string; secret: string; webhookPath: string; webhookProxy?: string };
}

interface WholeNumberSetting {
  name: string;
  fallback: number;
  min: number;
  max: number;
  /** What the variable takes, as the error message says it. */
  takes: string;
}

const TICK_SECONDS: WholeNumberSetting = {
  name: "HANDOFF_TICK_SECONDS",
  fallback: 60,
  min: 0,
  // A day: a longer interval could skip a team date's digest.
  max: 86_400,
  takes: "a whole number of seconds from 0 to 86400 (0 turns the internal scheduler off, for an external cron running `handoff tick`)",
};

const RETENTION_DAYS: WholeNumberSetting = {
  name: "HANDOFF_RETENTION_DAYS",
  fallback: 90,
  // 0 would prune every event at each tick, before the digest shows it.
  min: 1,
  max: Number.MAX_SAFE_INTEGER,
  takes: "a whole number of days, 1 or more (recorded events older than that are pruned)",
};

// Digits only: Number() alone would also take " ", "1e3", "0x10" and "90.0".
const WHOLE_NUMBER = /^\d+$/;

function wholeNumber(env: NodeJS.ProcessEnv, setting: WholeNumberSetting): number {
  const raw = env[setting.name];
  if (raw === undefined || raw === "") return setting.fallback;
  const digits = raw.trim();
  const value = Number(digits);
  if (!WHOLE_NUMBER.test(digits) || !Number.isSafeInteger(value) || value < setting.min || value > setting.max) {
    throw new Error(
      `${setting.name}=${JSON.stringify(raw)} is not valid: it takes ${setting.takes}. Set it to e.g. ${setting.fallback}, or unset it for the default (${setting.fallback}).`,
    );
  }
  return value;
}

/** Handoff's own settings; Probot reads its standard variables (APP_ID, PRIVATE_KEY, GHE_HOST, ...) itself. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): HandoffEnv {
  const database = databaseTarget(env.DATABASE_URL);
  return {
    database,
    tickSeconds: wholeNumber(env, TICK_SECONDS),
    retentionDays: wholeNumber(env, RETENTION_DAYS),
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    inboxDir: env.HANDOFF_INBOX_DIR || defaultInboxDir(database),
    server: {
      port: Number(env.PORT) || 3000,
      host: env.HOST || undefined,
      secret: env.WEBHOOK_SECRET ?? "",
      webhookPath: env.WEBHOOK_PATH || DEFAULT_WEBHOOK_PATH,
      webhookProxy: env.WEBHOOK_PROXY_URL || undefined,
    },
  };
}

/** Beside the SQLite file; `data/inbox` for PostgreSQL or SQLite in memory. */
function defaultInboxDir(database: DatabaseTarget): string {
  return database.kind === "sqlite" && database.location !== ":memory:" ? join(dirname(database.location), "inbox") : join("data", "inbox");
}
