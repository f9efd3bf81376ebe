import { sql } from "kysely";
import { activityCount } from "../../src/domain/events.js";
import { tickInstallation } from "../../src/scheduler/tick-installation.js";
import { recordDelivery } from "../../src/store/delivery-batches.js";
import { openBenchStore, type BenchStore } from "../bench-database.js";
import type { FilledWeek } from "./child-results.js";
import { CONFIG_READ_AT, INSTALLATION_ID, organisationWeek } from "./organisation-week.js";
import { organisationTick, startOrganisationGitHub } from "./organisation-github.js";

/**
 * Child process: a tick before the week reads the config (so every day of the week is tracked), then
 * the week's events go in through the store as they arrived, a batch per contractor and day. No digest
 * is posted meanwhile: the measured one, the morning after, covers the whole week.
 */
const store = JSON.parse(process.argv[2]!) as BenchStore;
const db = await openBenchStore(store);
const week = organisationWeek();
const gh = await startOrganisationGitHub(week);
const config = await tickInstallation(await organisationTick(db, gh, CONFIG_READ_AT));
if (config.config !== "valid") throw new Error(`the bench's config did not validate: ${JSON.stringify(config)}`);

let events = 0;
for (const batch of week.batches()) {
  await recordDelivery(db, { deliveryId: batch.deliveryId, installationId: INSTALLATION_ID, receivedAt: batch.receivedAt, insert: batch.events, replace: [], remove: [] });
  // A push is one row but counts one event per commit: the week's activity, not the store's row count.
  events += batch.events.reduce((n, event) => n + activityCount(event), 0);
}

// PostgreSQL's autovacuum would have analyzed a week of rows by the next morning; a bench that just loaded them does it now.
if (store.kind === "postgres") await sql`analyze`.execute(db);

const result: FilledWeek = { events };
await gh.close();
await db.destroy();
process.send!(result, () => process.exit(0));
