import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { sourceOf } from "./markdown-tree.js";
import { memoize } from "./memoize.js";

export interface SlashCommand {
  /** Lower case, without the slash: "decision", "decided", "handoff". */
  name: string;
  /** The rest of the line; when that is empty, the following lines of the paragraph up to the next command. */
  argument: string;
  /** The command line as written. */
  line: string;
}

const COMMAND = /^[ \t]*\/([A-Za-z][A-Za-z-]*)(?:[ \t]+(.*))?$/;

/** Paragraphs where a command may stand: not in code, HTML or a quote (quoting someone's command does not repeat it). */
function paragraphs(node: Nodes): Nodes[] {
  if (node.type === "paragraph") return [node];
  if (node.type === "blockquote" || !("children" in node)) return [];
  return node.children.flatMap((child) => paragraphs(child));
}

/**
 * A line where a paragraph may start with "/<name>": after indentation and list markers only. A text with
 * none holds no command, and is not parsed: most comments are such texts, and parsing is what costs.
 */
const MAY_HOLD_COMMAND = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*\/[A-Za-z]/m;

/** The slash commands of a comment: lines of its paragraphs that start with "/<name>". */
export function slashCommands(markdown: string): SlashCommand[] {
  return MAY_HOLD_COMMAND.test(markdown) ? [...commandsOf(markdown)] : [];
}

// Ticks ask again about the same recorded comments; parsing is what costs.
const commandsOf = memoize((markdown: string): readonly SlashCommand[] => {
  const commands: SlashCommand[] = [];
  for (const paragraph of paragraphs(fromMarkdown(markdown))) {
    const lines = sourceOf(markdown, paragraph).split(/\r?\n/);
    lines.forEach((line, index) => {
      const match = COMMAND.exec(line);
      if (!match) return;
      let argument = (match[2] ?? "").trim();
      if (argument === "") {
        const rest = lines.slice(index + 1);
        const next = rest.findIndex((candidate) => COMMAND.test(candidate));
        argument = rest.slice(0, next === -1 ? undefined : next).join("\n").trim();
      }
      commands.push({ name: match[1]!.toLowerCase(), argument, line: line.trim() });
    });
  }
  return commands;
}, 1_000);
