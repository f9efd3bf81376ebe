import { parseConfig } from "../config/parse-config.js";
import type { HandoffConfig } from "../config/schema.js";

/** The organization the demo's app is installed on. */
export const DEMO_OWNER = "acme";
/** Repositories of the owner: where the contractors work, and `digest.repository`. */
export const DEMO_REPOS = ["api", "web", "handoff"] as const;

/** The demo's `.github/handoff.yml`: a team in Los Angeles (DST ends Sun 1 Nov 2026) and three contractors. */
export const DEMO_CONFIG_YAML = `team:
  timezone: America/Los_Angeles
  digest_time: "08:30"
  reviewers: [alice, ben]
digest:
  repository: handoff
contractors:
  - login: budi
    timezone: Asia/Jakarta
    hours: "09:00-17:30"
  - login: asha
    timezone: Asia/Kathmandu
    hours: "10:00-18:00"
  - login: carla
    timezone: America/Argentina/Buenos_Aires
    hours: "10:00-18:00"
end_of_day:
  remind_after_minutes: 30
`;

export function demoConfig(): HandoffConfig {
  const parsed = parseConfig(DEMO_CONFIG_YAML);
  if (!parsed.ok) throw new Error(`the demo's own handoff.yml is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.config;
}

/** The simulated span: from Sunday noon in Los Angeles, before anyone's Monday, to Monday 2 Nov 09:00 PST, after its digest. */
export const DEMO_START = "2026-10-25T19:00:00.000Z";
export const DEMO_END = "2026-11-02T17:00:00.000Z";
export const TICK_MINUTES = 15;
