import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { migrateToLatest } from "../../src/store/migrations.js";
import { type DatabaseKind, openDatabase } from "../../src/store/open-database.js";
import type { Db } from "../../src/store/schema.js";

export interface TestDatabase {
  kind: DatabaseKind;
  /** A fresh, migrated database (a temp SQLite file, or a PostgreSQL schema of its own). */
  open(): Promise<Db>;
  /** Opens the same database again, as a restarted process or a second replica would. */
  reopen(): Db;
  /** A DATABASE_URL for child processes, reaching the same database (run `open()` first). */
  url(): string;
  /** Closes every connection and deletes the database. */
  dispose(): Promise<void>;
}

function sqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), "handoff-test-"));
  const file = join(dir, "handoff.sqlite");
  const opened: Db[] = [];
  const reopen = () => {
    const db = openDatabase({ kind: "sqlite", location: file });
    opened.push(db);
    return db;
  };
  return {
    kind: "sqlite",
    async open() {
      const db = reopen();
      await migrateToLatest(db);
      return db;
    },
    reopen,
    url: () => file,
    async dispose() {
      await Promise.all(opened.map((db) => db.destroy()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresDatabase(url: string): TestDatabase {
  const schema = `test_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const opened: Db[] = [];
  const reopen = () => {
    const db = openDatabase({ kind: "postgres", location: url }, { schema });
    opened.push(db);
    return db;
  };
  return {
    kind: "postgres",
    async open() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`create schema ${schema}`);
      await client.end();
      const db = reopen();
      await migrateToLatest(db);
      return db;
    },
    reopen,
    url: () => {
      const withSchema = new URL(url);
      withSchema.searchParams.set("options", `-c search_path=${schema}`);
      return withSchema.href;
    },
    async dispose() {
      await Promise.all(opened.map((db) => db.destroy()));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set. Use with `describe.each`. */
export function testDatabases(): [DatabaseKind, () => TestDatabase][] {
  const url = process.env.TEST_DATABASE_URL;
  const list: [DatabaseKind, () => TestDatabase][] = [["sqlite", sqliteDatabase]];
  if (url) list.push(["postgres", () => postgresDatabase(url)]);
  return list;
}
