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
    await tx.deleteFrom("config_checks").where("installation_id", "=", id).execute();
    await tx.deleteFrom("installations").where("id", "=", id).execute();
  });
}

/**
 * Records the installation's last permanent failure (null clears it). Returns true when it is news:
 * a new problem, or the same one not yet recorded this UTC day, so that it is logged about once a day.
 */
export async function recordProblem(db: Db, id: number, problem: string | null, now: string): Promise<boolean> {
  const row = await db.selectFrom("installations").select(["last_problem", "last_problem_at"]).where("id", "=", id).executeTakeFirst();
  if (!row) return problem !== null;
  if (problem === null) {
    if (row.last_problem !== null) await updateInstallation(db, id, { last_problem: null, last_problem_at: null });
    return false;
  }
  const news = row.last_problem !== problem || row.last_problem_at?.slice(0, 10) !== now.slice(0, 10);
  if (news) await updateInstallation(db, id, { last_problem: problem, last_problem_at: now });
  return news;
}
