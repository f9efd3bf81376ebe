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

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Multi-line user text as a Markdown blockquote ("> " on every line). Lists, emphasis and
 * code stay readable; HTML is escaped outside fenced code and tag-broken inside it, so no
 * `</details>`, `<script>` or `<!--` gets through whichever way a renderer reads the fences.
 */
export function quoteBlock(text: string): string {
  const lines = dropControls(text.replace(/\r\n?/g, "\n")).replace(/\s+$/, "").split("\n");
  let fence: string | null = null;
  return lines
    .map((line) => {
      const opener = FENCE.exec(line)?.[1];
      let safe: string;
      if (fence === null) {
        safe = opener === undefined ? escapeHtml(line) : breakTags(line);
        if (opener !== undefined) fence = opener;
      } else {
        safe = breakTags(line);
        if (opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length && line.trim() === opener) fence = null;
      }
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
 * broken so that the raw body never holds a forged marker, and mentions neutralised so that text copied
 * out of it and posted pings nobody either.
 */
export function codeBlock(text: string, info = ""): string {
  const flat = dropControls(text.replace(/\r\n?/g, "\n"));
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}${info}\n${neutraliseMentions(breakTags(flat))}\n${fence}`;
}
