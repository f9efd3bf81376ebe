import type { GitHubPort } from "../../src/github/github-port.js";

export interface TimedGitHub {
  port: GitHubPort;
  /** Wall time during which at least one GitHub call was in flight. */
  waitedMs(): number;
}

/** Wraps every method of `port` to measure the time spent waiting on GitHub, calls in parallel counted once. */
export function timedGitHub(port: GitHubPort): TimedGitHub {
  let inFlight = 0;
  let since = 0;
  let waited = 0;
  const wrapped = new Proxy(port, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        if (inFlight++ === 0) since = performance.now();
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          if (--inFlight === 0) waited += performance.now() - since;
        }
      };
    },
  });
  return { port: wrapped, waitedMs: () => waited };
}
