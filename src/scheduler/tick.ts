import { DateTime } from "luxon";
import type { Logger } from "pino";
import { pruneEvents } from "../store/events-store.js";
import type { GitHubPort } from "../github/github-port.js";
import type { Db } from "../store/schema.js";
import { tickInstallation, type InstallationTickReport } from "./tick-installation.js";

export interface InstallationHandle {
  id: number;
  account: string;
}

/** The app's view of GitHub: its installations, and a client for each. */
export interface AppPort {
  listInstallations(): Promise<InstallationHandle[]>;
  github(installationId: number): Promise<GitHubPort>;
}

export type TickReport = InstallationTickReport | { installationId: number; account: string; error: string };

/** Runs all scheduled work due at `now` for every installation; one installation's failure never stops the others. */
export interface TickDeps {
  db: Db;
  app: AppPort;
  now: string;
  owner: string;
  /** Recorded events older than this many days are deleted. */
  retentionDays: number;
  log: Pick<Logger, "info" | "warn" | "error">;
}

export async function tick(deps: TickDeps): Promise<TickReport[]> {
  const reports: TickReport[] = [];
  const retainFrom = DateTime.fromISO(deps.now).minus({ days: deps.retentionDays }).toUTC().toISO()!;
  for (const installation of await deps.app.listInstallations()) {
    try {
      // An indexed range delete: cheap enough to run at every tick, so nothing outlives retention by more than a tick.
      await pruneEvents(deps.db, installation.id, retainFrom);
      const github = await deps.app.github(installation.id);
      reports.push(await tickInstallation({ ...deps, github, installationId: installation.id, account: installation.account }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.log.error({ installation: installation.id, err: error }, `tick failed for ${installation.account}; it is retried at the next tick`);
      reports.push({ installationId: installation.id, account: installation.account, error: message });
    }
  }
  return reports;
}
