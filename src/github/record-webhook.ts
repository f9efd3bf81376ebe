import type { Logger } from "pino";
import { effectsOfWebhook, MalformedPayloadError } from "./events-from-webhook.js";
import { markConfigDirty, purgeInstallation } from "../store/installations-store.js";
import { recordDelivery } from "../store/events-store.js";
import type { Db } from "../store/schema.js";

export interface Delivery {
  id: string;
  name: string;
  payload: unknown;
}

export type RecordOutcome = "recorded" | "duplicate" | "purged" | "skipped";

const installationOf = (payload: unknown): number | undefined => {
  const id = (payload as { installation?: { id?: unknown } } | null)?.installation?.id;
  return typeof id === "number" ? id : undefined;
};

/**
 * Records a delivery durably before the webhook is answered. It makes no GitHub call; a payload of an
 * unexpected shape is logged with its delivery id and skipped.
 */
export async function recordWebhook(db: Db, delivery: Delivery, receivedAt: string, log: Pick<Logger, "warn" | "debug">): Promise<RecordOutcome> {
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
  const fresh = await recordDelivery(db, { deliveryId: delivery.id, installationId, receivedAt, ...effects });
  if (fresh && effects.configChanged) await markConfigDirty(db, installationId);
  return fresh ? "recorded" : "duplicate";
}
