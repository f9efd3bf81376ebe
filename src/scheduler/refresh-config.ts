import { DateTime } from "luxon";
import { CONFIG_ERROR_MARKER, CONFIG_ERROR_TITLE, renderConfigErrorIssue } from "../config/config-error-issue.js";
import { CONFIG_PATH, CONFIG_REPO, parseConfig } from "../config/parse-config.js";
import type { HandoffConfig } from "../config/schema.js";
import type { IssueRef } from "../github/github-port.js";
import { ensureInstallation, type InstallationRow, updateInstallation } from "../store/installations-store.js";
import { deletePost, latestPost } from "../store/posts-store.js";
import { postOnce } from "./post-once.js";
import type { TickContext } from "./tick-context.js";

/** A config is read again after a push touches it, and at least this often in case that push was missed. */
const CONFIG_MAX_AGE_MINUTES = 60;
const CONFIG_ERROR_KEY = "config-error";

export type InstallationConfig =
  | { state: "valid"; config: HandoffConfig; firstConfigAt: string }
  | { state: "missing" | "invalid" | "unknown" };

function configOf(row: InstallationRow): InstallationConfig {
  if (row.config_state === "valid" && row.config_json && row.first_config_at) {
    return { state: "valid", config: JSON.parse(row.config_json) as HandoffConfig, firstConfigAt: row.first_config_at };
  }
  return { state: row.config_state as "missing" | "invalid" | "unknown" };
}

const isStale = (row: InstallationRow, now: string) =>
  row.config_dirty === 1 ||
  !row.config_read_at ||
  DateTime.fromISO(row.config_read_at) < DateTime.fromISO(now).minus({ minutes: CONFIG_MAX_AGE_MINUTES });

/** The installation's config from the store, read again from GitHub when stale; keeps the config-error issue in step. */
export async function refreshConfig(ctx: TickContext): Promise<InstallationConfig> {
  const row = await ensureInstallation(ctx.db, ctx.installationId, ctx.account);
  if (!isStale(row, ctx.now)) return configOf(row);

  const text = await ctx.github.readFile(`${ctx.account}/${CONFIG_REPO}`, CONFIG_PATH);
  const parsed = text === null ? null : parseConfig(text);
  await updateInstallation(ctx.db, ctx.installationId, {
    config_state: parsed === null ? "missing" : parsed.ok ? "valid" : "invalid",
    config_json: parsed?.ok ? JSON.stringify(parsed.config) : null,
    config_problems: parsed && !parsed.ok ? JSON.stringify(parsed.problems) : null,
    config_dirty: 0,
    config_read_at: ctx.now,
    first_config_at: row.first_config_at ?? (parsed?.ok ? ctx.now : null),
  });
  if (parsed && !parsed.ok) {
    await reportConfigError(ctx, renderConfigErrorIssue(parsed.problems));
    ctx.log.warn({ installation: ctx.installationId, problems: parsed.problems }, `${ctx.account}/${CONFIG_REPO}/${CONFIG_PATH} is invalid`);
  } else {
    await closeConfigError(ctx);
  }
  return configOf(await ensureInstallation(ctx.db, ctx.installationId, ctx.account));
}

/**
 * Opens the config-error issue, or updates the open one to list the problems of this version of the file. The
 * open issue is looked for before the first creation too: one opened before a reinstall purged the store is
 * still open on GitHub, and it is reused (and closed later) rather than joined by a second.
 */
async function reportConfigError(ctx: TickContext, body: string): Promise<void> {
  const repo = `${ctx.account}/${CONFIG_REPO}`;
  // Looked up once, whether postOnce asks (an earlier attempt may have created it) or `create` does.
  let lookup: Promise<IssueRef | null> | undefined;
  const findOpen = () => (lookup ??= ctx.github.findIssueByMarker(repo, CONFIG_ERROR_MARKER, { state: "open" }));
  // An issue opened now already lists these problems; one found or recorded is updated below.
  let opened = false;
  const open = () => ((opened = true), ctx.github.createIssue(repo, { title: CONFIG_ERROR_TITLE, body }));
  const outcome = await postOnce(ctx, CONFIG_ERROR_KEY, { find: findOpen, create: async () => (await findOpen()) ?? (await open()) });
  if (outcome.status === "busy" || opened) return;
  const number = outcome.status === "done" ? outcome.detail.number : outcome.target.number;
  await ctx.github.updateIssue(repo, Number(number), { body, state: "open" });
}

async function closeConfigError(ctx: TickContext): Promise<void> {
  const ref = { installationId: ctx.installationId, key: CONFIG_ERROR_KEY };
  const open = await latestPost(ctx.db, ctx.installationId, CONFIG_ERROR_KEY, `${CONFIG_ERROR_KEY}~`);
  if (!open) return;
  await ctx.github.updateIssue(`${ctx.account}/${CONFIG_REPO}`, Number(open.detail.number), { state: "closed" });
  await deletePost(ctx.db, ref);
}
