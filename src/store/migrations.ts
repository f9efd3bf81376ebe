import type { Db } from "./schema.js";
import { type Kysely, type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from "kysely";

/** One migration set for SQLite and PostgreSQL; only the auto-increment key differs. */
export const migrations: Record<string, Migration> = {
  "001_initial": {
    async up(db: Kysely<unknown>) {
      const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
      await db.schema
        .createTable("installations")
        .addColumn("id", "bigint", (c) => c.primaryKey())
        .addColumn("account", "text", (c) => c.notNull())
        .addColumn("config_state", "text", (c) => c.notNull().defaultTo("unknown"))
        .addColumn("config_json", "text")
        .addColumn("config_problems", "text")
        .addColumn("config_dirty", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("config_read_at", "text")
        .addColumn("first_config_at", "text")
        .execute();
      await db.schema
        .createTable("deliveries")
        .addColumn("delivery_id", "text", (c) => c.primaryKey())
        .addColumn("installation_id", "bigint", (c) => c.notNull())
        .addColumn("received_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("deliveries_by_installation").on("deliveries").columns(["installation_id", "received_at"]).execute();
      await db.schema
        .createTable("events")
        .addColumn("id", postgres ? "bigserial" : "integer", (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn("installation_id", "bigint", (c) => c.notNull())
        .addColumn("key", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("actor", "text", (c) => c.notNull())
        .addColumn("repo", "text", (c) => c.notNull())
        .addColumn("number", "integer")
        .addColumn("subject_author", "text")
        .addColumn("occurred_at", "text", (c) => c.notNull())
        .addColumn("recorded_at", "text", (c) => c.notNull())
        .addColumn("url", "text")
        .addColumn("data", "text", (c) => c.notNull())
        .addColumn("digest_date", "text")
        .addUniqueConstraint("events_key", ["installation_id", "key"])
        .execute();
      await db.schema.createIndex("events_unshown").on("events").columns(["installation_id", "digest_date", "id"]).execute();
      await db.schema.createIndex("events_by_time").on("events").columns(["installation_id", "occurred_at"]).execute();
      await db.schema
        .createTable("posts")
        .addColumn("installation_id", "bigint", (c) => c.notNull())
        .addColumn("key", "text", (c) => c.notNull())
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("lease_until", "text", (c) => c.notNull())
        .addColumn("claimed_by", "text", (c) => c.notNull())
        .addColumn("detail", "text", (c) => c.notNull().defaultTo(sql`'{}'`))
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("posts_pk", ["installation_id", "key"])
        .execute();
    },
  },
  "002_end_of_day": {
    async up(db: Kysely<unknown>) {
      // Decisions and log issues read whole threads; reminder drafts read one contractor's day.
      await db.schema.createIndex("events_by_thread").on("events").columns(["installation_id", "number", "repo"]).execute();
      await db.schema.createIndex("events_by_actor").on("events").columns(["installation_id", "actor", "occurred_at"]).execute();
    },
  },
  "003_config_checks": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("config_checks")
        .addColumn("installation_id", "bigint", (c) => c.notNull())
        .addColumn("head_sha", "text", (c) => c.notNull())
        .addColumn("repo", "text", (c) => c.notNull())
        .addColumn("number", "integer", (c) => c.notNull())
        .addColumn("requested_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("config_checks_pk", ["installation_id", "head_sha"])
        .execute();
    },
  },
  "005_pull_request_events": {
    async up(db: Kysely<unknown>) {
      // Partial: pull_request events are a few in a thousand, so webhooks pay almost nothing for it, and each
      // digest reads its pull requests' states without walking every event kept.
      await db.schema.createIndex("events_pull_requests").on("events").columns(["installation_id", "repo"]).where(sql<boolean>`kind = 'pull_request'`).execute();
    },
  },
  "006_operations": {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("installations").addColumn("last_problem", "text").execute();
      await db.schema.alterTable("installations").addColumn("last_problem_at", "text").execute();
      await db.schema
        .createTable("app_state")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .execute();
    },
  },
  "007_digest_watermark": {
    async up(db: Kysely<unknown>) {
      // A digest now covers the events with ids above the previous digest's cut-off, so nothing marks rows
      // shown. Every index here is written by every webhook: commits (most rows) now write three, not six.
      await db.schema.dropIndex("events_unshown").execute();
      await db.schema.alterTable("events").dropColumn("digest_date").execute();
      // A contractor's day reads the time index; decisions and log issues read comments and threads only.
      await db.schema.dropIndex("events_by_actor").execute();
      await db.schema.createIndex("events_comments").on("events").columns(["installation_id", "actor"]).where(sql<boolean>`kind = 'comment'`).execute();
      await db.schema.dropIndex("events_by_thread").execute();
      await db.schema.createIndex("events_by_thread").on("events").columns(["installation_id", "number", "repo"]).where(sql<boolean>`number is not null`).execute();
    },
  },
  "008_pushes": {
    async up(db: Kysely<unknown>) {
      // A push is now one row per author with its commits; a row recorded as one commit becomes a push of one.
      const store = db as unknown as Db;
      for (;;) {
        const rows = await store.selectFrom("events").select(["id", "url", "data"]).where("kind", "=", "commit").limit(1000).execute();
        if (rows.length === 0) return;
        for (const row of rows) {
          const { sha, message, branch, pusher } = JSON.parse(row.data) as Record<string, string>;
          await store
            .updateTable("events")
            .set({ kind: "push", url: row.url?.replace(/\/commit\/[^/]+$/, "") ?? null, data: JSON.stringify({ branch, pusher, commits: [{ sha, message }] }) })
            .where("id", "=", row.id)
            .execute();
        }
      }
    },
  },
  "009_push_commits_column": {
    async up(db: Kysely<unknown>) {
      // A push's commits get a column of their own, so that a digest reads them only for the pushes it shows.
      await db.schema.alterTable("events").addColumn("commits", "text").execute();
    },
  },
  "010_push_commits": {
    async up(db: Kysely<unknown>) {
      // Pushes recorded before 009 hold their commits in `data`: they move to the column, and `data` gets their count.
      const store = db as unknown as Db;
      for (;;) {
        const rows = await store.selectFrom("events").select(["id", "data"]).where("kind", "=", "push").where("commits", "is", null).limit(1000).execute();
        if (rows.length === 0) return;
        for (const row of rows) {
          const { commits, ...rest } = JSON.parse(row.data) as { commits: unknown[] };
          await store
            .updateTable("events")
            .set({ data: JSON.stringify({ ...rest, count: commits.length }), commits: JSON.stringify(commits) })
            .where("id", "=", row.id)
            .execute();
        }
      }
    },
  },
  "011_comments_by_time": {
    async up(db: Kysely<unknown>) {
      // Comments by an actor within a time window (the digest's updates, a contractor's day) are found by seeking
      // each actor's range, rather than by walking every event of the window or every comment of the actor.
      await db.schema.dropIndex("events_comments").execute();
      await db.schema
        .createIndex("events_comments")
        .on("events")
        .columns(["installation_id", "actor", "occurred_at"])
        .where(sql<boolean>`kind = 'comment'`)
        .execute();
    },
  },
  "012_logins_in_lower_case": {
    async up(db: Kysely<unknown>) {
      // Logins are now stored in lower case (stored-login.ts), so that a config spelling one differently matches.
      await sql`update events set actor = lower(actor), subject_author = lower(subject_author) where actor <> lower(actor) or subject_author <> lower(subject_author)`.execute(db);
    },
  },
  "013_edit_times": {
    async up(db: Kysely<unknown>) {
      // An edit's time is stored, so that an older edit delivered late does not replace a newer one. (A deleted
      // comment leaves a row of kind "deleted" under its key: see delivery-batches.ts.)
      await db.schema.alterTable("events").addColumn("edited_at", "text").execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date. Kysely's migrator takes a lock, so replicas starting together are safe. */
export async function migrateToLatest(db: Db): Promise<void> {
  // Kysely looks for its migration tables in every schema unless told which: another schema's would hide ours.
  const migrationTableSchema =
    db.getExecutor().adapter instanceof PostgresAdapter ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const { error, results } = await new Migrator({ db: db as unknown as Kysely<unknown>, provider, migrationTableSchema }).migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ""} failed: ${String(error)}`);
  }
}
