import { describe, expect, it } from "@jest/globals";
import { deliveriesToRedeliver } from "../../src/domain/missed-deliveries.js";

const attempt = (id: number, guid: string, deliveredAt: string, statusCode: number) => ({ id, guid, deliveredAt, statusCode });

describe("deliveriesToRedeliver", () => {
  it.each([
    ["a delivery that never succeeded", [attempt(1, "a", "2026-10-29T10:00:00.000Z", 502)], [1]],
    ["a delivery that succeeded", [attempt(1, "a", "2026-10-29T10:00:00.000Z", 200)], []],
    ["a delivery redelivered successfully", [attempt(1, "a", "2026-10-29T10:00:00.000Z", 0), attempt(2, "a", "2026-10-29T11:00:00.000Z", 202)], []],
    [
      "several failed attempts: the latest is redelivered",
      [attempt(3, "a", "2026-10-29T12:00:00.000Z", 500), attempt(1, "a", "2026-10-29T10:00:00.000Z", 0), attempt(2, "b", "2026-10-29T11:00:00.000Z", 504)],
      [3, 2],
    ],
  ])("%s", (_name, attempts, expected) => {
    expect(deliveriesToRedeliver(attempts)).toEqual(expected);
  });
});
