import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { readEnv } from "../server/read-env.js";
import { migrateToLatest } from "../store/migrations.js";
import { openDatabase } from "../store/open-database.js";
import { demoCommand } from "./demo-command.js";
import { parseAt, UsageError } from "./parse-at.js";
import { scheduleCommand } from "./schedule-command.js";
import { tickCommand } from "./tick-command.js";
import { validateCommand } from "./validate-command.js";

const USAGE = `usage: npm run --silent handoff -- <command> [options]
  tick [--at <ISO-8601 instant>]                      run the scheduled work due at that instant (default now)
  validate <file>                                     check a handoff.yml; exit 1 if invalid
  schedule [--config <file>] [--at <instant>] [--json]  next digest, briefs and reminders, in both zones
  demo                                                a scripted week of the real app against a GitHub stand-in; writes demo-output/`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { at: { type: "string" }, config: { type: "string" }, json: { type: "boolean", default: false } },
  });
  const [command, ...rest] = positionals;
  const print = (line: string) => console.log(line);
  // The same settings as `npm start`, which reads .env too.
  if (existsSync(".env")) process.loadEnvFile(".env");
  const env = readEnv();
  const openDb = async () => {
    const db = openDatabase(env.database);
    await migrateToLatest(db);
    return db;
  };
  switch (command) {
    case "validate":
      return validateCommand(rest[0], print);
    case "schedule":
      return scheduleCommand({ config: values.config, at: parseAt(values.at), json: values.json ?? false }, openDb, print);
    case "demo":
      return demoCommand(print);
    case "tick":
      return tickCommand({ at: parseAt(values.at), owner: env.owner, retentionDays: env.retentionDays }, openDb, print);
    default:
      print(USAGE);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
