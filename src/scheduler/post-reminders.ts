import { DateTime } from "luxon";
import type { Contractor, HandoffConfig } from "../config/schema.js";
import { type LogIssue, updatesByDay } from "../domain/end-of-day.js";
import type { RecordedEvent } from "../domain/events.js";
import { reminderBody, reminderMarker } from "../domain/reminder.js";
import { reminderDue } from "../domain/schedule.js";
import { inScope } from "../domain/scope.js";
import { daySpan } from "../domain/working-day.js";
import { eventsByActor } from "../store/end-of-day-store.js";
import { commentsBy } from "../store/events-store.js";
import { finishedPostKeys, retireLogIssue } from "../store/log-issues-store.js";
import type { EndOfDayState } from "./end-of-day-state.js";
import { ensureLogIssue, isGone } from "./ensure-log-issue.js";
import { postOnce } from "./post-once.js";
import type { TickContext } from "./tick-context.js";

export type ReminderOutcome = { login: string; day: string; result: "posted" | "busy" } | { login: string; day: string; result: "failed"; error: string };

/** Every reminder's post key starts so. */
export const REMINDER_POSTS = "reminder:";

const utc = (instant: DateTime): string => instant.toUTC().toISO()!;

function hasUpdate(comments: readonly RecordedEvent[], contractor: Contractor, day: string, config: HandoffConfig, logIssues: readonly LogIssue[]): boolean {
  return updatesByDay(comments.filter(inScope(config.repositories, logIssues)), contractor, logIssues).has(day);
}

/** The reminder of `day`, unless it was sent or an update for that day is recorded (then null). */
async function remind(ctx: TickContext, state: EndOfDayState, contractor: Contractor, day: string): Promise<ReminderOutcome | null> {
  const { config } = state;
  const key = `${REMINDER_POSTS}${contractor.login.toLowerCase()}:${day}`;
  if ((await finishedPostKeys(ctx.db, ctx.installationId, key)).has(key)) return null;
  const span = daySpan(day, contractor);
  const ref = { installationId: ctx.installationId, login: contractor.login, from: utc(span.start), to: utc(span.end) };
  const comments = await commentsBy(ctx.db, { ...ref, logins: [contractor.login] });
  if (hasUpdate(comments, contractor, day, config, state.logIssues)) return null;

  const logIssue = await ensureLogIssue(ctx, config, contractor.login, state.records);
  if (logIssue === null) return { login: contractor.login, day, result: "busy" };
  const body = reminderBody({ contractor, day, activity: await eventsByActor(ctx.db, ref) });
  try {
    const outcome = await postOnce(ctx, key, {
      find: async () => (await ctx.github.findCommentsByMarker(logIssue.repo, logIssue.number, reminderMarker(contractor.login, day)))[0] ?? null,
      create: () => ctx.github.createComment(logIssue.repo, logIssue.number, body),
    });
    return { login: contractor.login, day, result: outcome.status === "busy" ? "busy" : "posted" };
  } catch (error) {
    // The log issue was deleted: the next tick opens a new one and posts the reminder there.
    const record = state.records.find((candidate) => candidate.current && candidate.number === logIssue.number);
    if (isGone(error) && record) await retireLogIssue(ctx.db, ctx.installationId, record);
    throw error;
  }
}

/**
 * Posts each contractor's end-of-day reminder that is due at `ctx.now` (once per contractor and day, on
 * their log issue), unless an update for that day is recorded. `state.config` carries the `/handoff off` days.
 */
export async function postReminders(ctx: TickContext, state: EndOfDayState, firstConfigAt: string): Promise<ReminderOutcome[]> {
  if (!state.config.end_of_day.remind) return [];
  const outcomes: ReminderOutcome[] = [];
  for (const contractor of state.config.contractors) {
    const day = reminderDue(ctx.now, contractor, state.config.end_of_day.remind_after_minutes, firstConfigAt);
    if (day === null) continue;
    try {
      const outcome = await remind(ctx, state, contractor, day);
      if (outcome) outcomes.push(outcome);
    } catch (error) {
      // One contractor's failure does not hold up the others' reminders.
      const message = error instanceof Error ? error.message : String(error);
      ctx.log.warn({ installation: ctx.installationId, login: contractor.login, err: error }, `reminder for ${contractor.login} failed; retried at the next tick`);
      outcomes.push({ login: contractor.login, day, result: "failed", error: message });
    }
  }
  return outcomes;
}
