import { postBriefs, type BriefOutcome } from "./post-briefs.js";
import { type ConfigCheckOutcome, postConfigChecks } from "./post-config-checks.js";
import { postDigest, type DigestOutcome } from "./post-digest.js";
import { refreshConfig } from "./refresh-config.js";
import { runEndOfDay, type EndOfDayOutcome } from "./run-end-of-day.js";
import type { TickContext } from "./tick-context.js";

export interface InstallationTickReport {
  installationId: number;
  account: string;
  config: "valid" | "missing" | "invalid" | "unknown";
  digest: DigestOutcome;
  /** Config checks of pull requests handled at this tick; absent when there were none. */
  configChecks?: ConfigCheckOutcome[];
  /** Reminders and `/handoff off` replies handled at this tick; absent when there were none. */
  endOfDay?: EndOfDayOutcome;
  /** Start-of-day briefs decided at this tick; absent when there were none. */
  briefs?: BriefOutcome[];
}

/**
 * Runs the scheduled work of one installation that is due at `ctx.now`. Each step runs even when an
 * earlier one failed (a digest GitHub refused must not hold back reminders); the first failure is then thrown.
 */
export async function tickInstallation(ctx: TickContext): Promise<InstallationTickReport> {
  const failures: unknown[] = [];
  const step = async <T>(run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (error) {
      failures.push(error);
      return undefined;
    }
  };
  const installation = await refreshConfig(ctx);
  const report: InstallationTickReport = { installationId: ctx.installationId, account: ctx.account, config: installation.state, digest: null };
  // Before the valid-config gate: a pull request that fixes a broken config needs its check most.
  const configChecks = await step(() => postConfigChecks(ctx));
  if (configChecks?.length) report.configChecks = configChecks;
  if (installation.state === "valid") {
    const { config, firstConfigAt } = installation;
    report.digest = (await step(() => postDigest(ctx, config, firstConfigAt))) ?? null;
    const endOfDay = await step(() => runEndOfDay(ctx, config, firstConfigAt));
    if (endOfDay && endOfDay.reminders.length + endOfDay.daysOff.length > 0) report.endOfDay = endOfDay;
    const briefs = await step(() => postBriefs(ctx, config, firstConfigAt));
    if (briefs?.length) report.briefs = briefs;
  }
  if (failures.length > 0) throw failures[0];
  return report;
}
