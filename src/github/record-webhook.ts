import type { Logger } from "pino";
import { effectsOfWebhook, MalformedPayloadError } from "./events-from-webhook.js";
import { markConfigDirty, purgeInstallation } from "../store/installations-store.js";
import { type RecordedDelivery, recordDelivery } from "../store/delivery-batches.js";
import { requestConfigCheck } from "../store/config-checks-store.js";
import type { Db } from "../store/schema.js";
import { type CompareCommits, completeTruncatedPush } from "./compare-commits.js";

export interface Delivery {
  id: string;
  name: string;
  payload: unknown;
}

/** Commits a delivery's events; false when its id was recorded before. The store's own, or a writer thread's. */
export type RecordDelivery = (delivery: RecordedDelivery) => Promise<boolean>;

export type RecordOutcome = "recorded" | "duplicate" | "purged" | "skipped";

const installationOf = (payload: unknown): number | undefined => {
  const id = (payload as { installation?: { id?: unknown } } | null)?.installation?.id;
  return typeof id === "number" ? id : undefined;
};

/**
 * Records a delivery durably before the webhook is answered. It makes no GitHub call but the compare
 * call of a push cut at 2048 commits; a payload of an unexpected shape is logged with its delivery id and skipped.
 */
export async function recordWebhook(
  db: Db,
  delivery: Delivery,
  receivedAt: string,
  log: Pick<Logger, "warn" | "debug">,
  compare: CompareCommits,
  record: RecordDelivery = (recorded) => recordDelivery(db, recorded),
): Promise<RecordOutcome> {
  const installationId = installationOf(delivery.payload);
  if (installationId === undefined) return "skipped";
  let effects;
  try {
    effects = effectsOfWebhook(delivery.name, delivery.payload);
  } catch (error) {
    if (!(error instanceof MalformedPayloadError)) throw error;
    log.warn({ delivery: delivery.id, event: delivery.name }, `skipped a malformed webhook: ${error.message}`);
    return "skipped";
  }
  if (effects.purgeInstallation) {
    await purgeInstallation(db, installationId);
    return "purged";
  }
  // A compare failure (5xx, rate limit) fails the delivery before anything is stored, so GitHub's redelivery completes it.
  const { insert, complete } = await completeTruncatedPush(effects, compare);
  if (!complete) {
    const push = effects.truncatedPush!;
    log.warn({ delivery: delivery.id, repo: push.repo, branch: push.branch }, `a push of more than 2048 commits to ${push.repo} ${push.branch} could not be compared with ${push.base ?? "an earlier head"}: recorded the 2048 its webhook carries`);
  }
  const fresh = await record({ deliveryId: delivery.id, installationId, receivedAt, ...effects, insert });
  // Also for a repeated delivery: it may follow a crash before these steps, and both are idempotent
  // (a config read once more; a check posted once per head).
  if (effects.configChanged) await markConfigDirty(db, installationId);
  if (effects.configCheck) await requestConfigCheck(db, installationId, effects.configCheck, receivedAt);
  return fresh ? "recorded" : "duplicate";
}
