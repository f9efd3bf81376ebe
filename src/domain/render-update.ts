import type { EndOfDayUpdate } from "./digest.js";
import { quoteBlock } from "./markdown-safety.js";
import { link, stampInZone } from "./render-digest.js";
import { hasSections, parseUpdate } from "./update-sections.js";

const SECTIONS = [
  ["done", "Done"],
  ["decisions", "Decisions"],
  ["next", "Next"],
  ["blockers", "Blockers"],
] as const;

/** One end-of-day update: a link to the comment, then each recognised section quoted, then the rest under "Notes". */
export function renderUpdate(update: EndOfDayUpdate, zone: string): string[] {
  const posted = link(`posted ${stampInZone(update.at, zone, "EEE HH:mm")}`, update.url);
  const lines = ["", `**End-of-day update**${update.late ? " (late)" : ""} · ${posted}`];
  const sections = parseUpdate(update.text);
  if (!hasSections(sections)) return update.text.trim() === "" ? lines : [...lines, "", quoteBlock(sections.free || update.text)];
  for (const [kind, label] of SECTIONS) {
    const title = kind === "decisions" && sections.decisionsNeeded.length > 0 ? "Decisions needed" : label;
    if (sections[kind] !== "") lines.push("", `_${title}_`, quoteBlock(sections[kind]));
  }
  if (sections.free !== "") lines.push("", "_Notes_", quoteBlock(sections.free));
  return lines;
}
