import { tick, type TickDeps } from "./tick.js";

export interface Scheduler {
  /** Waits for the tick in flight, then stops ticking. */
  stop(): Promise<void>;
}

/**
 * Ticks every `everySeconds`, the first time at once; a tick still running when the next is due makes that one skip.
 * Each tick is told when the scheduler started, so that until a sweep for missed webhook deliveries has begun since
 * then it sweeps whatever the age of the last one: deliveries that failed while the server was down are redelivered
 * at start-up, not up to 30 minutes later (a sweep that fails, or that another replica runs, is tried at the next tick).
 */
export function startScheduler(deps: Omit<TickDeps, "now" | "startedAt"> & { everySeconds: number; now: () => string }): Scheduler {
  const startedAt = deps.now();
  let inFlight: Promise<unknown> | null = null;
  const run = () => {
    if (inFlight) return;
    inFlight = tick({ ...deps, now: deps.now(), startedAt })
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
