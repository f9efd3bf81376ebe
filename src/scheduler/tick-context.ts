import type { Logger } from "pino";
import type { GitHubPort } from "../github/github-port.js";
import type { Db } from "../store/schema.js";

/** What one tick of one installation works with. */
export interface TickContext {
  db: Db;
  github: GitHubPort;
  installationId: number;
  account: string;
  /** The tick's instant (UTC ISO). */
  now: string;
  /** Identifies this process in claims. */
  owner: string;
  log: Pick<Logger, "info" | "warn" | "error">;
}

/** How long a claim protects a post in progress before another process may take it over. */
export const LEASE_MS = 5 * 60_000;
