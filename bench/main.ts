import { benchOptions } from "./bench-options.js";
import { benchJson, benchTable } from "./bench-report.js";
import { runDigest } from "./digest/run-digest.js";
import { runIngest } from "./ingest/run-ingest.js";

// `npm run bench -- [--json] [--store sqlite|postgres] [--sender bench|node-http]`: progress goes to stderr, the result to stdout.
const options = benchOptions(process.argv.slice(2));
const progress = (line: string) => process.stderr.write(`${line}\n`);
const ingest = await runIngest(options, progress);
const digest = await runDigest(options, progress);
const json = benchJson(options.store, ingest, digest);
process.stdout.write(options.json ? `${JSON.stringify(json)}\n` : `${benchTable(json, ingest, digest)}\n`);
