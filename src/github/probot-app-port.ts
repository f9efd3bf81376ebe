import type { Probot } from "probot";
import type { AppPort } from "../scheduler/tick.js";
import { DateTime } from "luxon";
import type { DeliveryAttempt } from "../domain/missed-deliveries.js";
import { octokitGitHub } from "./github-port.js";

// Stored and compared instants are all in one UTC form.
const utc = (instant: string) => DateTime.fromISO(instant, { setZone: true }).toUTC().toISO()!;

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
    async github(installationId, signal) {
      return octokitGitHub(await probot.auth(installationId), signal);
    },
    deliveries: {
      async listDeliveries(stop) {
        const octokit = await probot.auth();
        const attempts: DeliveryAttempt[] = [];
        for await (const { data } of octokit.paginate.iterator(octokit.rest.apps.listWebhookDeliveries, { per_page: 100 })) {
          const page = data.map((d) => ({ id: d.id, guid: d.guid, deliveredAt: utc(d.delivered_at), statusCode: d.status_code }));
          attempts.push(...page);
          if (stop(page)) break;
        }
        return attempts;
      },
      async redeliver(attemptId) {
        const octokit = await probot.auth();
        await octokit.rest.apps.redeliverWebhookDelivery({ delivery_id: attemptId });
      },
    },
  };
}
