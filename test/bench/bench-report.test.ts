import { describe, expect, it } from "@jest/globals";
import { benchJson, benchTable } from "../../bench/bench-report.js";
import type { DigestResult } from "../../bench/digest/child-results.js";
import type { IngestResult } from "../../bench/ingest/run-ingest.js";

const ingest: IngestResult = { sender: "bench", rounds: 6, perRound: 7_000, handoffPerSecond: 900, barePerSecond: 1_000, handoffP99Ms: 41.26, bareP99Ms: 30, handoffSettleMs: 120, handoffCpuMs: 0.5, bareCpuMs: 0.45 };
const digest: DigestResult = {
  weekEvents: 200_000,
  digestRows: 199_950,
  digestMs: 812.4,
  githubWaitMs: 300,
  scanMs: 400,
  githubCalls: 102,
  reviewPrompts: 100,
  digestParts: 2,
  peakRssMb: 250.4,
  outcome: null,
};

describe("the bench's report", () => {
  it("prints exactly the issue's keys with --json", () => {
    expect(benchJson("sqlite", ingest, digest)).toStrictEqual({
      ingest_ratio_vs_bare_probot: 0.9,
      ingest_p99_ms: 41.3,
      digest_events: 200_000,
      digest_ms: 812,
      digest_ratio_vs_scan: 2.03,
      github_calls_per_digest: 102,
      peak_rss_mb: 250,
      store: "sqlite",
    });
  });

  it("marks each figure against its target, allowing 3 calls more than the review prompts", () => {
    const table = benchTable(benchJson("postgres", { ...ingest, handoffPerSecond: 800 }, { ...digest, githubCalls: 104 }), ingest, digest);
    expect(table).toContain("| ingest_ratio_vs_bare_probot | 0.8 | ≥ 0.9 ❌ missed |");
    expect(table).toContain("| github_calls_per_digest | 104 | ≤ 3 + 100 prompts ❌ missed |");
    expect(table).toContain("| peak_rss_mb | 250 | ≤ 300 ✅ met |");
    expect(table).toContain("median of 6 rounds of 7000 deliveries");
  });
});
