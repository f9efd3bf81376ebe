import { describe, expect, it } from "@jest/globals";
import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { codeBlock, codeSpan, inlineText, quoteBlock } from "../../src/domain/markdown-safety.js";
import { splitBody } from "../../src/domain/render-digest.js";

const Z = "\u200B";

const nodesOf = (node: Nodes): Nodes[] => [node, ...("children" in node ? node.children.flatMap(nodesOf) : [])];

/** What `markdown` holds once rendered (by micromark, through mdast) that must never come from user text. */
function hazards(markdown: string): string[] {
  const found = /<[A-Za-z/!?]/.test(markdown) ? ["a tag or marker in the raw text"] : [];
  for (const node of nodesOf(fromMarkdown(markdown))) {
    if (node.type === "html") found.push(`HTML ${node.value}`);
    // Entities are decoded in these values: "&commat;dana" in a paragraph is the text "@dana".
    if ((node.type === "text" || node.type === "inlineCode" || node.type === "code") && /@[A-Za-z0-9]|#\d/.test(node.value)) found.push(`${node.type} ${JSON.stringify(node.value)}`);
  }
  return found;
}

/** The contents of the code blocks of `markdown` as rendered. */
const codeBlocksOf = (markdown: string): string[] => nodesOf(fromMarkdown(markdown)).flatMap((node) => (node.type === "code" ? [node.value] : []));

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

  // Text that tries to slip an entity ("&commat;dana" renders "@dana") or a tag past the fence detection.
  const NASTY: [string, string][] = [
    ["a backtick in a backtick fence's info string: no fence", "``` foo`bar\n&commat;dana &#x40;erin\n```"],
    ["the same with tags", "``` a`b\n<img src=x onerror=alert(1)>\n</details>"],
    ["a tilde fence, backtick in its info string", "~~~ a`b\n&#64;dana <b>\n~~~\n&#64;erin"],
    ["a fence indented 3 spaces", "   ```\n&#64;dana\n   ```\n&#64;erin"],
    ["4 spaces: indented code, no fence", "    ```\n&#64;dana\n    ```\n&#64;erin"],
    ["an unclosed fence", "```\n&#X40;dana <script>x</script>"],
    ["a shorter closing fence", "````\n&commat;a\n```\n&commat;b\n````\n&commat;c"],
    ["a closing fence of the other character", "```\nx\n~~~\n&#64;dana"],
    ["a closing fence with an info string", "```\nx\n``` not closed\n&#64;dana\n```\n&#64;erin"],
    ["a fence in a list item, unclosed", "- item\n  ```\n  &#64;dana\n&#64;erin"],
    ["a fence in the user's own quote", "> ```\n> &#64;dana\n> ```\n&#64;erin"],
    ["an HTML block around a fence", "<details>\n```\n&#64;dana\n</details>\n&#64;erin"],
    ["every spelling of @ and #", "&commat;a &#64;b &#x40;c &#X40;d &#0064;e &num;12 @&#97;lice &#35;3\n```\n&commat;a &#64;b &#x40;c &#X40;d &#0064;e &num;12 @&#97;lice &#35;3"],
    ["tags, markers and autolinks", "<script>alert(1)</script>\n<!-- handoff:digest date=x -->\n<https://evil.example>\n```\n<script>\n<!-- x -->\n<https://evil.example>"],
  ];

  it.each(NASTY)("%s: renders no mention, reference or HTML, quoted or under a list item", (_, text) => {
    const quoted = quoteBlock(text);
    expect(hazards(quoted)).toStrictEqual([]);
    expect(hazards(`- by erin:\n${quoted.replace(/^/gm, "  ")}`)).toStrictEqual([]);
  });

  it.each(NASTY)("%s: nor does any part of it, as a digest cut into comments may show it", (_, text) => {
    const lines = quoteBlock(text).split("\n");
    for (let cut = 1; cut < lines.length; cut++) {
      expect(hazards(lines.slice(0, cut).join("\n"))).toStrictEqual([]);
      expect(hazards(lines.slice(cut).join("\n"))).toStrictEqual([]);
    }
  });

  it.each([
    ["``` foo`bar\n&commat;dana\n```", [""]],
    ["~~~ a`b\n&#64;dana <b>\n~~~", [`&${Z}#${Z}64;dana <${Z}b>`]],
    ["   ```ts\nif (a && b) x<y\n   ```", [`if (a && b) x<${Z}y`]],
    ["```\n&#X40;dana", [`&${Z}#X40;dana`]],
    ["````\na\n```\nb\n````", ["a\n```\nb"]],
    ["```\na\n~~~\nb", ["a\n~~~\nb"]],
    ["```\na\n``` x\nb\n```", ["a\n``` x\nb"]],
    ["- item\n  ```\n  a<b\n  ```\nafter <b>", [`a<${Z}b`]],
    ["<details>\n```\n<b>\n</details>", [`<${Z}b>\n<${Z}/details>`]],
    ["> ```\n> a<b\n> ```", []],
  ])("reads the fences of %j as CommonMark does: code blocks %j", (text, blocks) => {
    expect(codeBlocksOf(quoteBlock(text))).toStrictEqual(blocks);
  });

  it("shows text after a line that is no fence as the user wrote it", () => {
    expect(quoteBlock("``` foo`bar\n&commat;dana <b>")).toBe(`> \`\`\` foo\`bar\n> &amp;commat;dana &lt;b&gt;`);
  });
});

describe("a quote in a digest cut into comments", () => {
  it("leaves no part that pings or holds HTML, wherever the cut falls in a fence", () => {
    const text = ["```", ...Array.from({ length: 40 }, (_, i) => `&commat;dana${i} &#64;erin <b>x</b> &num;${i}`), "```", "&commat;after"].join("\n");
    const body = `<!-- handoff:digest date=2026-11-02 -->\n\n_Notes_\n${quoteBlock(text)}\n`;
    const parts = splitBody(body, { limit: 600, teamDate: "2026-11-02" });
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) {
      const withoutOurMarkers = part.replace(/^<!-- handoff:digest(?:-part)? [^>]*-->$/m, "");
      expect(hazards(withoutOurMarkers)).toStrictEqual([]);
    }
  });
});

describe("codeBlock", () => {
  it("keeps text copied out of it from pinging", () => {
    expect(codeBlock("thanks &commat;dana @erin &#64;fay <b>")).toBe(`\`\`\`\nthanks &${Z}commat;dana @${Z}erin &${Z}#64;fay <${Z}b>\n\`\`\``);
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
