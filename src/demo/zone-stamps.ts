import { DateTime } from "luxon";

/** "Fri 30 Oct 08:30 PDT": an instant on the wall clock of `zone`. */
export function stamp(at: string, zone: string): string {
  return DateTime.fromISO(at, { zone, locale: "en-US" }).toFormat("ccc d LLL HH:mm ZZZZ");
}

/** The team's wall clock, then that of the contractor the line is about (when it is about one): "Wed 28 Oct 04:00 PDT · Wed 28 Oct 18:00 GMT+7 (budi)". */
export function stamps(at: string, teamZone: string, person?: { login: string; zone: string }): string {
  const team = stamp(at, teamZone);
  return person && person.zone !== teamZone ? `${team} · ${stamp(at, person.zone)} (${person.login})` : team;
}

/** The team's local date of an instant, for grouping: "Mon 26 Oct". */
export function teamDay(at: string, teamZone: string): string {
  return DateTime.fromISO(at, { zone: teamZone, locale: "en-US" }).toFormat("ccc d LLL");
}
