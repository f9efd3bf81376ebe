import { DateTime } from "luxon";
import type { Logger } from "pino";
import { pruneEvents } from "../store/events-store.js";
import { prunePosts } from "../store/posts-store.js";
import { PROMPT_POSTS } from "../store/prompts-store.js";
import { DAYS_OFF_POSTS } from "./answer-days-off.js";
import { BRIEF_POSTS } from "./post-briefs.js";
import { REMINDER_POSTS } from "./post-reminders.js";
import { ensureInstallation, recordProblem } from "../store/installations-store.js";
import { describeFailure } from "./describe-failure.js";
import { type DeliveriesPort, sweepDeliveries } from "./sweep-deliveries.js";
import type { GitHubPort } from "../github/github-port.js";
import type { Db } from "../store/schema.js";
import { tickInstallation, type InstallationTickReport } from "./tick-installation.js";

export interface InstallationHandle {
  id: number;
  account: string;
}

/** The app's view of GitHub: its installations, a client for each, and its webhook deliveries. */
export interface AppPort {
  listInstallations(): Promise<InstallationHandle[]>;
  /** A client that sends nothing once `signal` is aborted. */
  github(installationId: number, signal: AbortSignal): Promise<GitHubPort>;
  deliveries: DeliveriesPort;
}

export type TickReport = InstallationTickReport | { installationId: number; account: string; error: string };

export interface TickDeps {
  db: Db;
  app: AppPort;
  now: string;
  owner: string;
  /** Recorded events older than this many days are deleted. */
  retentionDays: number;
  deadlineMs?: number;
  /** When the server's scheduler started: a sweep is due until one has begun since then (sweepDecision). */
  startedAt?: string;
  log: Pick<Logger, "info" | "warn" | "error">;
}

/** A tick moves on from an installation after this long; its unfinished posts stay claimed or pending for the next tick. */
export const INSTALLATION_DEADLINE_MS = 60_000;

/** Runs all scheduled work due at `now` for every installation; one installation's failure never stops the others. */
export async function tick(input: TickDeps): Promise<TickReport[]> {
  // Stored instants compare as text, so every instant is the same UTC ISO form ("…T15:30:00.000Z").
  const deps = { ...input, now: DateTime.fromISO(input.now, { setZone: true }).toUTC().toISO()! };
  const reports: TickReport[] = [];
  await sweepDeliveries({ ...deps, github: deps.app.deliveries }).catch((error: unknown) =>
    deps.log.warn({ err: error }, `sweep for missed webhook deliveries failed (${describeFailure(error).message})`),
  );
  const retainFrom = DateTime.fromISO(deps.now).minus({ days: deps.retentionDays }).toUTC().toISO()!;
  for (const installation of await deps.app.listInstallations()) {
    try {
      await ensureInstallation(deps.db, installation.id, installation.account);
      // An indexed range delete: cheap enough to run at every tick, so nothing outlives retention by more than a tick.
      await pruneEvents(deps.db, installation.id, retainFrom);
      // Review prompts, briefs, reminders and days-off replies are due within days of their date; digests
      // (the latest holds the next one's starting point) and log issues are kept.
      await prunePosts(deps.db, installation.id, retainFrom, [PROMPT_POSTS, BRIEF_POSTS, REMINDER_POSTS, DAYS_OFF_POSTS]);
      const stop = new AbortController();
      const work = deps.app.github(installation.id, stop.signal).then((github) => tickInstallation({ ...deps, github, installationId: installation.id, account: installation.account }));
      reports.push(await withDeadline(work, deps.deadlineMs ?? INSTALLATION_DEADLINE_MS, stop));
      await recordProblem(deps.db, installation.id, null, deps.now);
    } catch (error) {
      reports.push({ installationId: installation.id, account: installation.account, error: await reportFailure(deps, installation, error) });
    }
  }
  return reports;
}

/** Logs a failure: a transient one as a warning, a permanent one as an error once a day, recorded for `handoff schedule`. */
async function reportFailure(deps: TickDeps, installation: InstallationHandle, error: unknown): Promise<string> {
  const failure = describeFailure(error);
  const context = { installation: installation.id, account: installation.account };
  if (!failure.permanent) {
    deps.log.warn({ ...context, err: error }, `${installation.account}: ${failure.message}`);
  } else if (await recordProblem(deps.db, installation.id, failure.message, deps.now).catch(() => true)) {
    deps.log.error(context, `${installation.account}: ${failure.message}`);
  }
  return failure.message;
}

/**
 * Stops waiting for `work` after `ms`, and aborts its GitHub requests: work left running (a request held by
 * throttling until a rate limit resets, for up to an hour) would otherwise post after the claim it holds has
 * expired and another tick has posted the same thing.
 */
function withDeadline<T>(work: Promise<T>, ms: number, stop: AbortController): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      stop.abort();
      reject(new Error(`still working after ${ms / 1000} s; the rest waits for the next tick`));
    }, ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
