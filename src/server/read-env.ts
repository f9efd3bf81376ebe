import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { databaseTarget, type DatabaseTarget } from "../store/open-database.js";

export interface HandoffEnv {
  database: DatabaseTarget;
  tickSeconds: number;
  retentionDays: number;
  /** Identifies this process in claims, so replicas can tell their leases apart. */
  owner: string;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name}=${JSON.stringify(raw)} is not a whole number of ${name.endsWith("DAYS") ? "days" : "seconds"}; set it to e.g. ${fallback}, or unset it for the default.`);
  }
  return value;
}

/** Handoff's own settings; Probot reads its standard variables (APP_ID, PRIVATE_KEY, GHE_HOST, ...) itself. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): HandoffEnv {
  return {
    database: databaseTarget(env.DATABASE_URL),
    tickSeconds: wholeNumber(env, "HANDOFF_TICK_SECONDS", 60),
    retentionDays: wholeNumber(env, "HANDOFF_RETENTION_DAYS", 90),
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  };
}
