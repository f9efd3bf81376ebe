import type { Nodes } from "mdast";

/** [start, end) offsets of a parsed node in its source; every node `fromMarkdown` builds has a position. */
export function rangeOf(node: Nodes): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
}

/** The source text of a node, exactly as written. */
export const sourceOf = (source: string, node: Nodes): string => source.slice(...rangeOf(node));

/** The plain text of a node: its text and inline code, without markup. */
export function plainText(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  return "children" in node ? node.children.map((child) => plainText(child)).join("") : "";
}
