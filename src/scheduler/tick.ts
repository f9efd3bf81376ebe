import type { Logger } from "pino";
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
export async function tick(deps: { db: Db; app: AppPort; now: string; owner: string; log: Pick<Logger, "info" | "warn" | "error"> }): Promise<TickReport[]> {
  const reports: TickReport[] = [];
  for (const installation of await deps.app.listInstallations()) {
    try {
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
