import { describe, expect, it } from "@jest/globals";
import { slashCommands } from "../../src/domain/slash-commands.js";

describe("slashCommands", () => {
  it.each([
    ["a command line", "/decision ship on Friday?", ["decision ship on Friday?"]],
    ["a line of a paragraph", "Two things.\n/decided ship it", ["decided ship it"]],
    ["a list item", "- /decision which queue?", ["decision which queue?"]],
    ["an ordered, nested list item", "1) - /decision which queue?", ["decision which queue?"]],
    ["an indented continuation", "- first\n  /decision which queue?", ["decision which queue?"]],
    ["a slash inside a line", "See https://example.com/decision and a/b.", []],
    ["a quote", "> /decision which queue?", []],
    ["code", "```\n/decision which queue?\n```", []],
    ["no slash at all", "Pushed a fix for the flaky test.", []],
  ])("%s", (_case, markdown, expected) => {
    expect(slashCommands(markdown).map((command) => `${command.name} ${command.argument}`)).toEqual(expected);
  });
});
