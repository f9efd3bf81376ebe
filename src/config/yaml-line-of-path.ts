import { type Document, isAlias, isMap, isNode, isScalar, isSeq, type LineCounter, type Node } from "yaml";

/**
 * The 1-based line that a problem at `path` points at: the key of the deepest map entry on the path
 * (so an unknown key or a wrong value shows at its key), or the list item; when the path goes past what
 * the file holds (a missing key), the line of the deepest part that exists.
 */
export function yamlLineOfPath(doc: Document, lines: LineCounter, path: readonly (string | number)[]): number {
  let node: unknown = doc.contents;
  let at: Node | null = isNode(node) ? node : null;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair || !isNode(pair.key)) break;
      at = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number" && isNode(node.items[segment])) {
      node = node.items[segment];
      at = node as Node;
    } else break;
  }
  const offset = at?.range?.[0];
  return offset === undefined ? 1 : lines.linePos(offset).line;
}
