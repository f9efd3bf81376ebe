import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { InboxRecord } from "../inbox/inbox-frames.js";

/** Probot's default webhook route (its `WEBHOOK_PATH`). */
export const DEFAULT_WEBHOOK_PATH = "/api/github/webhooks";

export interface ReceiverOptions {
  /** Probot's webhook path (`WEBHOOK_PATH`, default DEFAULT_WEBHOOK_PATH). */
  path: string;
  secret: string;
  append(record: InboxRecord): Promise<void>;
  now(): string;
  log: { error(fields: object, message: string): void };
}

// GitHub caps a webhook's payload at 25 MB.
const MOST_BYTES = 26 * 1024 * 1024;
const JSON_TYPE = /^\s*application\/json\s*(?:;|$)/;
/** A delivery's event name, id and signature, in that order. */
const DELIVERY_HEADERS = ["x-github-event", "x-github-delivery", "x-hub-signature-256"] as const;

const answer = (res: ServerResponse, status: number, error?: string) => {
  const [type, text] = error === undefined ? ["text/plain", "ok\n"] : ["application/json", JSON.stringify({ error })];
  // With its length, as Probot's route answers: without it Node frames these few bytes in chunked encoding.
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(text) }).end(text);
  return true;
};

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
};

/** The body as sent, or null past GitHub's cap (events, not an async iterator: a fifth less CPU a delivery). */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    req.on("data", (chunk: Buffer) => {
      length += chunk.length;
      if (length <= MOST_BYTES) chunks.push(chunk);
    });
    // A body that came in one piece (most, over one connection's read) is kept as it came, not copied.
    req.on("end", () => resolve(length > MOST_BYTES ? null : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length)));
    req.on("error", reject);
  });
}

/**
 * GitHub's `X-Hub-Signature-256` check, over the bytes as received. @octokit/webhooks-methods (Probot's) does the
 * same over a string, which would decode and encode every body once more only to check it.
 */
function signedWith(secret: string, body: Buffer, signature: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The webhook route: checks the signature as Probot does, appends the delivery to the
 * inbox, and only then answers 200. Nothing is parsed here: the projector does that on its own thread.
 * Answers as Probot's route does to a request that is not a delivery.
 */
export function webhookReceiver(options: ReceiverOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.url?.split("?")[0] !== options.path) return false;
    if (req.method !== "POST") return answer(res, 404, `Unknown route: ${req.method} ${options.path}`);
    if (!JSON_TYPE.test(header(req, "content-type") ?? "")) return answer(res, 415, 'Unsupported "Content-Type" header value. Must be "application/json"');
    const values = DELIVERY_HEADERS.map((h) => header(req, h));
    const missing = DELIVERY_HEADERS.filter((_, i) => !values[i]);
    const [name, id, signature] = values;
    if (missing.length > 0) return answer(res, 400, `Required headers missing: ${missing.join(", ")}`);
    const body = await readBody(req);
    if (body === null) return answer(res, 413, `A webhook payload is at most 25 MB`);
    if (!signedWith(options.secret, body, signature!)) {
      return answer(res, 400, "signature does not match event payload and secret: check that WEBHOOK_SECRET is the app's webhook secret (the app's settings on GitHub)");
    }
    try {
      await options.append({ id: id!, name: name!, receivedAt: options.now(), body });
    } catch (error) {
      // Not answered 2xx, so GitHub counts the delivery as failed and the start-up sweep asks for it again.
      options.log.error({ err: error, delivery: id }, "could not write a webhook to the inbox; GitHub will redeliver it");
      return answer(res, 503, "the delivery could not be stored; it will be redelivered");
    }
    return answer(res, 200);
  };
}
