import type { ListItem, Paragraph } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { plainText, rangeOf, sourceOf } from "./markdown-tree.js";
import { memoize } from "./memoize.js";

export type SectionKind = "done" | "decisions" | "next" | "blockers";

/** An end-of-day update cut into its sections. Every text is Markdown exactly as written; nothing is dropped. */
export interface UpdateSections {
  done: string;
  decisions: string;
  next: string;
  blockers: string;
  /** Text outside the recognised sections. */
  free: string;
  /** The items (list items, else paragraphs) of a "Decisions needed" section: each is a decision asked for. */
  decisionsNeeded: string[];
}

interface Label {
  kind: SectionKind;
  /** The label asks for decisions ("Decisions needed") rather than reporting them. */
  needed: boolean;
}

const label = (kind: SectionKind, needed = false): Label => ({ kind, needed });
const LABELS = new Map<string, Label>([
  ...["done", "done today", "today", "completed", "what i did", "what i did today", "progress", "shipped"].map((l) => [l, label("done")] as const),
  ...["decisions", "decision", "decisions made"].map((l) => [l, label("decisions")] as const),
  ...["decisions needed", "decision needed", "needs decision", "needs a decision", "needs decisions", "open decisions", "pending decisions", "open questions"].map(
    (l) => [l, label("decisions", true)] as const,
  ),
  ...["next", "next up", "up next", "next steps", "tomorrow", "plan for tomorrow", "plan", "plans", "todo", "to do"].map((l) => [l, label("next")] as const),
  ...["blockers", "blocker", "blocked", "blocked on", "blocked by", "blocking", "impediments"].map((l) => [l, label("blockers")] as const),
]);

/** Emoji, punctuation and case do not matter: "✅ Done today:" is "done today". */
const normalised = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();

const labelOf = (text: string): Label | null => LABELS.get(normalised(text)) ?? null;

const NOTHING = new Set(["", "none", "n a", "na", "nothing", "no", "nope", "nil", "none yet", "not yet", "none today", "no decisions", "no decisions needed"]);

interface Target extends Label {
  /** Depth of the heading that opened the section; a bold label counts as 7, below every heading; free text 0. */
  depth: number;
}
type Free = { kind: "free"; needed: false; depth: 0 };
const FREE: Free = { kind: "free", needed: false, depth: 0 };

interface Piece {
  target: Target | Free;
  text: string;
  items: string[];
}

/** Where a label cuts a paragraph: the label starts at `at`, its section's text at `contentFrom`. */
interface Cut {
  at: number;
  contentFrom: number;
  label: Label;
}

const PLAIN_LABEL = /^[ \t]*([^\n:*_`[]{1,40}):/;

/**
 * Labels that start a line of a paragraph: bold or emphasised ("**Done:** …", "_Next_") or plain with a colon
 * ("Blocked: …"). A paragraph holds several when the update is written one label per line.
 */
function labelCuts(source: string, paragraph: Paragraph): Cut[] {
  const cuts: Cut[] = [];
  let atLineStart = true;
  for (const child of paragraph.children) {
    const [from, to] = rangeOf(child);
    if (child.type === "strong" || child.type === "emphasis") {
      const found = atLineStart ? labelOf(plainText(child)) : null;
      if (found) cuts.push({ at: from, contentFrom: to + (/^[ \t]*:?/.exec(source.slice(to))?.[0].length ?? 0), label: found });
      atLineStart = false;
    } else if (child.type === "text") {
      const raw = source.slice(from, to);
      for (let index = 0; index < raw.length; index = raw.indexOf("\n", index) + 1 || raw.length) {
        if (index === 0 && !atLineStart) continue;
        const match = PLAIN_LABEL.exec(raw.slice(index));
        const found = match ? labelOf(match[1]!) : null;
        if (match && found) cuts.push({ at: from + index, contentFrom: from + index + match[0].length, label: found });
      }
      atLineStart = /\n[ \t]*$/.test(raw);
    } else {
      atLineStart = child.type === "break";
    }
  }
  return cuts;
}

/** A list item's text without its bullet. */
function itemText(source: string, item: ListItem): string {
  const first = item.children[0];
  return first ? source.slice(rangeOf(first)[0], rangeOf(item)[1]).trim() : "";
}

/**
 * Cuts an end-of-day update into Done / Decisions / Next / Blockers, recognised from Markdown headings
 * and from labels at the start of a line (bold, or plain with a colon), in any case and with common
 * synonyms ("Today", "Tomorrow", "Blocked"). A leading `/eod` is left out; all other text is kept.
 * Remembered: a digest reads each update's sections twice (its decisions, then the update itself).
 */
export const parseUpdate = memoize(sectionsOf, 1_000);

function sectionsOf(markdown: string): UpdateSections {
  const source = markdown.replace(/^\s*\/eod(?![A-Za-z0-9_-])[ \t]*/i, "");
  const pieces: Piece[] = [];
  let current: Target | Free = FREE;
  const add = (text: string, items: string[] = [text]): void => {
    if (text.trim() !== "") pieces.push({ target: current, text: text.trim(), items: items.map((item) => item.trim()) });
  };

  for (const block of fromMarkdown(source).children) {
    if (block.type === "heading") {
      const found = labelOf(plainText(block));
      if (found) {
        current = { ...found, depth: block.depth };
        continue;
      }
      // A heading as high as the section's own ends it; a deeper one belongs to it.
      if (block.depth <= current.depth) current = FREE;
      add(sourceOf(source, block));
    } else if (block.type === "paragraph") {
      const [start, end] = rangeOf(block);
      const cuts = labelCuts(source, block);
      add(source.slice(start, cuts[0]?.at ?? end));
      cuts.forEach((cut, index) => {
        current = { ...cut.label, depth: 7 };
        add(source.slice(cut.contentFrom, cuts[index + 1]?.at ?? end));
      });
    } else if (block.type === "list") {
      add(sourceOf(source, block), block.children.map((item) => itemText(source, item)));
    } else {
      add(sourceOf(source, block));
    }
  }

  const textOf = (kind: SectionKind | "free"): string =>
    pieces
      .filter((piece) => piece.target.kind === kind)
      .map((piece) => piece.text)
      .join("\n\n");
  return {
    done: textOf("done"),
    decisions: textOf("decisions"),
    next: textOf("next"),
    blockers: textOf("blockers"),
    free: textOf("free"),
    decisionsNeeded: pieces
      .filter((piece) => piece.target.needed)
      .flatMap((piece) => piece.items)
      .filter((item) => !NOTHING.has(normalised(item))),
  };
}

/** True when the update has at least one recognised section with text. */
export const hasSections = (sections: UpdateSections): boolean =>
  [sections.done, sections.decisions, sections.next, sections.blockers].some((text) => text !== "");
