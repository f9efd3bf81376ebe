import { describe, expect, it } from "@jest/globals";
import { perTurn } from "../../src/inbox/per-turn.js";

const turnEnds = () => new Promise((resolve) => setImmediate(resolve));

describe("perTurn", () => {
  it("sends a turn's items in one message once the turn is over, and a later turn's in another", async () => {
    const messages: number[][] = [];
    const send = perTurn((items: number[]) => messages.push(items));
    for (let i = 1; i <= 10; i++) send(i);
    expect(messages).toEqual([]);
    await turnEnds();
    send(11);
    await turnEnds();
    expect(messages).toEqual([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [11]]);
  });
});
