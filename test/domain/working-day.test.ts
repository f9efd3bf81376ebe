import { describe, expect, it } from "@jest/globals";
import type { Weekday } from "../../src/config/schema.js";
import { dayBeganSince, daySpan, hoursWindow, isScheduled, workingDayOf } from "../../src/domain/working-day.js";

describe("workingDayOf", () => {
  it.each`
    zone                     | boundary   | instant                   | expected        | why
    ${"Asia/Jakarta"}        | ${"04:00"} | ${"2026-10-29T18:30:00Z"} | ${"2026-10-29"} | ${"01:30 WIB belongs to the previous day"}
    ${"Asia/Jakarta"}        | ${"04:00"} | ${"2026-10-29T20:59:00Z"} | ${"2026-10-29"} | ${"03:59 WIB, one minute before the boundary"}
    ${"Asia/Jakarta"}        | ${"04:00"} | ${"2026-10-29T21:00:00Z"} | ${"2026-10-30"} | ${"04:00 WIB, exactly at the boundary"}
    ${"America/Los_Angeles"} | ${"04:00"} | ${"2026-10-29T10:59:00Z"} | ${"2026-10-28"} | ${"03:59 PDT"}
    ${"America/Los_Angeles"} | ${"04:00"} | ${"2026-10-29T11:00:00Z"} | ${"2026-10-29"} | ${"04:00 PDT"}
    ${"America/Sao_Paulo"}   | ${"04:00"} | ${"2026-01-15T06:59:00Z"} | ${"2026-01-14"} | ${"03:59 -03 (no DST since 2019)"}
    ${"America/Sao_Paulo"}   | ${"04:00"} | ${"2026-01-15T07:00:00Z"} | ${"2026-01-15"} | ${"04:00 -03"}
    ${"Asia/Kolkata"}        | ${"04:00"} | ${"2026-10-29T22:29:00Z"} | ${"2026-10-29"} | ${"03:59 +05:30"}
    ${"Asia/Kolkata"}        | ${"04:00"} | ${"2026-10-29T22:30:00Z"} | ${"2026-10-30"} | ${"04:00 +05:30"}
    ${"Asia/Kathmandu"}      | ${"04:00"} | ${"2026-10-29T22:14:00Z"} | ${"2026-10-29"} | ${"03:59 +05:45"}
    ${"Asia/Kathmandu"}      | ${"04:00"} | ${"2026-10-29T22:15:00Z"} | ${"2026-10-30"} | ${"04:00 +05:45"}
    ${"Pacific/Chatham"}     | ${"04:00"} | ${"2026-01-14T14:14:00Z"} | ${"2026-01-14"} | ${"03:59 +13:45 (southern summer)"}
    ${"Pacific/Chatham"}     | ${"04:00"} | ${"2026-01-14T14:30:00Z"} | ${"2026-01-15"} | ${"04:15 +13:45; +12:45 would give 03:15"}
    ${"Pacific/Chatham"}     | ${"04:00"} | ${"2026-07-14T14:30:00Z"} | ${"2026-07-14"} | ${"03:15 +12:45 (winter); +13:45 would give 04:15"}
    ${"Pacific/Chatham"}     | ${"04:00"} | ${"2026-07-14T15:15:00Z"} | ${"2026-07-15"} | ${"04:00 +12:45"}
    ${"Australia/Sydney"}    | ${"04:00"} | ${"2026-10-02T17:59:00Z"} | ${"2026-10-02"} | ${"Sat 03:59 AEST, the day before DST starts"}
    ${"Australia/Sydney"}    | ${"04:00"} | ${"2026-10-02T18:00:00Z"} | ${"2026-10-03"} | ${"Sat 04:00 AEST"}
    ${"Australia/Sydney"}    | ${"04:00"} | ${"2026-10-03T16:59:00Z"} | ${"2026-10-03"} | ${"Sun 03:59 AEDT, DST started at 02:00"}
    ${"Australia/Sydney"}    | ${"04:00"} | ${"2026-10-03T17:00:00Z"} | ${"2026-10-04"} | ${"Sun 04:00 AEDT; AEST would give 03:00"}
    ${"Australia/Sydney"}    | ${"04:00"} | ${"2026-04-04T16:59:00Z"} | ${"2026-04-04"} | ${"Sun 02:59 AEST, second pass of the repeated hour"}
    ${"Australia/Sydney"}    | ${"04:00"} | ${"2026-04-04T17:30:00Z"} | ${"2026-04-04"} | ${"Sun 03:30 AEST; AEDT would give 04:30"}
    ${"Australia/Sydney"}    | ${"04:00"} | ${"2026-04-04T18:00:00Z"} | ${"2026-04-05"} | ${"Sun 04:00 AEST"}
    ${"America/Santiago"}    | ${"04:00"} | ${"2026-04-04T06:59:00Z"} | ${"2026-04-03"} | ${"Sat 03:59 -03, the day before DST ends"}
    ${"America/Santiago"}    | ${"04:00"} | ${"2026-04-05T07:59:00Z"} | ${"2026-04-04"} | ${"Sun 03:59 -04, after DST ended at midnight"}
    ${"America/Santiago"}    | ${"04:00"} | ${"2026-04-05T08:00:00Z"} | ${"2026-04-05"} | ${"Sun 04:00 -04"}
    ${"America/Santiago"}    | ${"04:00"} | ${"2026-09-06T06:59:00Z"} | ${"2026-09-05"} | ${"Sun 03:59 -03, DST started at midnight"}
    ${"America/Santiago"}    | ${"04:00"} | ${"2026-09-06T07:00:00Z"} | ${"2026-09-06"} | ${"Sun 04:00 -03; -04 would give 03:00"}
    ${"America/Los_Angeles"} | ${"04:00"} | ${"2026-10-31T10:59:00Z"} | ${"2026-10-30"} | ${"Sat 03:59 PDT, the day before DST ends"}
    ${"America/Los_Angeles"} | ${"04:00"} | ${"2026-11-01T08:30:00Z"} | ${"2026-10-31"} | ${"Sun 01:30 PDT, first pass of the repeated hour"}
    ${"America/Los_Angeles"} | ${"04:00"} | ${"2026-11-01T09:30:00Z"} | ${"2026-10-31"} | ${"Sun 01:30 PST, second pass"}
    ${"America/Los_Angeles"} | ${"04:00"} | ${"2026-11-01T11:59:00Z"} | ${"2026-10-31"} | ${"Sun 03:59 PST; PDT would give 04:59"}
    ${"America/Los_Angeles"} | ${"04:00"} | ${"2026-11-01T12:00:00Z"} | ${"2026-11-01"} | ${"Sun 04:00 PST"}
    ${"Europe/Berlin"}       | ${"04:00"} | ${"2026-10-24T01:59:00Z"} | ${"2026-10-23"} | ${"Sat 03:59 CEST"}
    ${"Europe/Berlin"}       | ${"04:00"} | ${"2026-10-25T02:59:00Z"} | ${"2026-10-24"} | ${"Sun 03:59 CET, DST ended at 03:00 CEST"}
    ${"Europe/Berlin"}       | ${"04:00"} | ${"2026-10-25T03:00:00Z"} | ${"2026-10-25"} | ${"Sun 04:00 CET"}
    ${"Europe/Berlin"}       | ${"04:00"} | ${"2026-03-29T00:59:00Z"} | ${"2026-03-28"} | ${"Sun 01:59 CET, just before the gap"}
    ${"Europe/Berlin"}       | ${"04:00"} | ${"2026-03-29T01:59:00Z"} | ${"2026-03-28"} | ${"Sun 03:59 CEST"}
    ${"Europe/Berlin"}       | ${"04:00"} | ${"2026-03-29T02:00:00Z"} | ${"2026-03-29"} | ${"Sun 04:00 CEST; CET would give 03:00"}
    ${"Asia/Jakarta"}        | ${"14:00"} | ${"2026-10-29T22:59:00Z"} | ${"2026-10-29"} | ${"night shift: Fri 05:59 WIB ends Thursday's shift"}
    ${"Asia/Jakarta"}        | ${"14:00"} | ${"2026-10-30T06:59:00Z"} | ${"2026-10-29"} | ${"night shift: Fri 13:59 WIB, one minute before the boundary"}
    ${"Asia/Jakarta"}        | ${"14:00"} | ${"2026-10-30T07:00:00Z"} | ${"2026-10-30"} | ${"night shift: Fri 14:00 WIB, exactly at the boundary"}
    ${"Asia/Jakarta"}        | ${"14:00"} | ${"2026-10-30T15:00:00Z"} | ${"2026-10-30"} | ${"night shift: Fri 22:00 WIB starts Friday's shift"}
  `("$zone, boundary $boundary: $instant is $expected ($why)", ({ zone, boundary, instant, expected }) => {
    expect(workingDayOf(instant as string, { timezone: zone as string, day_boundary: boundary as string })).toBe(expected);
  });
});

describe("hoursWindow", () => {
  it.each`
    zone                     | hours            | day             | start                         | end
    ${"Asia/Jakarta"}        | ${"09:00-17:30"} | ${"2026-10-30"} | ${"2026-10-30T02:00:00.000Z"} | ${"2026-10-30T10:30:00.000Z"}
    ${"Asia/Jakarta"}        | ${"22:00-06:00"} | ${"2026-10-30"} | ${"2026-10-30T15:00:00.000Z"} | ${"2026-10-30T23:00:00.000Z"}
    ${"Asia/Kathmandu"}      | ${"09:00-17:00"} | ${"2026-10-30"} | ${"2026-10-30T03:15:00.000Z"} | ${"2026-10-30T11:15:00.000Z"}
    ${"Pacific/Chatham"}     | ${"09:00-17:00"} | ${"2026-09-26"} | ${"2026-09-25T20:15:00.000Z"} | ${"2026-09-26T04:15:00.000Z"}
    ${"Pacific/Chatham"}     | ${"09:00-17:00"} | ${"2026-09-27"} | ${"2026-09-26T19:15:00.000Z"} | ${"2026-09-27T03:15:00.000Z"}
    ${"Australia/Sydney"}    | ${"09:00-17:00"} | ${"2026-04-05"} | ${"2026-04-04T23:00:00.000Z"} | ${"2026-04-05T07:00:00.000Z"}
    ${"Europe/Berlin"}       | ${"09:00-17:00"} | ${"2026-10-24"} | ${"2026-10-24T07:00:00.000Z"} | ${"2026-10-24T15:00:00.000Z"}
    ${"Europe/Berlin"}       | ${"09:00-17:00"} | ${"2026-10-25"} | ${"2026-10-25T08:00:00.000Z"} | ${"2026-10-25T16:00:00.000Z"}
    ${"Europe/Berlin"}       | ${"22:00-06:00"} | ${"2026-03-28"} | ${"2026-03-28T21:00:00.000Z"} | ${"2026-03-29T04:00:00.000Z"}
    ${"Europe/Berlin"}       | ${"02:30-10:00"} | ${"2026-03-29"} | ${"2026-03-29T01:30:00.000Z"} | ${"2026-03-29T08:00:00.000Z"}
    ${"America/Los_Angeles"} | ${"22:00-06:00"} | ${"2026-10-31"} | ${"2026-11-01T05:00:00.000Z"} | ${"2026-11-01T14:00:00.000Z"}
    ${"America/Santiago"}    | ${"22:00-06:00"} | ${"2026-04-04"} | ${"2026-04-05T01:00:00.000Z"} | ${"2026-04-05T10:00:00.000Z"}
    ${"America/Sao_Paulo"}   | ${"16:00-00:00"} | ${"2026-01-15"} | ${"2026-01-15T19:00:00.000Z"} | ${"2026-01-16T03:00:00.000Z"}
  `("$zone $hours on $day runs $start to $end", ({ zone, hours, day, start, end }) => {
    const window = hoursWindow(day as string, { timezone: zone as string, hours: hours as string });
    expect([window.start.toUTC().toISO(), window.end.toUTC().toISO()]).toEqual([start, end]);
  });
});

describe("daySpan", () => {
  it.each`
    zone                     | boundary   | day             | hours | start
    ${"Asia/Jakarta"}        | ${"04:00"} | ${"2026-10-30"} | ${24} | ${"2026-10-29T21:00:00.000Z"}
    ${"Europe/Berlin"}       | ${"04:00"} | ${"2026-03-28"} | ${23} | ${"2026-03-28T03:00:00.000Z"}
    ${"Europe/Berlin"}       | ${"04:00"} | ${"2026-03-29"} | ${24} | ${"2026-03-29T02:00:00.000Z"}
    ${"Europe/Berlin"}       | ${"00:00"} | ${"2026-03-29"} | ${23} | ${"2026-03-28T23:00:00.000Z"}
    ${"Europe/Berlin"}       | ${"04:00"} | ${"2026-10-24"} | ${25} | ${"2026-10-24T02:00:00.000Z"}
    ${"America/Los_Angeles"} | ${"04:00"} | ${"2026-03-07"} | ${23} | ${"2026-03-07T12:00:00.000Z"}
    ${"America/Los_Angeles"} | ${"04:00"} | ${"2026-10-31"} | ${25} | ${"2026-10-31T11:00:00.000Z"}
    ${"America/Los_Angeles"} | ${"04:00"} | ${"2026-11-01"} | ${24} | ${"2026-11-01T12:00:00.000Z"}
    ${"Australia/Sydney"}    | ${"04:00"} | ${"2026-10-03"} | ${23} | ${"2026-10-02T18:00:00.000Z"}
    ${"Australia/Sydney"}    | ${"04:00"} | ${"2026-04-04"} | ${25} | ${"2026-04-03T17:00:00.000Z"}
    ${"Pacific/Chatham"}     | ${"04:00"} | ${"2026-09-26"} | ${23} | ${"2026-09-25T15:15:00.000Z"}
    ${"Pacific/Chatham"}     | ${"04:00"} | ${"2026-04-04"} | ${25} | ${"2026-04-03T14:15:00.000Z"}
    ${"America/Santiago"}    | ${"04:00"} | ${"2026-09-05"} | ${23} | ${"2026-09-05T08:00:00.000Z"}
    ${"America/Santiago"}    | ${"04:00"} | ${"2026-04-04"} | ${25} | ${"2026-04-04T07:00:00.000Z"}
  `("$zone day $day from boundary $boundary lasts $hours hours", ({ zone, boundary, day, hours, start }) => {
    const span = daySpan(day as string, { timezone: zone as string, day_boundary: boundary as string });
    expect([span.start.toUTC().toISO(), span.end.diff(span.start, "hours").hours]).toEqual([start, hours]);
  });
});

describe("daySpan where DST skips the boundary", () => {
  // The day begins at the first instant whose wall clock reads the boundary or later, as workingDayOf counts:
  // where the boundary is skipped, the moment the clocks jump past it (luxon alone would move it on by the gap).
  it.each`
    zone                     | boundary   | day             | start                         | why
    ${"America/New_York"}    | ${"02:15"} | ${"2026-03-08"} | ${"2026-03-08T07:00:00.000Z"} | ${"02:00 EST jumps to 03:00 EDT"}
    ${"America/New_York"}    | ${"02:15"} | ${"2026-03-07"} | ${"2026-03-07T07:15:00.000Z"} | ${"the day before, as usual"}
    ${"Australia/Lord_Howe"} | ${"02:10"} | ${"2026-10-04"} | ${"2026-10-03T15:30:00.000Z"} | ${"a 30-minute jump, 02:00 to 02:30"}
    ${"Pacific/Chatham"}     | ${"03:00"} | ${"2026-09-27"} | ${"2026-09-26T14:00:00.000Z"} | ${"02:45 +12:45 jumps to 03:45 +13:45"}
    ${"America/Santiago"}    | ${"00:00"} | ${"2026-09-06"} | ${"2026-09-06T04:00:00.000Z"} | ${"midnight is skipped: the day begins at 01:00"}
    ${"Europe/Berlin"}       | ${"02:30"} | ${"2026-10-25"} | ${"2026-10-25T01:30:00.000Z"} | ${"a repeated hour: the 02:30 after which the clock stays past it"}
  `("$zone from $boundary: day $day starts at $start ($why)", ({ zone, boundary, day, start }) => {
    const pattern = { timezone: zone as string, day_boundary: boundary as string };
    const span = daySpan(day as string, pattern);
    expect(span.start.toUTC().toISO()).toBe(start);
    expect(workingDayOf(span.start, pattern)).toBe(day);
    expect(workingDayOf(span.start.minus({ minutes: 1 }), pattern)).not.toBe(day);
  });
});

describe("dayBeganSince", () => {
  it.each`
    zone                     | boundary   | day             | since                     | expected | why
    ${"Asia/Jakarta"}        | ${"04:00"} | ${"2026-10-29"} | ${"2026-10-28T21:00:00Z"} | ${true}  | ${"Thu 04:00 WIB, the day began at that instant"}
    ${"Asia/Jakarta"}        | ${"04:00"} | ${"2026-10-29"} | ${"2026-10-28T23:00:00Z"} | ${false} | ${"Thu 06:00 WIB: before hours, but the day had begun"}
    ${"America/Los_Angeles"} | ${"14:00"} | ${"2026-10-29"} | ${"2026-10-29T20:59:00Z"} | ${true}  | ${"night shift: Thu 13:59 PDT is still Wednesday"}
    ${"America/Los_Angeles"} | ${"14:00"} | ${"2026-10-29"} | ${"2026-10-29T22:00:00Z"} | ${false} | ${"night shift: Thu 15:00 PDT, before the shift"}
    ${"Europe/Berlin"}       | ${"04:00"} | ${"2026-10-25"} | ${"2026-10-25T02:59:00Z"} | ${true}  | ${"Sun 03:59 CET after DST ended; CEST would give 04:59"}
    ${"Europe/Berlin"}       | ${"04:00"} | ${"2026-10-25"} | ${"2026-10-25T03:01:00Z"} | ${false} | ${"Sun 04:01 CET"}
  `("$zone, boundary $boundary: day $day began since $since is $expected ($why)", ({ zone, boundary, day, since, expected }) => {
    expect(dayBeganSince(day as string, { timezone: zone as string, day_boundary: boundary as string }, since as string)).toBe(expected);
  });
});

describe("isScheduled", () => {
  const weekdays = ["mon", "tue", "wed", "thu", "fri"] as const;
  it.each`
    day             | workdays              | daysOff           | extraDaysOff      | expected | why
    ${"2026-10-30"} | ${weekdays}           | ${[]}             | ${[]}             | ${true}  | ${"a Friday"}
    ${"2026-10-31"} | ${weekdays}           | ${[]}             | ${[]}             | ${false} | ${"a Saturday"}
    ${"2026-11-01"} | ${weekdays}           | ${[]}             | ${[]}             | ${false} | ${"a Sunday"}
    ${"2026-10-31"} | ${["sat", "sun"]}     | ${[]}             | ${[]}             | ${true}  | ${"a Saturday for a weekend worker"}
    ${"2026-10-30"} | ${["sat", "sun"]}     | ${[]}             | ${[]}             | ${false} | ${"a Friday for a weekend worker"}
    ${"2026-12-24"} | ${weekdays}           | ${["2026-12-24"]} | ${[]}             | ${false} | ${"a Thursday in days_off"}
    ${"2026-12-23"} | ${weekdays}           | ${["2026-12-24"]} | ${[]}             | ${true}  | ${"the Wednesday before a day off"}
    ${"2026-11-02"} | ${weekdays}           | ${[]}             | ${["2026-11-02"]} | ${false} | ${"a Monday taken off with /handoff off"}
    ${"2026-11-03"} | ${weekdays}           | ${[]}             | ${["2026-11-02"]} | ${true}  | ${"the Tuesday after it"}
  `("$day is scheduled: $expected ($why)", ({ day, workdays, daysOff, extraDaysOff, expected }) => {
    const pattern = { workdays: workdays as Weekday[], days_off: daysOff as string[] };
    expect(isScheduled(day as string, pattern, extraDaysOff as string[])).toBe(expected);
  });
});
