import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { validateCommand } from "../../src/cli/validate-command.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/configs/${name}.yml`, import.meta.url));

/** Runs the real CLI as a user would (`npm run --silent handoff -- …` runs exactly this). */
function handoff(...args: string[]) {
  const result = spawnSync("npx", ["tsx", "src/cli/main.ts", ...args], { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: ":memory:" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("handoff validate", () => {
  it("prints every problem with its path and fails", () => {
    const lines: string[] = [];
    expect(validateCommand(fixture("invalid"), (line) => lines.push(line))).toBe(1);
    expect(lines.slice(1)).toMatchInlineSnapshot(`
[
  "  team.digest_tme: unknown key (check its spelling and level)",
  "  contractors[0].timezone: "Asia/Jakarta2" is not an IANA time zone (e.g. "Europe/Berlin")",
]
`);
  });

  it("accepts a valid file", () => {
    const lines: string[] = [];
    expect(validateCommand(fixture("acme"), (line) => lines.push(line))).toBe(0);
    expect(lines[0]).toContain("is valid: team in America/Los_Angeles, digest at 08:30, 2 contractor(s): budi (Asia/Jakarta), carla (America/Argentina/Buenos_Aires)");
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

  it("explains a bad --at", () => {
    const run = handoff("schedule", "--config", fixture("acme"), "--at", "yesterday");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--at "yesterday" is not an ISO-8601 instant');
  });
});
