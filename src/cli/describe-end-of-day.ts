import type { InstallationTickReport } from "../scheduler/tick-installation.js";

/** One line per reminder and `/handoff off` reply a tick handled. */
export function describeEndOfDay(report: Pick<InstallationTickReport, "account" | "endOfDay">): string[] {
  const { account, endOfDay } = report;
  if (!endOfDay) return [];
  return [
    ...endOfDay.reminders.map((reminder) =>
      reminder.result === "failed"
        ? `${account}: reminder ${reminder.login} ${reminder.day} failed, retried at the next tick: ${reminder.error}`
        : `${account}: reminder ${reminder.login} ${reminder.day} ${reminder.result === "posted" ? "posted" : "being posted by another process"}`,
    ),
    ...endOfDay.daysOff.map((reply) => `${account}: /handoff of ${reply.login} ${reply.result} (${reply.comment})`),
  ];
}
