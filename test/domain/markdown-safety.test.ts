import { describe, expect, it } from "@jest/globals";
import { codeSpan, inlineText, quoteBlock } from "../../src/domain/markdown-safety.js";

const Z = "\u200B";

describe("inlineText", () => {
  it.each([
    ["@alice", `@${Z}alice`],
    ["ping @acme/devs now", `ping @${Z}acme/devs now`],
    ["email me at a@b.com", `email me at a@${Z}b.com`],
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"],
    ["</details>", "&lt;/details&gt;"],
    ["<!-- handoff:digest date=2026-11-02 -->", "&lt;!-- handoff:digest date=2026-11-02 --&gt;"],
    ["use `rm -rf` here", "use \\`rm -rf\\` here"],
    ["[click](javascript:alert(1))", "\\[click\\](javascript:alert(1))"],
    ["![img](https://evil.example/x.png)", "!\\[img\\](https://evil.example/x.png)"],
    ["a \\` b", "a \\\\\\` b"],
    ["fix #12 & #13", `fix #${Z}12 &amp; #${Z}13`],
    ["# heading > quote - item | pipe", "# heading &gt; quote - item | pipe"],
  ])("%j → %j", (input, expected) => {
    expect(inlineText(input)).toBe(expected);
  });

  it("keeps the first non-blank line, trimmed", () => {
    expect(inlineText("\n\n   Add login  \nsecond line\n")).toBe("Add login");
    expect(inlineText("one\r\ntwo")).toBe("one");
    expect(inlineText("")).toBe("");
  });

  it("caps a long line at 120 characters with an ellipsis", () => {
    const capped = inlineText("x".repeat(300));
    expect(capped).toBe(`${"x".repeat(119)}…`);
    expect(Array.from(capped)).toHaveLength(120);
    expect(inlineText("y".repeat(120))).toBe("y".repeat(120));
  });

  it("drops control characters", () => {
    expect(inlineText("a\u0000b\u001bc\td")).toBe("abc\td");
  });
});

describe("quoteBlock", () => {
  it("quotes every line and keeps lists readable", () => {
    expect(quoteBlock("**Done**\n- login form\n- tests\n\n**Next**\n1. deploy")).toBe(
      "> **Done**\n> - login form\n> - tests\n>\n> **Next**\n> 1. deploy",
    );
  });

  it("neutralises mentions, HTML and our markers outside code", () => {
    const quoted = quoteBlock("thanks @alice and @acme/devs\n<script>alert(1)</script>\n</details>\n<!-- handoff:digest date=2026-11-02 -->\nmail a@b.com");
    expect(quoted).toBe(
      [
        `> thanks @${Z}alice and @${Z}acme/devs`,
        "> &lt;script&gt;alert(1)&lt;/script&gt;",
        "> &lt;/details&gt;",
        "> &lt;!-- handoff:digest date=2026-11-02 --&gt;",
        `> mail a@${Z}b.com`,
      ].join("\n"),
    );
  });

  it("keeps code readable inside fences while breaking every tag", () => {
    const quoted = quoteBlock("```ts\nconst a: Array<string> = [];\n</details><!-- handoff:digest date=x -->\n```\nafter <b>");
    expect(quoted).toBe(
      [
        "> ```ts",
        `> const a: Array<${Z}string> = [];`,
        `> <${Z}/details><${Z}!-- handoff:digest date=x -->`,
        "> ```",
        "> after &lt;b&gt;",
      ].join("\n"),
    );
  });

  it("treats an unclosed fence as code to the end and still lets no tag through", () => {
    const quoted = quoteBlock("~~~\n<script>x</script>");
    expect(quoted).toBe(`> ~~~\n> <${Z}script>x<${Z}/script>`);
    expect(quoted).not.toMatch(/<[a-z/!]/i);
  });

  it("normalises line endings and trailing blank lines", () => {
    expect(quoteBlock("a\r\nb\rc\n\n\n")).toBe("> a\n> b\n> c");
  });
});

describe("codeSpan", () => {
  it.each([
    ["main", "`main`"],
    ["feat/`odd`", "`` feat/`odd` ``"],
    ["`start", "`` `start ``"],
    ["<!--x", `\`<${Z}!--x\``],
  ])("%j → %j", (input, expected) => {
    expect(codeSpan(input)).toBe(expected);
  });
});
