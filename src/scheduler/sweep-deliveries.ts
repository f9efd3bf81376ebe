import { DateTime } from "luxon";
import type { Logger } from "pino";
import { deliveriesToRedeliver, type DeliveryAttempt } from "../domain/missed-deliveries.js";
import { compareAndSetAppState, readAppState } from "../store/app-state-store.js";
import type { Db } from "../store/schema.js";

/** The app-level GitHub calls of the sweep (authenticated as the app, not an installation). */
export interface DeliveriesPort {
  /** Attempts newest first, page by page, until `stop` says the page reached old enough ones. */
  listDeliveries(stop: (page: DeliveryAttempt[]) => boolean): Promise<DeliveryAttempt[]>;
  redeliver(attemptId: number): Promise<void>;
}

const KEY = "deliveries-sweep";
const EVERY_MINUTES = 30;
const FIRST_LOOKBACK_HOURS = 24;
// GitHub keeps deliveries for 3 days.
const MAX_LOOKBACK_DAYS = 3;
const LEASE_MINUTES = 5;

export interface SweepState {
  /** Start of the last sweep that finished: the next one pages back to it. */
  completedFrom: string | null;
  /** While a sweep runs: until when another replica must not start one. */
  leaseUntil: string | null;
}

export type SweepOutcome = { swept: false } | { swept: true; since: string; redelivered: number };

/**
 * Whether a sweep starts at `now`. One is due when none has finished, when the last began 30 minutes ago or
 * more, or, given `startedAt` (when this server started), when none began since then: a delivery that failed
 * while the server was down is in no earlier sweep. A due sweep starts unless another replica is running one.
 */
export function sweepDecision(state: SweepState, now: DateTime, startedAt?: DateTime): "sweep" | "recent" | "running" {
  const last = state.completedFrom ? DateTime.fromISO(state.completedFrom) : null;
  const due = !last || last <= now.minus({ minutes: EVERY_MINUTES }) || (startedAt !== undefined && last < startedAt);
  if (!due) return "recent";
  return !state.leaseUntil || DateTime.fromISO(state.leaseUntil) <= now ? "sweep" : "running";
}

/**
 * Asks GitHub to redeliver the webhooks that failed while the app was down: at most every 30 minutes
 * across all replicas (and once after `startedAt`), paging back to the previous sweep (24 hours on the
 * first, never past 3 days).
 */
export async function sweepDeliveries(deps: { db: Db; github: DeliveriesPort; now: string; startedAt?: string; log: Pick<Logger, "info"> }): Promise<SweepOutcome> {
  const now = DateTime.fromISO(deps.now);
  const raw = await readAppState(deps.db, KEY);
  const state: SweepState = raw ? JSON.parse(raw) : { completedFrom: null, leaseUntil: null };
  const decision = sweepDecision(state, now, deps.startedAt === undefined ? undefined : DateTime.fromISO(deps.startedAt));
  if (decision !== "sweep") return { swept: false };
  const running: SweepState = { ...state, leaseUntil: now.plus({ minutes: LEASE_MINUTES }).toUTC().toISO() };
  if (!(await compareAndSetAppState(deps.db, KEY, raw, JSON.stringify(running)))) return { swept: false };

  const oldest = now.minus({ days: MAX_LOOKBACK_DAYS });
  const back = state.completedFrom ? DateTime.fromISO(state.completedFrom) : now.minus({ hours: FIRST_LOOKBACK_HOURS });
  const since = (back < oldest ? oldest : back).toUTC().toISO()!;
  try {
    const attempts = (await deps.github.listDeliveries((page) => page.some((a) => a.deliveredAt < since))).filter((a) => a.deliveredAt >= since);
    const ids = deliveriesToRedeliver(attempts);
    for (const id of ids) await deps.github.redeliver(id);
    if (ids.length > 0) deps.log.info(`asked GitHub to redeliver ${ids.length} webhook(s) that failed since ${since}`);
    await compareAndSetAppState(deps.db, KEY, JSON.stringify(running), JSON.stringify({ completedFrom: deps.now, leaseUntil: null }));
    return { swept: true, since, redelivered: ids.length };
  } catch (error) {
    await compareAndSetAppState(deps.db, KEY, JSON.stringify(running), JSON.stringify(state));
    throw error;
  }
}
