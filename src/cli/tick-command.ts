import { createProbot } from "probot";
import { probotAppPort } from "../github/probot-app-port.js";
import { tick, type TickReport } from "../scheduler/tick.js";
import type { Db } from "../store/schema.js";

export function describeTick(report: TickReport): string {
  if ("error" in report) return `${report.account}: failed, retried at the next tick: ${report.error}`;
  if (report.config !== "valid") return `${report.account}: config ${report.config}, nothing scheduled`;
  const { digest } = report;
  if (!digest) return `${report.account}: nothing due`;
  return digest.result === "posted"
    ? `${report.account}: digest ${digest.teamDate} posted as issue #${digest.issue}`
    : `${report.account}: digest ${digest.teamDate} skipped: nothing to show`;
}

/** `handoff tick [--at]`: runs the work due at that instant for every installation, as the app. */
export async function tickCommand(options: { at: string; owner: string; retentionDays: number }, openDb: () => Promise<Db>, print: (line: string) => void): Promise<number> {
  const probot = createProbot();
  const db = await openDb();
  try {
    const reports = await tick({ db, app: probotAppPort(probot), now: options.at, owner: options.owner, retentionDays: options.retentionDays, log: probot.log });
    if (reports.length === 0) print("no installations");
    reports.forEach((r) => print(describeTick(r)));
    return reports.some((r) => "error" in r) ? 1 : 0;
  } finally {
    await db.destroy();
  }
}
