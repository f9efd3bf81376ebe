import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { DateTime } from "luxon";
import { parseAt, UsageError } from "../../src/cli/parse-at.js";
import { validateCommand } from "../../src/cli/validate-command.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/configs/${name}.yml`, import.meta.url));

/** Runs the real CLI as a user would (`npm run --silent handoff -- …` runs exactly this). */
function handoff(...args: string[]) {
  return handoffWith({}, ...args);
}

function handoffWith(env: NodeJS.ProcessEnv, ...args: string[]) {
  const result = spawnSync("npx", ["tsx", "src/cli/main.ts", ...args], { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: ":memory:", ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("handoff validate", () => {
  it("prints every problem with its path and fails", () => {
    const lines: string[] = [];
    expect(validateCommand(fixture("invalid"), (line) => lines.push(line))).toBe(1);
    expect(lines.slice(1)).toMatchInlineSnapshot(`
[
  "  team.digest_tme: unknown key (check its spelling and level)",
  "  contractors[0].timezone: "Asia/Jakarta2" is not an IANA time zone",
]
`);
  });

  it("accepts a valid file", () => {
    const lines: string[] = [];
    expect(validateCommand(fixture("acme"), (line) => lines.push(line))).toBe(0);
    expect(lines[0]).toContain("is valid: team in America/Los_Angeles, digest at 08:30, 2 contractor(s): budi (Asia/Jakarta), carla (America/Argentina/Buenos_Aires)");
  });
});

describe("--at", () => {
  it.each`
    value                                | expected                      | why
    ${"2026-10-29T15:30:00Z"}            | ${"2026-10-29T15:30:00.000Z"} | ${"UTC"}
    ${"2026-10-29T15:30Z"}               | ${"2026-10-29T15:30:00.000Z"} | ${"no seconds"}
    ${"2026-10-29T15:30:00.250Z"}        | ${"2026-10-29T15:30:00.250Z"} | ${"milliseconds"}
    ${"2026-10-29T22:30:00+07:00"}       | ${"2026-10-29T15:30:00.000Z"} | ${"Jakarta's offset"}
    ${"2026-10-29T08:30:00-07:00"}       | ${"2026-10-29T15:30:00.000Z"} | ${"a negative offset"}
    ${"2026-10-29T21:15:00+05:45"}       | ${"2026-10-29T15:30:00.000Z"} | ${"a 45-minute offset"}
    ${"2026-10-29T22:30:00+0700"}        | ${"2026-10-29T15:30:00.000Z"} | ${"basic-format offset"}
    ${"2026-10-30T00:30:00+09:00"}       | ${"2026-10-29T15:30:00.000Z"} | ${"the next local date"}
  `("accepts $value ($why)", ({ value, expected }) => {
    expect(parseAt(value as string)).toBe(expected);
  });

  it.each`
    value                                    | message                         | why
    ${"2026-10-29T15:30"}                    | ${"has no UTC offset"}          | ${"local time: would depend on the machine's zone"}
    ${"2026-10-29T15:30:00"}                 | ${"has no UTC offset"}          | ${"local time with seconds"}
    ${"2026-10-29"}                          | ${"has no UTC offset"}          | ${"a bare date"}
    ${"2026-10-29T15"}                       | ${"has no UTC offset"}          | ${"an hour only"}
    ${"2026-10-29T15:30:00Z[Europe/Berlin]"} | ${"is not an ISO-8601 instant"} | ${"a bracketed zone overrides the offset in luxon"}
    ${"yesterday"}                           | ${"is not an ISO-8601 instant"} | ${"not a date"}
    ${"2026-10-29 15:30:00Z"}                | ${"is not an ISO-8601 instant"} | ${"a space instead of T"}
    ${""}                                    | ${"is not an ISO-8601 instant"} | ${"empty"}
  `("rejects $value ($why)", ({ value, message }) => {
    const attempt = () => parseAt(value as string);
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(message as string);
    expect(attempt).toThrow("e.g. 2026-10-29T15:30:00Z");
  });

  it("defaults to now, in UTC", () => {
    expect(parseAt(undefined, () => DateTime.fromISO("2026-10-29T22:30:00+07:00", { setZone: true }))).toBe("2026-10-29T15:30:00.000Z");
  });
});

describe("the handoff CLI", () => {
  it("exits 1 on an invalid file", () => {
    const run = handoff("validate", fixture("invalid"));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('contractors[0].timezone: "Asia/Jakarta2" is not an IANA time zone');
  });

  it("prints the schedule as JSON in exactly the documented shape", () => {
    const run = handoff("schedule", "--config", fixture("acme"), "--at", "2026-10-29T15:30:00Z", "--json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      at: "2026-10-29T15:30:00.000Z",
      team: { timezone: "America/Los_Angeles", next_digest: "2026-10-29T15:30:00.000Z" },
      contractors: [
        // 22:30 WIB on Thu: working day Thu; next brief Fri 09:00 WIB; Thu's reminder (18:00 WIB) has passed, so Fri 18:00 WIB.
        { login: "budi", timezone: "Asia/Jakarta", working_day: "2026-10-29", next_brief: "2026-10-30T02:00:00.000Z", next_reminder: "2026-10-30T11:00:00.000Z" },
        // 12:30 ART on Thu: hours 10:00-18:00 started; reminder at 18:30 ART = 21:30Z.
        { login: "carla", timezone: "America/Argentina/Buenos_Aires", working_day: "2026-10-29", next_brief: "2026-10-30T13:00:00.000Z", next_reminder: "2026-10-29T21:30:00.000Z" },
      ],
    });
  });

  it("explains a bad --at and exits 2, as for any bad usage", () => {
    const run = handoff("schedule", "--config", fixture("acme"), "--at", "yesterday");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--at "yesterday" is not an ISO-8601 instant');
  });

  it("refuses HANDOFF_RETENTION_DAYS=0 before a tick prunes anything", () => {
    const run = handoffWith({ HANDOFF_RETENTION_DAYS: "0" }, "tick", "--at", "2026-10-29T15:30:00Z");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('HANDOFF_RETENTION_DAYS="0" is not valid: it takes a whole number of days, 1 or more');
  });

  it.each([["schedule", "--config", fixture("acme")], ["tick"]])("refuses an --at without a UTC offset: %s", (...args) => {
    const run = handoff(...args, "--at", "2026-10-29T15:30");
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: "" });
    expect(run.stderr.trim()).toBe(
      `--at "2026-10-29T15:30" has no UTC offset, so it would be read in this machine's time zone; add Z or ±hh:mm (e.g. 2026-10-29T15:30:00Z, or 2026-10-29T22:30:00+07:00)`,
    );
  });
});
