import type { InstallationTickReport } from "../scheduler/tick-installation.js";

const RESULTS = { posted: "posted", skipped: "skipped: nothing came in", busy: "being posted by another process" } as const;

/** One line per start-of-day brief a tick decided. */
export function describeBriefs(report: Pick<InstallationTickReport, "account" | "briefs">): string[] {
  return (report.briefs ?? []).map((brief) =>
    brief.result === "failed"
      ? `${report.account}: brief ${brief.login} ${brief.day} failed, retried at the next tick: ${brief.error}`
      : `${report.account}: brief ${brief.login} ${brief.day} ${RESULTS[brief.result]}`,
  );
}
