import type { DatabaseKind } from "../src/store/open-database.js";

export interface BenchOptions {
  store: DatabaseKind;
  json: boolean;
  /** PostgreSQL server for `--store postgres`; the bench works in a schema of its own and drops it after. */
  postgresUrl: string;
}

const USAGE = "usage: npm run bench -- [--json] [--store sqlite|postgres]";

/** Reads `--json` and `--store <kind>`; BENCH_DATABASE_URL overrides the PostgreSQL server. */
export function benchOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const options: BenchOptions = { store: "sqlite", json: false, postgresUrl: env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--json") options.json = true;
    else if (arg === "--store" || arg?.startsWith("--store=")) {
      const value = arg === "--store" ? argv[++i] : arg.slice("--store=".length);
      if (value !== "sqlite" && value !== "postgres") throw new Error(`--store takes "sqlite" or "postgres", got ${JSON.stringify(value)}; ${USAGE}`);
      options.store = value;
    } else throw new Error(`unknown option ${JSON.stringify(arg)}; ${USAGE}`);
  }
  return options;
}
