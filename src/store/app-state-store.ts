import type { Db } from "./schema.js";

export async function readAppState(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom("app_state").select("value").where("key", "=", key).executeTakeFirst();
  return row?.value ?? null;
}

/**
 * Sets `key` to `next` only if it still holds `expected` (null: absent). Returns whether it did: of several
 * replicas racing on the same value, exactly one wins.
 */
export async function compareAndSetAppState(db: Db, key: string, expected: string | null, next: string): Promise<boolean> {
  if (expected === null) {
    const r = await db.insertInto("app_state").values({ key, value: next }).onConflict((oc) => oc.column("key").doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const r = await db.updateTable("app_state").set({ value: next }).where("key", "=", key).where("value", "=", expected).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
