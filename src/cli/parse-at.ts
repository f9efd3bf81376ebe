import { DateTime } from "luxon";

const EXAMPLE = "e.g. 2026-10-29T15:30:00Z, or 2026-10-29T22:30:00+07:00";

/** A command-line mistake: the CLI prints the message and exits 2, as for any bad usage. */
export class UsageError extends Error {}

/**
 * The `--at` option as a UTC ISO instant (default: `now`). The value must name its offset (`Z` or `±hh:mm`):
 * one without would be read in this machine's zone and silently run the wrong instant.
 */
export function parseAt(value: string | undefined, now: () => DateTime = () => DateTime.utc()): string {
  if (value === undefined) return now().toUTC().toISO()!;
  const inUtc = DateTime.fromISO(value, { zone: "UTC" });
  // A bracketed zone (`…Z[Europe/Berlin]`) overrides the offset in luxon, so it is refused too.
  if (!inUtc.isValid || value.includes("[")) throw new UsageError(`--at ${JSON.stringify(value)} is not an ISO-8601 instant (${EXAMPLE})`);
  // Rule: an instant that names its offset reads the same in any zone.
  if (DateTime.fromISO(value, { zone: "Etc/GMT-14" }).toMillis() !== inUtc.toMillis()) {
    throw new UsageError(`--at ${JSON.stringify(value)} has no UTC offset, so it would be read in this machine's time zone; add Z or ±hh:mm (${EXAMPLE})`);
  }
  return inUtc.toUTC().toISO()!;
}
