import { connect } from "node:net";
import type { SignedDelivery } from "./delivery-mix.js";

export interface LoadResult {
  deliveries: number;
  seconds: number;
  /** Per delivery, from sending the request to the end of the answer. */
  latenciesMs: number[];
}

const HEAD_END = Buffer.from("\r\n\r\n");

/** A delivery's headers as GitHub sends them, in the order both senders write them. */
export const deliveryHeaders = (delivery: SignedDelivery): [string, string][] => [
  ["content-type", "application/json"],
  ["content-length", String(delivery.body.length)],
  ["x-github-event", delivery.name],
  ["x-github-delivery", delivery.id],
  ["x-hub-signature-256", delivery.signature],
];

/** What fails a run: a server that did not take a delivery. */
export const refused = (url: string, status: number, delivery: SignedDelivery): Error =>
  new Error(`${url} answered ${status} to ${delivery.name} delivery ${delivery.id}; run with LOG_LEVEL=debug to see why`);

/**
 * The request's head as node:http writes it for `http.request(url, { method: "POST", headers })` with these
 * headers, byte for byte: both servers read what they would read from node:http (test/bench/send-load.test.ts).
 */
function requestHead(url: URL, delivery: SignedDelivery): Buffer {
  const head = [`POST ${url.pathname}${url.search} HTTP/1.1`, ...deliveryHeaders(delivery).map(([name, value]) => `${name}: ${value}`), `Host: ${url.host}`, "Connection: keep-alive"];
  return Buffer.from(`${head.join("\r\n")}\r\n\r\n`, "latin1");
}

/** The length of the whole response at the start of `bytes` (head and body), or undefined until it is all there. */
function responseLength(bytes: Buffer, url: string, delivery: SignedDelivery): number | undefined {
  const headEnd = bytes.indexOf(HEAD_END);
  if (headEnd < 0) return undefined;
  const head = bytes.toString("latin1", 0, headEnd);
  const status = Number(head.slice(9, 12));
  if (status !== 200) throw refused(url, status, delivery);
  const length = /\r\ncontent-length: *(\d+)/i.exec(head);
  if (!length) throw new Error(`${url} answered ${delivery.name} delivery ${delivery.id} without a Content-Length, which this sender does not read`);
  const end = headEnd + HEAD_END.length + Number(length[1]);
  return bytes.length >= end ? end : undefined;
}

/**
 * Sends every delivery to `url` over `concurrency` kept-alive connections, one request in flight on each; any
 * answer but 200 fails the run. It writes what node:http writes, in one call a request as node:http does, and
 * reads only the answer's status and length: the servers share two cores with it, and node:http's client cost
 * 60 to 127 µs of CPU a request, as much as a third of what Handoff's server spends (docs/performance.md).
 */
export async function sendLoad(url: string, deliveries: readonly SignedDelivery[], concurrency: number): Promise<LoadResult> {
  const target = new URL(url);
  const heads = deliveries.map((delivery) => requestHead(target, delivery));
  const latenciesMs: number[] = [];
  let next = 0;
  const connection = () =>
    new Promise<void>((resolve, reject) => {
      const socket = connect(Number(target.port), target.hostname);
      socket.setNoDelay(true);
      let received: Buffer = Buffer.alloc(0);
      let current = -1;
      let inFlight = false;
      let sent = 0n;
      const fail = (error: Error) => {
        socket.destroy();
        reject(error);
      };
      const send = () => {
        if (next >= deliveries.length) {
          socket.end();
          return resolve();
        }
        current = next++;
        inFlight = true;
        sent = process.hrtime.bigint();
        socket.cork();
        socket.write(heads[current]!);
        socket.write(deliveries[current]!.body);
        socket.uncork();
      };
      socket.on("connect", send);
      socket.on("error", fail);
      socket.on("close", () => {
        if (inFlight) fail(new Error(`${url} closed the connection before answering ${deliveries[current]!.name} delivery ${deliveries[current]!.id}`));
      });
      socket.on("data", (chunk: Buffer) => {
        received = received.length === 0 ? chunk : Buffer.concat([received, chunk]);
        let length: number | undefined;
        try {
          length = responseLength(received, url, deliveries[current]!);
        } catch (error) {
          return fail(error as Error);
        }
        if (length === undefined) return;
        inFlight = false;
        latenciesMs.push(Number(process.hrtime.bigint() - sent) / 1e6);
        received = received.subarray(length);
        send();
      });
    });
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, connection));
  return { deliveries: deliveries.length, seconds: Number(process.hrtime.bigint() - started) / 1e9, latenciesMs };
}
