import { describe, expect, it } from "@jest/globals";
import { workingDayOf } from "../../src/domain/working-day.js";

describe("workingDayOf", () => {
  it("puts 01:30 local before the 04:00 boundary on the previous day", () => {
    expect(workingDayOf("2026-10-29T18:30:00Z", { timezone: "Asia/Jakarta", day_boundary: "04:00" })).toBe("2026-10-29");
    expect(workingDayOf("2026-10-29T18:30:00Z", { timezone: "Asia/Kolkata", day_boundary: "04:00" })).toBe("2026-10-29");
  });
});
