import type { Probot } from "probot";
import type { AppPort } from "../scheduler/tick.js";
import { octokitGitHub } from "./github-port.js";

// An installation's account is a user or organization (login) or an enterprise (slug).
const accountOf = (account: unknown): string => {
  const a = (account ?? {}) as { login?: string; slug?: string };
  return a.login ?? a.slug ?? "";
};

/** Lists the app's installations and authenticates as each, through Probot. */
export function probotAppPort(probot: Probot): AppPort {
  return {
    async listInstallations() {
      const octokit = await probot.auth();
      const installations = await octokit.paginate(octokit.rest.apps.listInstallations, { per_page: 100 });
      return installations.map((i) => ({ id: i.id, account: accountOf(i.account) }));
    },
    async github(installationId) {
      return octokitGitHub(await probot.auth(installationId));
    },
  };
}
