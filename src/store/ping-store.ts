import { sql } from "kysely";
import type { Db } from "./schema.js";

/** Resolves when the store answers a query, rejects with its error otherwise: /healthz, and the inbox telling a store that is down from a delivery that fails. */
export async function pingStore(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
