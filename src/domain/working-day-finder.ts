import { daySpan, millis, workingDayOf, type WorkingPattern } from "./working-day.js";

const DAY_MS = 24 * 3_600_000;

/**
 * `workingDayOf` for many instants of one contractor, as a digest needs it: the span of the day last
 * found is remembered, so instants in time order cost a comparison rather than a time-zone conversion
 * each. Only a plain 24-hour span with one UTC offset is remembered; a day with a DST change is worked
 * out instant by instant.
 */
export function workingDayFinder(pattern: Pick<WorkingPattern, "timezone" | "day_boundary">): (instant: string) => string {
  let span: { day: string; start: number; end: number } | null = null;
  return (instant) => {
    const at = millis(instant);
    if (span !== null && at >= span.start && at < span.end) return span.day;
    const day = workingDayOf(instant, pattern);
    const { start, end } = daySpan(day, pattern);
    const plain = end.toMillis() - start.toMillis() === DAY_MS && start.offset === end.offset;
    span = plain ? { day, start: start.toMillis(), end: end.toMillis() } : null;
    return day;
  };
}
