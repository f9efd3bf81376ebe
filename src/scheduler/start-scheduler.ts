import { DateTime } from "luxon";
import { describeFailure } from "./describe-failure.js";
import { sweepDeliveries } from "./sweep-deliveries.js";
import { tick, type TickDeps } from "./tick.js";

export interface Scheduler {
  /** Waits for the tick in flight, then stops ticking. */
  stop(): Promise<void>;
}

// Stored instants compare as text, so every instant is the same UTC ISO form.
const utc = (instant: string) => DateTime.fromISO(instant, { setZone: true }).toUTC().toISO()!;

/**
 * Ticks every `everySeconds`, the first time at once; a tick still running when the next is due makes that one skip.
 * Until a sweep for missed webhook deliveries has begun since the scheduler started, each tick first sweeps whatever
 * the age of the last sweep: deliveries that failed while the server was down are redelivered at start-up, not up to
 * 30 minutes later. A sweep that fails, or that another replica is running, is tried again at the next tick.
 */
export function startScheduler(deps: Omit<TickDeps, "now"> & { everySeconds: number; now: () => string }): Scheduler {
  const startedAt = utc(deps.now());
  let sweptSinceStart = false;
  const sweepSinceStart = async (now: string) => {
    if (sweptSinceStart) return;
    try {
      const outcome = await sweepDeliveries({ ...deps, github: deps.app.deliveries, now, startedAt });
      sweptSinceStart = outcome.swept || outcome.reason === "recent";
    } catch (error) {
      deps.log.warn({ err: error }, `start-up sweep for missed webhook deliveries failed (${describeFailure(error).message}); it is tried again at the next tick`);
    }
  };
  let inFlight: Promise<unknown> | null = null;
  const run = () => {
    if (inFlight) return;
    const now = utc(deps.now());
    inFlight = sweepSinceStart(now)
      .then(() => tick({ ...deps, now }))
      .catch((error) => deps.log.error({ err: error }, "tick failed; it runs again at the next interval"))
      .finally(() => (inFlight = null));
  };
  const timer = setInterval(run, deps.everySeconds * 1000);
  timer.unref();
  const first = setImmediate(run);
  return {
    async stop() {
      clearImmediate(first);
      clearInterval(timer);
      await inFlight;
    },
  };
}
