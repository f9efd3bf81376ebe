import { describe, expect, it } from "@jest/globals";
import { memoize } from "../../src/domain/memoize.js";

describe("memoize", () => {
  it("computes each key once, remembers falsy answers too, and starts over at its limit", () => {
    const computed: string[] = [];
    const lengthOf = memoize((key) => {
      computed.push(key);
      return key.length;
    }, 2);
    expect([lengthOf("ab"), lengthOf("ab"), lengthOf(""), lengthOf("")]).toEqual([2, 2, 0, 0]);
    expect(computed).toEqual(["ab", ""]);
    lengthOf("abc"); // the third key: the memory starts over
    lengthOf("ab");
    expect(computed).toEqual(["ab", "", "abc", "ab"]);
  });
});
