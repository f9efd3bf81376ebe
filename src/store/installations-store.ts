import type { Selectable, Updateable } from "kysely";
import type { Db, InstallationTable } from "./schema.js";

export type InstallationRow = Selectable<InstallationTable>;

/** Returns the installation's row, creating it (config not read yet) the first time. */
export async function ensureInstallation(db: Db, id: number, account: string): Promise<InstallationRow> {
  await db
    .insertInto("installations")
    .values({ id, account, config_state: "unknown", config_dirty: 1 })
    .onConflict((oc) => oc.column("id").doUpdateSet({ account }))
    .execute();
  return db.selectFrom("installations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

export async function updateInstallation(db: Db, id: number, values: Updateable<InstallationTable>): Promise<void> {
  await db.updateTable("installations").set(values).where("id", "=", id).execute();
}

/** A push touched the config file: the next tick reads it again. */
export async function markConfigDirty(db: Db, id: number): Promise<void> {
  await db.updateTable("installations").set({ config_dirty: 1 }).where("id", "=", id).execute();
}

/** Deletes everything stored for an installation (installation.deleted). */
export async function purgeInstallation(db: Db, id: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom("events").where("installation_id", "=", id).execute();
    await tx.deleteFrom("deliveries").where("installation_id", "=", id).execute();
    await tx.deleteFrom("posts").where("installation_id", "=", id).execute();
    await tx.deleteFrom("installations").where("id", "=", id).execute();
  });
}
