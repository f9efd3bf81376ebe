import type { DatabaseKind } from "../src/store/open-database.js";

/** Who sends the ingest rounds' deliveries: the bench's own sender, or node:http's client (until session 10), to compare. */
export type Sender = "bench" | "node-http";

export interface BenchOptions {
  store: DatabaseKind;
  sender: Sender;
  json: boolean;
  /** PostgreSQL server for `--store postgres`; the bench works in a schema of its own and drops it after. */
  postgresUrl: string;
}

const USAGE = "usage: npm run bench -- [--json] [--store sqlite|postgres] [--sender bench|node-http]";

/** Reads `--json`, `--store <kind>` and `--sender <who>`; BENCH_DATABASE_URL overrides the PostgreSQL server. */
export function benchOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const options: BenchOptions = { store: "sqlite", sender: "bench", json: false, postgresUrl: env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const choice = <T extends string>(allowed: readonly T[]): T => {
      const value = inline ?? argv[++i];
      if (!allowed.includes(value as T)) throw new Error(`${name} takes ${allowed.map((a) => `"${a}"`).join(" or ")}, got ${JSON.stringify(value)}; ${USAGE}`);
      return value as T;
    };
    if (arg === "--json") options.json = true;
    else if (name === "--store") options.store = choice(["sqlite", "postgres"] as const);
    else if (name === "--sender") options.sender = choice(["bench", "node-http"] as const);
    else throw new Error(`unknown option ${JSON.stringify(arg)}; ${USAGE}`);
  }
  return options;
}
