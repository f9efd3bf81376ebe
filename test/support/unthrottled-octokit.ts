import { ProbotOctokit } from "probot";

/**
 * ProbotOctokit without throttling and retries, so tests see each request and failure as it happens.
 * A function, not an object: Probot's own defaults replace a `throttle` object wholesale (and with it
 * `enabled: false`), which would leave writes spaced seconds apart.
 */
export const UnthrottledOctokit = ProbotOctokit.defaults((instance: Record<string, unknown>) => ({
  ...instance,
  throttle: { ...(instance.throttle as object), enabled: false },
  retry: { enabled: false },
}));
