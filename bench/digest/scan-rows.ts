import { sql } from "kysely";
import { openBenchStore, type BenchStore } from "../bench-database.js";
import { DIGEST_DATE, INSTALLATION_ID } from "./organisation-week.js";

/** Reads the rows the digest covered (its id range), raw, in one query, three times: their count and the median time. */
export async function scanCoveredRows(store: BenchStore): Promise<{ rows: number; ms: number }> {
  const db = await openBenchStore(store);
  try {
    const post = await db.selectFrom("posts").select("detail").where("key", "=", `digest:${DIGEST_DATE}`).executeTakeFirstOrThrow();
    const { after, cutoff } = JSON.parse(post.detail) as { after: number; cutoff: number };
    const runs: { rows: number; ms: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      // The fastest plan for the range, as the digest reads it: by id, the installation checked on each row.
      const { rows } = await sql`select * from events where +installation_id = ${INSTALLATION_ID} and id > ${after} and id <= ${cutoff}`.execute(db);
      runs.push({ rows: rows.length, ms: performance.now() - started });
    }
    return runs.sort((a, b) => a.ms - b.ms)[1]!;
  } finally {
    await db.destroy();
  }
}
