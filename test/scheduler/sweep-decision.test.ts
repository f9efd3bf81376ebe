import { describe, expect, it } from "@jest/globals";
import { DateTime } from "luxon";
import { sweepDecision } from "../../src/scheduler/sweep-deliveries.js";

const at = (time: string) => DateTime.fromISO(`2026-10-29T${time}:00Z`);
const state = (completedFrom: string | null, leaseUntil: string | null = null) => ({
  completedFrom: completedFrom && `2026-10-29T${completedFrom}:00.000Z`,
  leaseUntil: leaseUntil && `2026-10-29T${leaseUntil}:00.000Z`,
});

describe("sweepDecision", () => {
  it.each([
    // last sweep began | lease until | now | server started | decision
    [null, null, "14:20", undefined, "sweep"],
    ["14:00", null, "14:20", undefined, "recent"],
    ["14:00", null, "14:30", undefined, "sweep"],
    ["14:00", null, "14:20", "14:20", "sweep"], // the server's first tick after a short outage
    ["14:20", null, "14:25", "14:20", "recent"], // it has swept since it started
    ["14:21", null, "14:25", "14:20", "recent"], // another replica has
    ["14:00", "14:23", "14:20", "14:20", "running"],
    ["14:00", "14:20", "14:20", "14:20", "sweep"], // that replica's lease has run out
    ["13:40", "14:23", "14:20", undefined, "running"],
  ] as const)("last %s, lease %s, at %s, started %s: %s", (last, lease, now, startedAt, expected) => {
    expect(sweepDecision(state(last, lease), at(now), startedAt === undefined ? undefined : at(startedAt))).toBe(expected);
  });
});
