import { effectsOfWebhook, MalformedPayloadError, type WebhookEffects } from "./events-from-webhook.js";
import { markConfigDirty, purgeInstallation } from "../store/installations-store.js";
import { recordDelivery } from "../store/delivery-batches.js";
import { requestConfigCheck } from "../store/config-checks-store.js";
import type { Db } from "../store/schema.js";
import { type CompareCommits, completeTruncatedPush } from "./compare-commits.js";

export interface Delivery {
  id: string;
  name: string;
  payload: unknown;
}

/** Where recording a webhook logs what it skipped or could not complete. */
export interface WebhookLog {
  warn(fields: object, message: string): void;
}

/** What a delivery does to the store, worked out from its payload (which it does not keep). */
export interface MappedWebhook {
  id: string;
  installationId: number;
  effects: WebhookEffects;
}

const installationOf = (payload: unknown): number | undefined => {
  const id = (payload as { installation?: { id?: unknown } } | null)?.installation?.id;
  return typeof id === "number" ? id : undefined;
};

/** Maps a delivery; null when it has nothing to record: no installation, or a payload of an unexpected shape (logged with its delivery id). */
export function mapWebhook(delivery: Delivery, log: WebhookLog): MappedWebhook | null {
  const installationId = installationOf(delivery.payload);
  if (installationId === undefined) return null;
  try {
    return { id: delivery.id, installationId, effects: effectsOfWebhook(delivery.name, delivery.payload) };
  } catch (error) {
    if (!(error instanceof MalformedPayloadError)) throw error;
    log.warn({ delivery: delivery.id, event: delivery.name }, `skipped a malformed webhook: ${error.message}`);
    return null;
  }
}

/** Records a mapped delivery in the store. It makes no GitHub call but the compare call of a push cut at 2048 commits. */
export async function recordWebhook(db: Db, webhook: MappedWebhook, receivedAt: string, log: WebhookLog, compare: CompareCommits): Promise<void> {
  const { installationId, effects } = webhook;
  if (effects.purgeInstallation) {
    await purgeInstallation(db, installationId);
    return;
  }
  // A compare failure (5xx, rate limit) fails the delivery before anything is stored, so the inbox's next attempt completes it.
  const { insert, complete } = await completeTruncatedPush(effects, compare);
  if (!complete) {
    const push = effects.truncatedPush!;
    log.warn({ delivery: webhook.id, repo: push.repo, branch: push.branch }, `a push of more than 2048 commits to ${push.repo} ${push.branch} could not be compared with ${push.base ?? "an earlier head"}: recorded the 2048 its webhook carries`);
  }
  await recordDelivery(db, { deliveryId: webhook.id, installationId, receivedAt, ...effects, insert });
  // Also for a repeated delivery: it may follow a crash before these steps, and both are idempotent
  // (a config read once more; a check posted once per head).
  if (effects.configChanged) await markConfigDirty(db, installationId);
  if (effects.configCheck) await requestConfigCheck(db, installationId, effects.configCheck, receivedAt);
}
