import { afterEach, describe, expect, it } from "@jest/globals";
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createNetServer, type AddressInfo, type Server } from "node:net";
import type { SignedDelivery } from "../../bench/ingest/delivery-mix.js";
import { sendWithNodeHttp } from "../../bench/ingest/node-http-sender.js";
import { sendLoad } from "../../bench/ingest/send-load.js";

const deliveries: SignedDelivery[] = Array.from({ length: 40 }, (_, i) => ({
  name: i % 2 ? "push" : "issue_comment",
  id: `delivery-${i}`,
  body: Buffer.from(JSON.stringify({ n: i, text: "x".repeat(i * 3_000) })),
  signature: `sha256=${String(i).padStart(64, "0")}`,
}));

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function listen<T extends Server>(server: T): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
}

/** An HTTP server that keeps what it was sent and answers with `respond`. */
async function httpServer(respond: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void) {
  const received: { headers: IncomingMessage["headers"]; body: Buffer }[] = [];
  let connections = 0;
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      received.push({ headers: req.headers, body });
      respond(req, res, body);
    });
  });
  server.on("connection", () => connections++);
  return { url: await listen(server), received, connections: () => connections };
}

describe("the ingest bench's sender", () => {
  it("writes a delivery's request as node:http does, byte for byte", async () => {
    const delivery = deliveries[3]!;
    /** The bytes `send` writes for the delivery, as a server reads them. */
    const written = async (send: typeof sendLoad): Promise<string> => {
      let bytes = Buffer.alloc(0);
      const url = await listen(
        createNetServer((socket) =>
          socket.on("data", (chunk: Buffer) => {
            bytes = Buffer.concat([bytes, chunk]);
            const headEnd = bytes.indexOf("\r\n\r\n");
            if (headEnd >= 0 && bytes.length - headEnd - 4 >= delivery.body.length) socket.end("HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n");
          }),
        ),
      );
      await send(url, [delivery], 1);
      // The port differs from one server to the next; the rest must not.
      return bytes.toString("latin1").replace(/^Host: 127\.0\.0\.1:\d+\r$/m, "Host: 127.0.0.1:port\r");
    };
    const ours = await written(sendLoad);
    expect(ours).toBe(await written(sendWithNodeHttp));
    expect(ours).toContain(`\r\nx-github-delivery: ${delivery.id}\r\n`);
  });

  // `--sender node-http` runs the same rounds with node:http's client, to compare (docs/performance.md).
  const senders = [
    ["the bench's sender", sendLoad],
    ["node:http's client", sendWithNodeHttp],
  ] as const;

  it.each(senders)("%s sends every delivery once, over as many kept-alive connections as its concurrency, and times each answer", async (_sender, sendLoad) => {
    // Some answers arrive in two pieces, as a slow server's can.
    const server = await httpServer((req, res, body) => {
      res.writeHead(200, { "content-type": "text/plain", "content-length": 3 });
      if (body.length % 2) return res.end("ok\n");
      res.write("o");
      setTimeout(() => res.end("k\n"), 2);
    });
    const result = await sendLoad(server.url, deliveries, 4);
    expect(server.received.map((r) => [r.headers["x-github-delivery"], r.headers["x-github-event"], r.headers["x-hub-signature-256"], r.headers["content-type"], r.body.toString()]).sort()).toEqual(
      deliveries.map((d) => [d.id, d.name, d.signature, "application/json", d.body.toString()]).sort(),
    );
    expect([result.deliveries, result.latenciesMs.length, server.connections()]).toEqual([40, 40, 4]);
    expect(result.latenciesMs.every((ms) => ms > 0) && result.seconds > 0).toBe(true);
  });

  it.each(senders)("%s fails the run on an answer other than 200, naming the delivery", async (_sender, sendLoad) => {
    const server = await httpServer((req, res) => res.writeHead(req.headers["x-github-delivery"] === "delivery-7" ? 503 : 200, { "content-length": 0 }).end());
    await expect(sendLoad(server.url, deliveries, 2)).rejects.toThrow(`${server.url} answered 503 to push delivery delivery-7`);
  });

  it("fails the run when the server hangs up before answering", async () => {
    const server = await httpServer((req, res) => (req.headers["x-github-delivery"] === "delivery-5" ? req.socket.destroy() : res.writeHead(200, { "content-length": 0 }).end()));
    await expect(sendLoad(server.url, deliveries, 2)).rejects.toThrow(`${server.url} closed the connection before answering push delivery delivery-5`);
  });
});
