import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import pg from "pg";
import { migrateToLatest } from "../src/store/migrations.js";
import { type DatabaseKind, openDatabase } from "../src/store/open-database.js";
import type { Db } from "../src/store/schema.js";

/** Where a bench store lives; plain data, so it can be handed to a child process as JSON. */
export interface BenchStore {
  kind: DatabaseKind;
  /** SQLite file, or PostgreSQL connection string. */
  location: string;
  /** PostgreSQL schema of this store. */
  schema?: string;
}

async function onPostgres(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new, empty store: a file in a temp directory, or a PostgreSQL schema of its own. */
export async function createBenchStore(kind: DatabaseKind, postgresUrl: string): Promise<BenchStore> {
  if (kind === "postgres") {
    const schema = `bench_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    await onPostgres(postgresUrl, `create schema ${schema}`);
    return { kind, location: postgresUrl, schema };
  }
  return { kind, location: join(mkdtempSync(join(tmpdir(), "handoff-bench-")), "handoff.sqlite") };
}

/** Deletes the store: its temp directory, or its schema. */
export async function deleteBenchStore(store: BenchStore): Promise<void> {
  if (store.kind === "postgres") await onPostgres(store.location, `drop schema if exists ${store.schema} cascade`);
  else rmSync(dirname(store.location), { recursive: true, force: true });
}

/** Opens the store as the app does (migrated to the latest schema). */
export async function openBenchStore(store: BenchStore): Promise<Db> {
  const db = openDatabase({ kind: store.kind, location: store.location }, store.schema ? { schema: store.schema } : {});
  await migrateToLatest(db);
  return db;
}
