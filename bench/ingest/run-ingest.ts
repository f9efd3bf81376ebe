import type { BenchOptions } from "../bench-options.js";
import { ask, startChild, stopChild } from "../child-process.js";
import { deliveryMix } from "./delivery-mix.js";
import { sendWithNodeHttp } from "./node-http-sender.js";
import { sendLoad } from "./send-load.js";

const CONCURRENCY = 16;
// Even, so that each side goes first as often as the other. Handoff's store grows with each round, to 49,000
// deliveries; over ten rounds (77,000) its last SQLite rounds recorded more slowly (docs/performance.md).
const ROUNDS = 6;
const PER_ROUND = 7_000;
// A server's steady state is what an organisation's webhooks meet. A fresh Handoff process, with a thread
// that records, was still getting cheaper per delivery after 1,000 deliveries (its CPU a delivery halves
// over the first 10,000 or so); bare Probot settles within 3,000.
const WARM_UP = PER_ROUND;

export interface IngestResult {
  sender: BenchOptions["sender"];
  /** Timed rounds, and the deliveries each side received in each. */
  rounds: number;
  perRound: number;
  handoffPerSecond: number;
  barePerSecond: number;
  handoffP99Ms: number;
  bareP99Ms: number;
  /** How far the store was behind the last answer of a round (the inbox's projector catching up), the longest. */
  handoffSettleMs: number;
  /** Server CPU time per delivery: steadier than throughput on a busy machine. */
  handoffCpuMs: number;
  bareCpuMs: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

/**
 * The same signed deliveries, over loopback, to the full app with its store and to a bare Probot app,
 * each in a process of its own: a warm-up of a round's worth, then six timed rounds, the side that goes first
 * alternating.
 */
export async function runIngest(options: BenchOptions, progress: (line: string) => void): Promise<IngestResult> {
  const handoff = await startChild<{ port: number }>("./ingest/webhook-server.ts", ["handoff", options.store, options.postgresUrl]);
  const bare = await startChild<{ port: number }>("./ingest/webhook-server.ts", ["bare", options.store, options.postgresUrl]);
  const sides = {
    handoff: { child: handoff.child, url: `http://127.0.0.1:${handoff.first.port}/api/github/webhooks`, rates: [] as number[], latencies: [] as number[], cpu: [] as number[], settleMs: [] as number[] },
    bare: { child: bare.child, url: `http://127.0.0.1:${bare.first.port}/api/github/webhooks`, rates: [] as number[], latencies: [] as number[], cpu: [] as number[], settleMs: [] as number[] },
  };
  const send = options.sender === "node-http" ? sendWithNodeHttp : sendLoad;
  const cpuMs = async (name: keyof typeof sides) => (await ask<{ cpuMs: number }>(sides[name].child, "cpu")).cpuMs;
  try {
    const warmUp = deliveryMix(WARM_UP, 1);
    for (const side of Object.values(sides)) await send(side.url, warmUp, CONCURRENCY);
    for (let round = 0; round < ROUNDS; round++) {
      const deliveries = deliveryMix(PER_ROUND, round + 2);
      const order = round % 2 === 0 ? (["handoff", "bare"] as const) : (["bare", "handoff"] as const);
      for (const name of order) {
        const cpuBefore = await cpuMs(name);
        const result = await send(sides[name].url, deliveries, CONCURRENCY);
        // Handoff answers once a delivery is in its inbox and records it in the store just after: the round
        // ends when the store holds the last one, so the recording is timed too.
        const settling = process.hrtime.bigint();
        await ask(sides[name].child, "settled");
        const settleSeconds = Number(process.hrtime.bigint() - settling) / 1e9;
        const cpu = ((await cpuMs(name)) - cpuBefore) / result.deliveries;
        const rate = result.deliveries / (result.seconds + settleSeconds);
        sides[name].rates.push(rate);
        sides[name].latencies.push(...result.latenciesMs);
        sides[name].cpu.push(cpu);
        sides[name].settleMs.push(settleSeconds * 1000);
        progress(`ingest round ${round + 1}/${ROUNDS} ${name}: ${Math.round(rate)} deliveries/s recorded (the store ${Math.round(settleSeconds * 1000)} ms behind the last answer), ${cpu.toFixed(3)} ms CPU each`);
      }
    }
  } finally {
    await Promise.all([stopChild(handoff.child), stopChild(bare.child)]);
  }
  return {
    sender: options.sender,
    rounds: ROUNDS,
    perRound: PER_ROUND,
    handoffPerSecond: median(sides.handoff.rates),
    barePerSecond: median(sides.bare.rates),
    handoffP99Ms: percentile(sides.handoff.latencies, 99),
    bareP99Ms: percentile(sides.bare.latencies, 99),
    handoffSettleMs: Math.max(...sides.handoff.settleMs),
    handoffCpuMs: median(sides.handoff.cpu),
    bareCpuMs: median(sides.bare.cpu),
  };
}
