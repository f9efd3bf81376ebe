import { postDigest, type DigestOutcome } from "./post-digest.js";
import { refreshConfig } from "./refresh-config.js";
import type { TickContext } from "./tick-context.js";

export interface InstallationTickReport {
  installationId: number;
  account: string;
  config: "valid" | "missing" | "invalid" | "unknown";
  digest: DigestOutcome;
}

/** Runs the scheduled work of one installation that is due at `ctx.now`. */
export async function tickInstallation(ctx: TickContext): Promise<InstallationTickReport> {
  const installation = await refreshConfig(ctx);
  const report: InstallationTickReport = { installationId: ctx.installationId, account: ctx.account, config: installation.state, digest: null };
  if (installation.state !== "valid") return report;
  report.digest = await postDigest(ctx, installation.config, installation.firstConfigAt);
  return report;
}
