import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import pg from "pg";
import type { Database, Db } from "./schema.js";
import { withStatementCache } from "./statement-cache.js";

export type DatabaseKind = "sqlite" | "postgres";

export interface DatabaseTarget {
  kind: DatabaseKind;
  /** File path for SQLite, connection string for PostgreSQL. */
  location: string;
}

/** Reads DATABASE_URL: unset or a path or `sqlite:<path>` is SQLite; `postgres://` / `postgresql://` is PostgreSQL. */
export function databaseTarget(url: string | undefined, defaultPath = "data/handoff.sqlite"): DatabaseTarget {
  if (!url) return { kind: "sqlite", location: defaultPath };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", location: url };
  return { kind: "sqlite", location: url.replace(/^sqlite:/, "") };
}

// BIGINT ids fit in a JS number; read them as numbers rather than strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export function openDatabase(target: DatabaseTarget, options: { schema?: string } = {}): Db {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({
      connectionString: target.location,
      max: 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  if (target.location !== ":memory:") mkdirSync(dirname(target.location), { recursive: true });
  const sqlite = new BetterSqlite3(target.location);
  // WAL lets the CLI read while the server writes; busy_timeout waits for the other process's lock.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // Webhooks dirty index pages all over (delivery ids and event keys are random); a checkpoint every 4,000
  // pages (16 MB of WAL) instead of 1,000 copies each page back once for many commits: a fifth less CPU a delivery.
  sqlite.pragma("wal_autocheckpoint = 4000");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}
