import { createProbot } from "probot";
import { probotAppPort } from "../github/probot-app-port.js";
import { describeBriefs } from "./describe-briefs.js";
import { describeConfigChecks } from "./describe-config-checks.js";
import { describeEndOfDay } from "./describe-end-of-day.js";
import type { InstallationTickReport } from "../scheduler/tick-installation.js";
import { tick, type TickReport } from "../scheduler/tick.js";
import type { Db } from "../store/schema.js";

export function describeTick(report: TickReport): string {
  if ("error" in report) return `${report.account}: failed, retried at the next tick: ${report.error}`;
  const checks = describeConfigChecks(report);
  if (report.config !== "valid") return [`${report.account}: config ${report.config}, nothing scheduled`, ...checks].join("\n");
  const lines = [...describeDigest(report), ...describeEndOfDay(report), ...describeBriefs(report), ...checks];
  return lines.length > 0 ? lines.join("\n") : `${report.account}: nothing due`;
}

function describeDigest({ account, digest }: InstallationTickReport): string[] {
  if (!digest) return [];
  if (digest.result === "skipped") return [`${account}: digest ${digest.teamDate} skipped: nothing to show`];
  const prompts = digest.prompts ? `, ${digest.prompts} review prompt${digest.prompts === 1 ? "" : "s"}` : "";
  return [`${account}: digest ${digest.teamDate} posted as issue #${digest.issue}${prompts}`];
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
