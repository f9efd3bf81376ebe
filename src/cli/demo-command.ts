import { relative } from "node:path";
import { demoConfig } from "../demo/demo-config.js";
import type { LogLevel } from "../demo/demo-world.js";
import { postTally } from "../demo/render-demo-index.js";
import { runDemo } from "../demo/run-demo.js";
import { stamp } from "../demo/zone-stamps.js";

export const DEMO_OUTPUT_DIR = "demo-output";

/** `handoff demo`: plays the scripted week against the real app and prints what it posted. */
export async function demoCommand(print: (line: string) => void, clock: () => number = () => performance.now()): Promise<number> {
  const started = clock();
  const summary = await runDemo({ outputDir: DEMO_OUTPUT_DIR, logLevel: (process.env.LOG_LEVEL as LogLevel | undefined) ?? "warn" });
  const zone = demoConfig().team.timezone;
  print(`Handoff demo: ${stamp(summary.from, zone)} to ${stamp(summary.to, zone)} 2026, ${summary.ticks} ticks every 15 simulated minutes, ${summary.webhooks} signed webhooks.`);
  print(`The app posted: ${postTally(summary.counts).replaceAll("`", "")}.`);
  for (const problem of [...summary.tickErrors.map((e) => `tick failed at ${e}`), ...summary.unhandledRequests.map((r) => `the GitHub stand-in has no route for ${r}`)]) print(`  ! ${problem}`);
  print(`Wrote ${summary.files.length} files: open ${relative(process.cwd(), summary.files[0]!)} for the timeline.`);
  print(`Done in ${((clock() - started) / 1000).toFixed(1)} s.`);
  return summary.tickErrors.length + summary.unhandledRequests.length > 0 ? 1 : 0;
}
