import type { BenchOptions } from "../bench-options.js";
import { createBenchStore, deleteBenchStore } from "../bench-database.js";
import { startChild } from "../child-process.js";
import type { DigestResult, DigestTickResult, FilledWeek } from "./child-results.js";
import { scanCoveredRows } from "./scan-rows.js";

/**
 * Fills a fresh store with the organisation's week in one process, runs the digest tick in another, so
 * that the digest's peak RSS is its own, then reads the rows it covered raw from this one.
 */
export async function runDigest(options: BenchOptions, progress: (line: string) => void): Promise<DigestResult> {
  const store = await createBenchStore(options.store, options.postgresUrl);
  try {
    const started = performance.now();
    const filled = await startChild<FilledWeek>("./digest/fill-week.ts", [JSON.stringify(store)]);
    progress(`digest: recorded a week of ${filled.first.events} events in ${Math.round((performance.now() - started) / 1000)} s`);
    const { first } = await startChild<DigestTickResult>("./digest/digest-tick.ts", [JSON.stringify(store)]);
    const scan = await scanCoveredRows(store);
    return { ...first, weekEvents: filled.first.events, digestRows: scan.rows, scanMs: scan.ms };
  } finally {
    await deleteBenchStore(store);
  }
}
