import type { InstallationTickReport } from "../scheduler/tick-installation.js";

/** One line per config check a tick handled. */
export function describeConfigChecks(report: Pick<InstallationTickReport, "account" | "configChecks">): string[] {
  return (report.configChecks ?? []).map((check) => `${report.account}: config check of ${check.pullRequest} (${check.headSha.slice(0, 7)}): ${check.result}`);
}
