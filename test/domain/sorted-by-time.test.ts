import { describe, expect, it } from "@jest/globals";
import { sortedByTime } from "../../src/domain/end-of-day.js";
import { comment } from "./event-factory.js";

const event = (id: number, at: string) => comment({ id, actor: "budi", at, number: 7, body: `note ${id}` });

describe("sortedByTime", () => {
  it.each([
    ["already in order", [[1, "2026-11-02T08:00:00.000Z"], [2, "2026-11-02T09:00:00.000Z"]], [1, 2]],
    ["out of order", [[1, "2026-11-02T09:00:00.000Z"], [2, "2026-11-02T08:00:00.000Z"]], [2, 1]],
    ["the same instant: recording order", [[2, "2026-11-02T08:00:00.000Z"], [1, "2026-11-02T08:00:00.000Z"]], [1, 2]],
    // As text, "….900Z" comes before "…Z"; as instants, 08:00:00.900 is the later.
    ["UTC written two ways", [[1, "2026-11-02T08:00:00.900Z"], [2, "2026-11-02T08:00:00Z"]], [2, 1]],
    // 15:00+07:00 is 08:00Z: earlier than 08:30Z, though its text sorts after it.
    ["an offset", [[1, "2026-11-02T08:30:00.000Z"], [2, "2026-11-02T15:00:00.000+07:00"]], [2, 1]],
    // 14:30+05:45 is 08:45Z.
    ["a 45-minute offset", [[1, "2026-11-02T14:30:00.000+05:45"], [2, "2026-11-02T08:40:00.000Z"]], [2, 1]],
  ] as const)("%s", (_case, events, expected) => {
    const input = events.map(([id, at]) => event(id, at));
    const sorted = sortedByTime(input);
    expect(sorted.map((e) => e.id)).toEqual(expected);
    expect(sorted).not.toBe(input);
  });
});
