import type { Team } from "../config/schema.js";
import { toInstant, type Instant } from "./schedule.js";
import { addDays, atLocal, weekdayOf } from "./working-day.js";

/** The team's working hours: the config names no team hours, so waiting is counted against a 09:00–17:00 day. */
export const TEAM_HOURS = { start: "09:00", end: "17:00" } as const;

/** Minutes of [from, to) that fall within 09:00–17:00 team local time on the team's workdays. */
export function teamWorkingMinutes(from: Instant, to: Instant, team: Pick<Team, "timezone" | "workdays">): number {
  const [start, end] = [toInstant(from), toInstant(to)];
  if (end <= start) return 0;
  let minutes = 0;
  const last = end.setZone(team.timezone).toISODate()!;
  for (let date = start.setZone(team.timezone).toISODate()!; date <= last; date = addDays(date, 1)) {
    if (!team.workdays.includes(weekdayOf(date))) continue;
    const open = atLocal(date, TEAM_HOURS.start, team.timezone);
    const close = atLocal(date, TEAM_HOURS.end, team.timezone);
    const overlap = Math.min(close.toMillis(), end.toMillis()) - Math.max(open.toMillis(), start.toMillis());
    if (overlap > 0) minutes += overlap / 60_000;
  }
  return Math.floor(minutes);
}

/** "45 min", "8 h", "12 h 30 min". */
export function formatWorkingTime(minutes: number): string {
  const [hours, rest] = [Math.floor(minutes / 60), minutes % 60];
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
