import { DateTime } from "luxon";
import { CONFIG_PATH } from "../config/parse-config.js";
import { CONFIG_CHECK_NAME, configCheckOf, type ConfigCheck } from "../domain/config-check.js";
import { dropConfigCheck, pendingConfigChecks, type PendingConfigCheck } from "../store/config-checks-store.js";
import { loadConfigPreview } from "./load-config-preview.js";
import { postOnce } from "./post-once.js";
import type { TickContext } from "./tick-context.js";

// Bounds one tick's GitHub calls; the rest wait for the next tick.
const CHECKS_PER_TICK = 10;
// A request that still fails after this long (its pull request or repository is gone) is given up.
const GIVE_UP_AFTER_HOURS = 24;

export interface ConfigCheckOutcome {
  /** "owner/.github#5" */
  pullRequest: string;
  headSha: string;
  /** The conclusion posted; "unchanged": the pull request does not touch the config, so no check; "retry": it failed and waits for the next tick. */
  result: ConfigCheck["conclusion"] | "unchanged" | "posted before" | "busy" | "retry" | "given up";
}

/** Posts the "Handoff config" check run of each queued pull request head that changes `.github/handoff.yml`, once per head. */
export async function postConfigChecks(ctx: TickContext): Promise<ConfigCheckOutcome[]> {
  const outcomes: ConfigCheckOutcome[] = [];
  for (const request of await pendingConfigChecks(ctx.db, ctx.installationId, CHECKS_PER_TICK)) {
    const outcome = { pullRequest: `${request.repo}#${request.number}`, headSha: request.headSha };
    try {
      outcomes.push({ ...outcome, result: await postConfigCheck(ctx, request) });
    } catch (error) {
      const givenUp = DateTime.fromISO(request.requestedAt).plus({ hours: GIVE_UP_AFTER_HOURS }) <= DateTime.fromISO(ctx.now);
      if (givenUp) await dropConfigCheck(ctx.db, ctx.installationId, request.headSha);
      const next = givenUp ? `given up after ${GIVE_UP_AFTER_HOURS} hours` : "retried at the next tick";
      ctx.log.warn({ installation: ctx.installationId, err: error, ...outcome }, `config check of ${outcome.pullRequest} failed; ${next}`);
      outcomes.push({ ...outcome, result: givenUp ? "given up" : "retry" });
    }
  }
  return outcomes;
}

async function postConfigCheck(ctx: TickContext, request: PendingConfigCheck): Promise<ConfigCheckOutcome["result"]> {
  const { repo, number, headSha } = request;
  const files = await ctx.github.listPullRequestFiles(repo, number);
  const change = files.find((file) => file.filename === CONFIG_PATH || file.previousFilename === CONFIG_PATH);
  let result: ConfigCheckOutcome["result"] = "unchanged";
  if (change) {
    // Deleted or renamed away: there is no config at the head.
    const kept = change.filename === CONFIG_PATH && change.status !== "removed";
    const text = kept ? await ctx.github.readFile(repo, CONFIG_PATH, headSha) : null;
    const check = configCheckOf(text, ctx.now, await loadConfigPreview(ctx, text));
    const posted = await postOnce(ctx, `config-check:${headSha}`, {
      find: () => ctx.github.findCheckRun(repo, headSha, CONFIG_CHECK_NAME),
      create: () => ctx.github.createCheckRun(repo, { name: CONFIG_CHECK_NAME, headSha, completedAt: ctx.now, ...check }),
    });
    // Another process holds the claim: the request stays queued in case it never finishes.
    if (posted.status === "busy") return "busy";
    result = posted.status === "posted" ? check.conclusion : "posted before";
  }
  await dropConfigCheck(ctx.db, ctx.installationId, headSha);
  return result;
}
