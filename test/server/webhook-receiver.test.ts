import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { InboxRecord } from "../../src/inbox/inbox-frames.js";
import { webhookReceiver } from "../../src/server/webhook-receiver.js";

const SECRET = "receiver-secret";
const body = JSON.stringify({ action: "created", installation: { id: 1 } });
const signed = (text: string, secret = SECRET) => `sha256=${createHmac("sha256", secret).update(text).digest("hex")}`;
const delivery = { "content-type": "application/json", "x-github-event": "issue_comment", "x-github-delivery": "d-1", "x-hub-signature-256": signed(body) };

describe("the webhook route", () => {
  let server: Server;
  let url: string;
  const appended: InboxRecord[] = [];
  const logged: string[] = [];
  let diskFull = false;

  beforeAll(async () => {
    const receive = webhookReceiver({
      path: "/api/github/webhooks",
      secret: SECRET,
      now: () => "2026-10-29T09:00:00.000Z",
      log: { error: (_: object, message: string) => void logged.push(message) },
      append: async (record) => {
        if (diskFull) throw new Error("ENOSPC: no space left on device");
        appended.push(record);
      },
    });
    server = createServer((req, res) => void receive(req, res).then((handled) => handled || res.writeHead(418, { "content-length": 0 }).end()));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each([
    { case: "a signed delivery, appended as received", path: "/api/github/webhooks", method: "POST", headers: delivery, status: 200, answer: "ok\n" },
    { case: "another path, left to the next handler", path: "/healthz", method: "POST", headers: delivery, status: 418, answer: "" },
    { case: "another method", path: "/api/github/webhooks", method: "PUT", headers: delivery, status: 404, answer: '{"error":"Unknown route: PUT /api/github/webhooks"}' },
    { case: "a body that is not JSON", path: "/api/github/webhooks", method: "POST", headers: { ...delivery, "content-type": "application/x-www-form-urlencoded" }, status: 415, answer: '{"error":"Unsupported \\"Content-Type\\" header value. Must be \\"application/json\\""}' },
    { case: "no delivery id nor event", path: "/api/github/webhooks", method: "POST", headers: { ...delivery, "x-github-event": "", "x-github-delivery": "" }, status: 400, answer: '{"error":"Required headers missing: x-github-event, x-github-delivery"}' },
    {
      case: "another secret's signature",
      path: "/api/github/webhooks",
      method: "POST",
      headers: { ...delivery, "x-hub-signature-256": signed(body, "wrong") },
      status: 400,
      answer: `{"error":"signature does not match event payload and secret: check that WEBHOOK_SECRET is the app's webhook secret (the app's settings on GitHub)"}`,
    },
  ])("answers $status to $case", async ({ path, method, headers, status, answer }) => {
    const before = appended.length;
    const response = await fetch(`${url}${path}`, { method, headers, body });
    // Framed by its length, as Probot's route answers, not in chunked encoding.
    expect([response.status, response.headers.get("content-length"), await response.text()]).toEqual([status, String(Buffer.byteLength(answer)), answer]);
    expect(appended.slice(before).map((r) => [r.id, r.name, r.receivedAt, r.body.toString("utf8")])).toEqual(status === 200 ? [["d-1", "issue_comment", "2026-10-29T09:00:00.000Z", body]] : []);
  });

  it("appends a body that arrives in many pieces as sent", async () => {
    // Past a socket read's 64 KB, so the route gathers several pieces.
    const large = JSON.stringify({ action: "created", installation: { id: 1 }, comment: { body: "é".repeat(150_000) } });
    const before = appended.length;
    const response = await fetch(`${url}/api/github/webhooks`, { method: "POST", headers: { ...delivery, "x-hub-signature-256": signed(large) }, body: large });
    expect([response.status, await response.text()]).toEqual([200, "ok\n"]);
    expect(appended.slice(before).map((r) => r.body.equals(Buffer.from(large)))).toEqual([true]);
  });

  it("answers 503 when the inbox cannot take the delivery, so GitHub counts it as failed and it is redelivered", async () => {
    diskFull = true;
    const response = await fetch(`${url}/api/github/webhooks`, { method: "POST", headers: delivery, body });
    diskFull = false;
    expect([response.status, await response.text()]).toEqual([503, '{"error":"the delivery could not be stored; it will be redelivered"}']);
    expect(logged).toEqual(["could not write a webhook to the inbox; GitHub will redeliver it"]);
  });
});
