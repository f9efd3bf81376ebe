import { describe, expect, it } from "@jest/globals";
import { readEnv } from "../../src/server/read-env.js";

describe("readEnv: HANDOFF_RETENTION_DAYS", () => {
  it.each`
    raw          | expected
    ${undefined} | ${90}
    ${""}        | ${90}
    ${"1"}       | ${1}
    ${"90"}      | ${90}
    ${" 30 "}    | ${30}
    ${"3650"}    | ${3650}
  `("takes $raw as $expected days", ({ raw, expected }) => {
    expect(readEnv({ HANDOFF_RETENTION_DAYS: raw as string | undefined }).retentionDays).toBe(expected);
  });

  it.each`
    raw                       | why
    ${"0"}                    | ${"would prune every event at each tick, before the digest"}
    ${"-1"}                   | ${"negative"}
    ${"1.5"}                  | ${"not whole"}
    ${"90.0"}                 | ${"a decimal point"}
    ${"1e2"}                  | ${"exponent notation"}
    ${"0x10"}                 | ${"hexadecimal"}
    ${"ninety"}               | ${"not a number"}
    ${"90d"}                  | ${"a unit"}
    ${" "}                    | ${"blank"}
    ${"99999999999999999999"} | ${"beyond a safe integer"}
  `("refuses $raw ($why)", ({ raw }) => {
    expect(() => readEnv({ HANDOFF_RETENTION_DAYS: raw as string })).toThrow(
      `HANDOFF_RETENTION_DAYS=${JSON.stringify(raw)} is not valid: it takes a whole number of days, 1 or more (recorded events older than that are pruned). Set it to e.g. 90, or unset it for the default (90).`,
    );
  });
});

describe("readEnv: HANDOFF_TICK_SECONDS", () => {
  it.each`
    raw          | expected
    ${undefined} | ${60}
    ${""}        | ${60}
    ${"0"}       | ${0}
    ${"1"}       | ${1}
    ${"3600"}    | ${3600}
    ${"86400"}   | ${86400}
  `("takes $raw as $expected seconds", ({ raw, expected }) => {
    expect(readEnv({ HANDOFF_TICK_SECONDS: raw as string | undefined }).tickSeconds).toBe(expected);
  });

  it.each`
    raw        | why
    ${"-1"}    | ${"negative"}
    ${"0.5"}   | ${"not whole"}
    ${"1e3"}   | ${"exponent notation"}
    ${"60s"}   | ${"a unit"}
    ${"off"}   | ${"0 turns it off"}
    ${"86401"} | ${"over a day: a team date's digest could be skipped"}
  `("refuses $raw ($why)", ({ raw }) => {
    expect(() => readEnv({ HANDOFF_TICK_SECONDS: raw as string })).toThrow(
      `HANDOFF_TICK_SECONDS=${JSON.stringify(raw)} is not valid: it takes a whole number of seconds from 0 to 86400 (0 turns the internal scheduler off, for an external cron running \`handoff tick\`). Set it to e.g. 60, or unset it for the default (60).`,
    );
  });
});
