import { sql, type Transaction } from "kysely";
import type { Database, Db } from "./schema.js";
import { chunked } from "./chunked.js";

/** An event key deleted on GitHub (a deleted comment), of one installation. */
export interface Deletion {
  installationId: number;
  key: string;
  /** When the deletion was received. */
  deletedAt: string;
}

// Keeps each statement well under SQLite's bound-parameter limit.
const PER_STATEMENT = 500;

/** Remembers deleted keys for good (until retention): a created or edited of one delivered later is not stored. */
export async function rememberDeletions(tx: Transaction<Database>, deletions: readonly Deletion[]): Promise<void> {
  for (const part of chunked(deletions, PER_STATEMENT)) {
    await tx
      .insertInto("deleted_events")
      .values(part.map((d) => ({ installation_id: d.installationId, key: d.key, deleted_at: d.deletedAt })))
      .onConflict((oc) => oc.columns(["installation_id", "key"]).doNothing())
      .execute();
  }
}

/**
 * Deletes the events among `keys` (of `installationIds`) whose key was deleted: those a deletion removes, and
 * any that a created or edited delivered after its deletion has just written. One indexed statement; it runs
 * after the batch's writes, so that on PostgreSQL a deletion committed by another replica meanwhile is seen.
 */
export async function dropDeletedEvents(tx: Transaction<Database>, installationIds: readonly number[], keys: readonly string[]): Promise<void> {
  if (installationIds.length === 0 || keys.length === 0) return;
  for (const part of chunked(keys, PER_STATEMENT)) {
    await tx
      .deleteFrom("events")
      .where("installation_id", "in", [...installationIds])
      .where("key", "in", part)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom("deleted_events")
            .select(sql`1`.as("one"))
            .whereRef("deleted_events.installation_id", "=", "events.installation_id")
            .whereRef("deleted_events.key", "=", "events.key"),
        ),
      )
      .execute();
  }
}

/** Forgets the deletions received before `before` (retention): GitHub redelivers for days, not months. */
export async function pruneDeletedEvents(db: Db, installationId: number, before: string): Promise<number> {
  const r = await db.deleteFrom("deleted_events").where("installation_id", "=", installationId).where("deleted_at", "<", before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
