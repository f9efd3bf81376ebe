import type { DatabaseKind } from "../src/store/open-database.js";
import type { DigestResult } from "./digest/child-results.js";
import type { IngestResult } from "./ingest/run-ingest.js";

/** What `npm run bench -- --json` prints: exactly these keys. */
export interface BenchJson {
  ingest_ratio_vs_bare_probot: number;
  ingest_p99_ms: number;
  digest_events: number;
  digest_ms: number;
  digest_ratio_vs_scan: number;
  github_calls_per_digest: number;
  peak_rss_mb: number;
  store: DatabaseKind;
}

export interface Target {
  key: keyof BenchJson;
  /** Whether the figure meets the target. */
  holds: (value: number) => boolean;
  text: string;
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

export function benchJson(store: DatabaseKind, ingest: IngestResult, digest: DigestResult): BenchJson {
  return {
    ingest_ratio_vs_bare_probot: round(ingest.handoffPerSecond / ingest.barePerSecond, 3),
    ingest_p99_ms: round(ingest.handoffP99Ms, 1),
    digest_events: digest.weekEvents,
    digest_ms: Math.round(digest.digestMs),
    digest_ratio_vs_scan: round(digest.digestMs / digest.scanMs, 2),
    github_calls_per_digest: digest.githubCalls,
    peak_rss_mb: Math.round(digest.peakRssMb),
    store,
  };
}

/** The targets; `github_calls_per_digest` is allowed 3 more calls than the digest posted review prompts. */
export function targets(digest: Pick<DigestResult, "reviewPrompts">): Target[] {
  return [
    { key: "ingest_ratio_vs_bare_probot", holds: (v) => v >= 0.9, text: "≥ 0.9" },
    { key: "digest_ms", holds: (v) => v < 1000, text: "< 1000" },
    { key: "digest_ratio_vs_scan", holds: (v) => v <= 3, text: "≤ 3" },
    { key: "github_calls_per_digest", holds: (v) => v <= 3 + digest.reviewPrompts, text: `≤ 3 + ${digest.reviewPrompts} prompts` },
    { key: "peak_rss_mb", holds: (v) => v <= 300, text: "≤ 300" },
  ];
}

/** A Markdown table of the figures, the targets and what was measured around them. */
export function benchTable(json: BenchJson, ingest: IngestResult, digest: DigestResult): string {
  const goals = new Map(targets(digest).map((target) => [target.key, target]));
  const row = (key: keyof BenchJson, detail: string): string => {
    const goal = goals.get(key);
    const verdict = goal ? (goal.holds(json[key] as number) ? "✅ met" : "❌ missed") : "";
    return `| ${key} | ${json[key]} | ${goal?.text ?? ""} ${verdict} | ${detail} |`;
  };
  return [
    `| figure (${json.store}) | value | target | measured |`,
    "| --- | --- | --- | --- |",
    row("ingest_ratio_vs_bare_probot", `median of ${ingest.rounds} rounds of ${ingest.perRound} deliveries at concurrency 16 (sent by ${ingest.sender === "bench" ? "the bench's sender" : "node:http's client"}), each until the last is recorded in the store: ${Math.round(ingest.handoffPerSecond)}/s against ${Math.round(ingest.barePerSecond)}/s (the store at most ${Math.round(ingest.handoffSettleMs)} ms behind the last answer); server CPU ${ingest.handoffCpuMs.toFixed(2)} ms against ${ingest.bareCpuMs.toFixed(2)} ms a delivery`),
    row("ingest_p99_ms", `bare Probot: ${ingest.bareP99Ms.toFixed(1)} ms`),
    row("digest_events", `the week's events, each commit counted; the digest covered ${digest.digestRows} rows (a push is one)`),
    row("digest_ms", `the digest tick, less ${Math.round(digest.githubWaitMs)} ms waiting on the GitHub stand-in`),
    row("digest_ratio_vs_scan", `the same rows read raw in one query: ${Math.round(digest.scanMs)} ms`),
    row("github_calls_per_digest", `${digest.digestParts} for the digest (issue and continuations), ${digest.reviewPrompts} review prompts, the rest other reads and writes`),
    row("peak_rss_mb", "the digest process's maximum resident set size"),
  ].join("\n");
}
