import { readFileSync } from "node:fs";
import { formatProblem, parseConfig } from "../config/parse-config.js";
import type { HandoffConfig } from "../config/schema.js";
import { renderScheduleText, scheduleReport } from "../domain/schedule-report.js";
import { loadEndOfDayState } from "../scheduler/end-of-day-state.js";
import type { Db } from "../store/schema.js";

export interface ScheduleOptions {
  config?: string;
  at: string;
  json: boolean;
}

/** `handoff schedule`: offline from a file with --config, else for every installation with a valid stored config. */
export async function scheduleCommand(options: ScheduleOptions, openDb: () => Promise<Db>, print: (line: string) => void): Promise<number> {
  const configs: { name: string; config: HandoffConfig }[] = [];
  if (options.config) {
    const parsed = parseConfig(readFileSync(options.config, "utf8"));
    if (!parsed.ok) {
      print(`${options.config} is invalid:`);
      parsed.problems.forEach((p) => print(`  ${formatProblem(p)}`));
      return 1;
    }
    configs.push({ name: options.config, config: parsed.config });
  } else {
    const db = await openDb();
    try {
      const rows = await db
        .selectFrom("installations")
        .select(["id", "account", "config_state", "config_json", "last_problem", "last_problem_at"])
        .orderBy("account")
        .execute();
      for (const row of rows) {
        if (row.last_problem && !options.json) print(`${row.account}: PROBLEM since ${row.last_problem_at}: ${row.last_problem}`);
        if (row.config_state === "valid" && row.config_json) {
          // Days off recorded with `/handoff off` count, as they do for the reminders and briefs.
          const { config } = await loadEndOfDayState({ db, installationId: row.id }, JSON.parse(row.config_json) as HandoffConfig);
          configs.push({ name: row.account, config });
        } else if (!options.json) print(`${row.account}: config ${row.config_state}`);
      }
    } finally {
      await db.destroy();
    }
  }
  const reports = configs.map(({ name, config }) => ({ name, report: scheduleReport(config, options.at) }));
  if (options.json) {
    print(JSON.stringify(options.config ? reports[0]!.report : Object.fromEntries(reports.map((r) => [r.name, r.report]))));
  } else {
    reports.forEach(({ name, report }) => print(`${name}\n${renderScheduleText(report)}`));
  }
  return 0;
}
