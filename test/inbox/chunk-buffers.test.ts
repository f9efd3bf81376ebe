import { describe, expect, it } from "@jest/globals";
import { chunkBuffers } from "../../src/inbox/chunk-buffers.js";

describe("chunkBuffers", () => {
  it("hands out the buffers given back, keeps no more than it is told, and makes a new one when none is spare", () => {
    const buffers = chunkBuffers(16, 2);
    const [a, b, c] = [buffers.take(), buffers.take(), buffers.take()];
    expect([a.length, new Set([a, b, c]).size]).toEqual([16, 3]);
    buffers.give(a);
    buffers.give(b);
    buffers.give(c);
    const again = [buffers.take(), buffers.take()];
    expect(again[0]).toBe(b);
    expect(again[1]).toBe(a);
    const fresh = buffers.take();
    expect([a, b, c].includes(fresh)).toBe(false);
    expect(fresh.length).toBe(16);
  });
});
