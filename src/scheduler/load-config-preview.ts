import { DateTime } from "luxon";
import { parseConfig } from "../config/parse-config.js";
import { configPreview, PREVIEW_DAYS, renderConfigPreview } from "../domain/config-preview.js";
import { eventsOccurredBetween } from "../store/events-store.js";
import { recordedLogIssues } from "../store/log-issues-store.js";
import type { TickContext } from "./tick-context.js";

/** The "last 7 days" section of a valid proposed config's check, from the activity recorded; null when the text is not a valid config. */
export async function loadConfigPreview(ctx: TickContext, text: string | null): Promise<string | null> {
  const parsed = text === null ? null : parseConfig(text);
  if (!parsed?.ok) return null;
  const { config } = parsed;
  const from = DateTime.fromISO(ctx.now, { zone: "utc" }).minus({ days: PREVIEW_DAYS }).toISO()!;
  const logins = config.contractors.map((contractor) => contractor.login);
  const events = await eventsOccurredBetween(ctx.db, { installationId: ctx.installationId, logins, from, to: ctx.now });
  const logIssues = (await recordedLogIssues(ctx.db, ctx.installationId)).map(({ login, repo, number }) => ({ login, repo, number }));
  return renderConfigPreview(configPreview(config, events, logIssues, ctx.now), config);
}
