import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { sourceOf } from "./markdown-tree.js";

/**
 * Quoting user text (titles, commit messages, comments) into our Markdown so that it
 * cannot ping anyone, inject HTML, forge a link, or forge one of our hidden markers.
 */

const ZWSP = "\u200B";
const INLINE_MAX = 120;

// An invisible space after "@" stops GitHub from reading a mention (as Dependabot does); the text still reads "@alice".
const neutraliseMentions = (text: string): string => text.replace(/@(?=[A-Za-z0-9])/g, `@${ZWSP}`);

// "#12" would link to an issue of the digest's own repository, not of the repository the text came from.
const neutraliseIssueRefs = (text: string): string => text.replace(/#(?=\d)/g, `#${ZWSP}`);

// Entities turn every tag, comment ("<!--": our markers) and autolink into plain text.
const escapeHtml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// "<" followed by an invisible space never starts a tag or a comment in CommonMark, and reads the same inside code.
const breakTags = (text: string): string => text.replace(/<(?=[A-Za-z/!?])/g, `<${ZWSP}`);

// "&" then a name or "#" may be an entity reference ("&commat;dana" reads "@dana" outside code); "&" then an invisible space never is.
const breakEntities = (text: string): string => text.replace(/&(?=[#A-Za-z0-9])/g, `&${ZWSP}`);

// Control characters other than tab have no business in a digest line.
// eslint-disable-next-line no-control-regex
const dropControls = (text: string): string => text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "");

/** The first non-blank line of `text`, trimmed, capped at 120 characters with "…". */
function firstLine(text: string): string {
  const line = text.split(/\r\n|\r|\n/).find((candidate) => candidate.trim() !== "") ?? "";
  const chars = Array.from(line.trim());
  return chars.length > INLINE_MAX ? `${chars.slice(0, INLINE_MAX - 1).join("").trimEnd()}…` : chars.join("");
}

/**
 * One line of user text for use inside a Markdown line: no HTML, no mention, no issue
 * reference, and no Markdown that could open a code span or forge a link.
 */
export function inlineText(text: string): string {
  const line = dropControls(firstLine(text));
  // Backslash first, so that the escapes added next cannot be undone by the user's own backslashes.
  const markdownSafe = line.replace(/\\/g, "\\\\").replace(/[`[\]]/g, (char) => `\\${char}`);
  return neutraliseIssueRefs(neutraliseMentions(escapeHtml(markdownSafe)));
}

/** The 1-based numbers of the lines that CommonMark reads as part of a fenced code block (fence lines included). */
function fencedCodeLines(markdown: string): Set<number> {
  const lines = new Set<number>();
  const visit = (node: Nodes): void => {
    // A fenced block starts at its fence; an indented one at its indentation.
    if (node.type === "code" && /^[`~]/.test(sourceOf(markdown, node))) {
      for (let line = node.position?.start.line ?? 1; line <= (node.position?.end.line ?? 0); line++) lines.add(line);
    } else if ("children" in node) node.children.forEach(visit);
  };
  visit(fromMarkdown(markdown));
  return lines;
}

/**
 * Multi-line user text as a Markdown blockquote ("> " on every line). Lists, emphasis and
 * code stay readable: lines of fenced code keep `<`, `>` and `&` (tags and entity references
 * broken by an invisible space), every other line is HTML-escaped.
 *
 * Both forms are safe whichever way a line is finally read (a renderer that reads the fences
 * differently, a continuation comment that starts inside a fence): neither holds a tag, an
 * entity reference or a live mention. Which form a line gets only decides how it reads.
 */
export function quoteBlock(text: string): string {
  const source = dropControls(text.replace(/\r\n?/g, "\n")).replace(/\s+$/, "");
  // Fences are found in the text as every other line will be written: escaped, so that no HTML
  // block or nested quote of the user's decides where a fence is and the parse matches the output.
  // Escaping adds and removes no backtick or tilde: a text without a run of three has no fence to parse.
  const code = /`{3}|~{3}/.test(source) ? fencedCodeLines(escapeHtml(source)) : new Set<number>();
  return source
    .split("\n")
    .map((line, index) => {
      const safe = code.has(index + 1) ? breakEntities(breakTags(line)) : escapeHtml(line);
      const quoted = neutraliseIssueRefs(neutraliseMentions(safe));
      return quoted === "" ? ">" : `> ${quoted}`;
    })
    .join("\n");
}

/**
 * User text (a branch name) as an inline code span: fenced by more backticks than it
 * contains, with tags broken so the raw body never holds a forged marker.
 */
export function codeSpan(text: string): string {
  const flat = dropControls(text.replace(/[\r\n]+/g, " "));
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = "`".repeat(longestRun + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${ticks}${pad}${breakTags(flat)}${pad}${ticks}`;
}

/**
 * Text (user text included) as a fenced code block: fenced by more backticks than it contains, with tags
 * broken so that the raw body never holds a forged marker, and mentions and entity references ("&commat;")
 * neutralised so that text copied out of it and posted pings nobody either.
 */
export function codeBlock(text: string, info = ""): string {
  const flat = dropControls(text.replace(/\r\n?/g, "\n"));
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}${info}\n${neutraliseMentions(breakEntities(breakTags(flat)))}\n${fence}`;
}
