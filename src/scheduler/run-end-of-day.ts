import type { HandoffConfig } from "../config/schema.js";
import { answerDaysOff, type DaysOffReply } from "./answer-days-off.js";
import { loadEndOfDayState } from "./end-of-day-state.js";
import { postReminders, type ReminderOutcome } from "./post-reminders.js";
import type { TickContext } from "./tick-context.js";

export interface EndOfDayOutcome {
  reminders: ReminderOutcome[];
  daysOff: DaysOffReply[];
}

/** The end-of-day work of a tick: answer `/handoff off` commands, then post the reminders that are due (honouring those days). */
export async function runEndOfDay(ctx: TickContext, config: HandoffConfig, firstConfigAt: string): Promise<EndOfDayOutcome> {
  const state = await loadEndOfDayState(ctx, config);
  const daysOff = await answerDaysOff(ctx, state.daysOffRequests);
  const reminders = await postReminders(ctx, state, firstConfigAt);
  return { reminders, daysOff };
}
