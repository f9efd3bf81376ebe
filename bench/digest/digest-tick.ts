import { existsSync, readFileSync } from "node:fs";
import { tickInstallation } from "../../src/scheduler/tick-installation.js";
import { openBenchStore, type BenchStore } from "../bench-database.js";
import { DIGEST_AT, OWNER, organisationWeek, TICK_BEFORE_DIGEST_AT } from "./organisation-week.js";
import { organisationTick, startOrganisationGitHub } from "./organisation-github.js";
import type { DigestTickResult } from "./child-results.js";
import { timedGitHub } from "./timed-github.js";

/**
 * Child process: the morning digest after the week, through the real scheduler tick against the GitHub
 * stand-in, and nothing else, so that its peak RSS is the digest's. Reports the time, the GitHub calls
 * and the peak RSS.
 */
const store = JSON.parse(process.argv[2]!) as BenchStore;
const db = await openBenchStore(store);
const gh = await startOrganisationGitHub(organisationWeek());

// A server ticks every minute, so the digest's tick is never its first: the one before has read the config (which
// the week left 8 days old) and loaded what every tick uses, the time zones and ICU's locale data among them.
await tickInstallation(await organisationTick(db, gh, TICK_BEFORE_DIGEST_AT));
const ctx = await organisationTick(db, gh, DIGEST_AT);
const timed = timedGitHub(ctx.github);
const firstRequest = gh.requests.length;
const started = performance.now();
const report = await tickInstallation({ ...ctx, github: timed.port });
const tickMs = performance.now() - started;

const requests = gh.requests.slice(firstRequest).filter((r) => !/^\/app\/installations\/\d+\/access_tokens$/.test(r.path) && !r.path.startsWith(`/repos/${OWNER}/.github/contents/`));
const comments = requests.filter((r) => r.method === "POST" && /\/issues\/\d+\/comments$/.test(r.path));
const result: DigestTickResult = {
  digestMs: tickMs - timed.waitedMs(),
  githubWaitMs: timed.waitedMs(),
  githubCalls: requests.length,
  reviewPrompts: comments.filter((r) => !r.path.startsWith(`/repos/${OWNER}/handoff/`)).length,
  digestParts: requests.filter((r) => r.method === "POST" && r.path === `/repos/${OWNER}/handoff/issues`).length + comments.filter((r) => r.path.startsWith(`/repos/${OWNER}/handoff/`)).length,
  peakRssMb: peakRssMb(),
  outcome: report.digest,
};
await gh.close();
await db.destroy();
process.send!(result, () => process.exit(0));

/**
 * This process's peak resident set size: Linux's VmHWM, the high-water mark of its own memory. getrusage's
 * maxRSS counted memory that was never this process's (after the ingest rounds, 270 to 280 MB right after
 * the imports, with 155 MB resident), likely the parent's image forked before exec. Elsewhere, maxRSS.
 */
function peakRssMb(): number {
  const status = existsSync("/proc/self/status") ? readFileSync("/proc/self/status", "utf8") : "";
  const kilobytes = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
  return kilobytes === undefined ? process.resourceUsage().maxRSS / 1024 : Number(kilobytes) / 1024;
}
