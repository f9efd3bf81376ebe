import { createHmac, randomUUID } from "node:crypto";

export interface WebhookDelivery {
  /** The app's webhook endpoint, e.g. "http://127.0.0.1:3000/api/github/webhooks". */
  url: string;
  secret: string;
  /** The event name, sent as `X-GitHub-Event`. */
  name: string;
  payload: unknown;
  /** Sent as `X-GitHub-Delivery`; a random UUID when omitted. */
  deliveryId?: string;
}

export interface WebhookResponse {
  status: number;
  body: string;
  deliveryId: string;
}

/** POSTs a delivery signed like GitHub's (`X-Hub-Signature-256` over the exact body sent). */
export async function sendWebhook({ url, secret, name, payload, deliveryId = randomUUID() }: WebhookDelivery): Promise<WebhookResponse> {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/stand-in",
      "x-github-event": name,
      "x-github-delivery": deliveryId,
      "x-hub-signature-256": signature,
    },
    body,
  });
  return { status: response.status, body: await response.text(), deliveryId };
}
