import { describe, expect, it } from "@jest/globals";
import { describeBriefs } from "../../src/cli/describe-briefs.js";

describe("describeBriefs", () => {
  it("prints one line per brief a tick decided", () => {
    const briefs = [
      { login: "budi", day: "2026-10-30", result: "posted" as const },
      { login: "carla", day: "2026-10-30", result: "skipped" as const },
      { login: "sita", day: "2026-10-30", result: "failed" as const, error: "Server Error" },
    ];
    expect(describeBriefs({ account: "acme", briefs })).toEqual([
      "acme: brief budi 2026-10-30 posted",
      "acme: brief carla 2026-10-30 skipped: nothing came in",
      "acme: brief sita 2026-10-30 failed, retried at the next tick: Server Error",
    ]);
    expect(describeBriefs({ account: "acme" })).toEqual([]);
  });
});
