import type { BenchOptions } from "../bench-options.js";
import { createBenchStore, deleteBenchStore } from "../bench-database.js";
import { startChild } from "../child-process.js";
import type { DigestResult, DigestTickResult, FilledWeek } from "./child-results.js";
import { scanCoveredRows } from "./scan-rows.js";

/** Digests measured, each cold on a store of its own: the one with the median time is reported. */
const RUNS = 5;

/**
 * Fills a fresh store with the organisation's week in one process, runs the digest tick in another, so
 * that the digest's peak RSS is its own, then reads the rows it covered raw from this one; five times,
 * since a single cold run on a shared machine drifts by a sixth either way, and so, over three, did the median.
 */
export async function runDigest(options: BenchOptions, progress: (line: string) => void): Promise<DigestResult> {
  const runs: DigestResult[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const store = await createBenchStore(options.store, options.postgresUrl);
    try {
      const started = performance.now();
      const filled = await startChild<FilledWeek>("./digest/fill-week.ts", [JSON.stringify(store)]);
      const { first } = await startChild<DigestTickResult>("./digest/digest-tick.ts", [JSON.stringify(store)]);
      const scan = await scanCoveredRows(store);
      runs.push({ ...first, weekEvents: filled.first.events, digestRows: scan.rows, scanMs: scan.ms });
      progress(`digest ${run}/${RUNS}: a week of ${filled.first.events} events recorded, its digest ${Math.round(first.digestMs)} ms, the raw read ${Math.round(scan.ms)} ms (${Math.round((performance.now() - started) / 1000)} s)`);
    } finally {
      await deleteBenchStore(store);
    }
  }
  const median = [...runs].sort((a, b) => a.digestMs - b.digestMs)[Math.floor(RUNS / 2)]!;
  const scans = runs.map((run) => run.scanMs).sort((a, b) => a - b);
  // The highest peak of the runs: memory is a ceiling, not a typical value.
  return { ...median, scanMs: scans[Math.floor(RUNS / 2)]!, peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)) };
}
