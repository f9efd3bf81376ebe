import { describe, expect, it } from "@jest/globals";
import { benchOptions } from "../../bench/bench-options.js";

const USAGE = "usage: npm run bench -- [--json] [--store sqlite|postgres] [--sender bench|node-http]";

describe("the bench's options", () => {
  it.each([
    { argv: [], picked: { store: "sqlite", sender: "bench", json: false } },
    { argv: ["--json", "--store", "postgres"], picked: { store: "postgres", sender: "bench", json: true } },
    { argv: ["--store=postgres", "--sender", "node-http"], picked: { store: "postgres", sender: "node-http", json: false } },
    { argv: ["--sender=bench", "--json"], picked: { store: "sqlite", sender: "bench", json: true } },
  ])("reads $argv", ({ argv, picked }) => {
    expect(benchOptions(argv, {})).toEqual({ ...picked, postgresUrl: "postgresql://postgres@127.0.0.1:5432/test" });
  });

  it("takes the PostgreSQL server from BENCH_DATABASE_URL", () => {
    expect(benchOptions([], { BENCH_DATABASE_URL: "postgresql://bench@db/handoff" }).postgresUrl).toBe("postgresql://bench@db/handoff");
  });

  it.each([
    { argv: ["--store", "mysql"], error: `--store takes "sqlite" or "postgres", got "mysql"; ${USAGE}` },
    { argv: ["--sender"], error: `--sender takes "bench" or "node-http", got undefined; ${USAGE}` },
    { argv: ["--sender=undici"], error: `--sender takes "bench" or "node-http", got "undici"; ${USAGE}` },
    { argv: ["--fast"], error: `unknown option "--fast"; ${USAGE}` },
  ])("refuses $argv, saying what it takes", ({ argv, error }) => {
    expect(() => benchOptions(argv, {})).toThrow(error);
  });
});
