import { tick, type TickDeps } from "./tick.js";

export interface Scheduler {
  /** Waits for the tick in flight, then stops ticking. */
  stop(): Promise<void>;
}

/** Ticks every `everySeconds`; a tick still running when the next is due makes that one skip. */
export function startScheduler(deps: Omit<TickDeps, "now"> & { everySeconds: number; now: () => string }): Scheduler {
  let inFlight: Promise<unknown> | null = null;
  const run = () => {
    if (inFlight) return;
    inFlight = tick({ ...deps, now: deps.now() })
      .catch((error) => deps.log.error({ err: error }, "tick failed; it runs again at the next interval"))
      .finally(() => (inFlight = null));
  };
  const timer = setInterval(run, deps.everySeconds * 1000);
  timer.unref();
  setImmediate(run);
  return {
    async stop() {
      clearInterval(timer);
      await inFlight;
    },
  };
}
