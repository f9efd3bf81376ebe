import { describe, expect, it } from "@jest/globals";
import { hasSections, parseUpdate } from "../../src/domain/update-sections.js";

const parsed = (text: string) => {
  const { done, decisions, next, blockers, free, decisionsNeeded } = parseUpdate(text);
  return { done, decisions, next, blockers, free, decisionsNeeded };
};

describe("parseUpdate: headings", () => {
  it("reads Markdown headings of any level and case, keeping lists and code blocks as written", () => {
    const text = [
      "## Done",
      "- Export endpoint (`GET /exports`)",
      "- Fixed the CSV quoting bug 🐛",
      "",
      "### decisions NEEDED",
      "1. Should archived rows be exported?",
      "2. Keep the v1 route?",
      "",
      "# NEXT",
      "```ts",
      "// ## Blockers inside code is not a heading",
      "paginate(rows)",
      "```",
      "",
      "## Blockers",
      "None",
    ].join("\n");
    expect(parsed(text)).toEqual({
      done: "- Export endpoint (`GET /exports`)\n- Fixed the CSV quoting bug 🐛",
      decisions: "1. Should archived rows be exported?\n2. Keep the v1 route?",
      next: "```ts\n// ## Blockers inside code is not a heading\npaginate(rows)\n```",
      blockers: "None",
      free: "",
      decisionsNeeded: ["Should archived rows be exported?", "Keep the v1 route?"],
    });
  });

  it("recognises synonyms and emoji: Today, Tomorrow, Blocked", () => {
    const text = "### ✅ Today\nShipped the login form.\n\n### 🔜 Tomorrow:\nTests.\n\n### 🚧 Blocked\nWaiting for the staging keys from @alice.";
    expect(parsed(text)).toMatchObject({
      done: "Shipped the login form.",
      next: "Tests.",
      blockers: "Waiting for the staging keys from @alice.",
      free: "",
    });
  });

  it("keeps text before the first section, and under an unknown heading, as free text", () => {
    const text = "Good day overall 🎉\n\n## Done\n- a\n\n### Details\nstill part of Done\n\n## Notes for the team\nThe demo is on Friday.";
    expect(parsed(text)).toMatchObject({
      done: "- a\n\n### Details\n\nstill part of Done",
      free: "Good day overall 🎉\n\n## Notes for the team\n\nThe demo is on Friday.",
    });
  });

  it("does not read a heading whose text only starts like a label", () => {
    expect(parsed("## Done with the export, finally\nyes")).toMatchObject({ done: "", free: "## Done with the export, finally\n\nyes" });
  });
});

describe("parseUpdate: bold and plain labels", () => {
  it("reads one label per line in a single paragraph", () => {
    const text = "**Done:** login form, validation\n**Next**: tests\n__Blockers:__ none";
    expect(parsed(text)).toMatchObject({ done: "login form, validation", next: "tests", blockers: "none", free: "" });
  });

  it("reads a bold label on its own line followed by a list", () => {
    const text = "**DONE**\n- login form\n- validation\n\n**Decisions**\n- Went with Postgres\n\n*Next*\n- tests";
    expect(parsed(text)).toMatchObject({ done: "- login form\n- validation", decisions: "- Went with Postgres", next: "- tests", decisionsNeeded: [] });
  });

  it("reads plain labels with a colon, as people type them", () => {
    const text = "Today: fixed the flaky test\nTomorrow: pagination\nBlocked: no";
    expect(parsed(text)).toMatchObject({ done: "fixed the flaky test", next: "pagination", blockers: "no" });
  });

  it("leaves a bold word in the middle of a line alone", () => {
    expect(parsed("I am **done** with the export")).toMatchObject({ done: "", free: "I am **done** with the export" });
  });

  it("keeps a quoted label as part of its section: quotes are not scanned", () => {
    const text = "**Done**\n- answered Ana:\n\n> **Next:** she asked about tests\n\nthanks";
    expect(parsed(text)).toMatchObject({ done: "- answered Ana:\n\n> **Next:** she asked about tests\n\nthanks", next: "" });
  });
});

describe("parseUpdate: free text and commands", () => {
  it("keeps a comment that is only free text, whole", () => {
    const text = "Long day: spent it pairing with Ana on the importer.\n\nNothing to report otherwise 🙂";
    const sections = parseUpdate(text);
    expect(sections.free).toBe(text);
    expect(hasSections(sections)).toBe(false);
  });

  it("drops a leading /eod, and nothing else", () => {
    expect(parsed("/eod shipped the importer")).toMatchObject({ free: "shipped the importer" });
    expect(parsed("/EOD\n## Done\n- importer")).toMatchObject({ done: "- importer", free: "" });
  });

  it("lists each decision needed, skipping none-like items", () => {
    expect(parsed("## Decisions needed\n- None\n- n/a").decisionsNeeded).toEqual([]);
    expect(parsed("**Needs a decision:** Drop IE11?").decisionsNeeded).toEqual(["Drop IE11?"]);
    expect(parsed("## Open questions\nShould we cache?\n\nWho owns billing?").decisionsNeeded).toEqual(["Should we cache?", "Who owns billing?"]);
  });
});
