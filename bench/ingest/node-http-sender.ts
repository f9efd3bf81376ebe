import { Agent, request } from "node:http";
import type { SignedDelivery } from "./delivery-mix.js";
import { deliveryHeaders, type LoadResult, refused } from "./send-load.js";

function post(agent: Agent, url: string, delivery: SignedDelivery): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", agent, headers: Object.fromEntries(deliveryHeaders(delivery)) }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(delivery.body);
  });
}

/**
 * sendLoad with node:http's client, the bench's sender until session 10 (`--sender node-http`): the same
 * bytes on the same connections, at two to three times its CPU a request, which the servers' cores pay for.
 */
export async function sendWithNodeHttp(url: string, deliveries: readonly SignedDelivery[], concurrency: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latenciesMs: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < deliveries.length) {
      const delivery = deliveries[next++]!;
      const sent = process.hrtime.bigint();
      const status = await post(agent, url, delivery);
      latenciesMs.push(Number(process.hrtime.bigint() - sent) / 1e6);
      if (status !== 200) throw refused(url, status, delivery);
    }
  };
  const started = process.hrtime.bigint();
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  return { deliveries: deliveries.length, seconds: Number(process.hrtime.bigint() - started) / 1e9, latenciesMs };
}
