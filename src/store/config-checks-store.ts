import type { ConfigCheckRequest } from "../github/config-check-request.js";
import type { Db } from "./schema.js";

export interface PendingConfigCheck extends ConfigCheckRequest {
  requestedAt: string;
}

/** Queues a config check of a pull request head; a repeat of the same head changes nothing. */
export async function requestConfigCheck(db: Db, installationId: number, request: ConfigCheckRequest, requestedAt: string): Promise<void> {
  await db
    .insertInto("config_checks")
    .values({ installation_id: installationId, head_sha: request.headSha, repo: request.repo, number: request.number, requested_at: requestedAt })
    .onConflict((oc) => oc.columns(["installation_id", "head_sha"]).doNothing())
    .execute();
}

/** The installation's queued config checks, oldest first. */
export async function pendingConfigChecks(db: Db, installationId: number, limit: number): Promise<PendingConfigCheck[]> {
  const rows = await db
    .selectFrom("config_checks")
    .selectAll()
    .where("installation_id", "=", installationId)
    .orderBy("requested_at")
    .orderBy("head_sha")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ repo: r.repo, number: r.number, headSha: r.head_sha, requestedAt: r.requested_at }));
}

export async function dropConfigCheck(db: Db, installationId: number, headSha: string): Promise<void> {
  await db.deleteFrom("config_checks").where("installation_id", "=", installationId).where("head_sha", "=", headSha).execute();
}
