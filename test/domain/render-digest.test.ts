import { describe, expect, it } from "@jest/globals";
import { buildDigest, type DigestInput } from "../../src/domain/digest.js";
import { CONTINUED_FOOTER, digestTitle, renderDigest, splitBody } from "../../src/domain/render-digest.js";
import { comment, commit, configOf, pullRequest, push, review } from "./event-factory.js";

const LA = { teamZone: "America/Los_Angeles" };
const logIssues = [{ login: "budi", repo: "handoff", number: 1 }];

const input = (contractors: object[], events: DigestInput["events"], overrides: Partial<DigestInput> = {}): DigestInput => ({
  config: configOf({ team: { timezone: "America/Los_Angeles" }, digest: { repository: "handoff" }, contractors }),
  teamDate: "2026-10-29",
  at: "2026-10-29T15:30:00Z",
  since: "2026-10-28T15:30:00Z",
  events,
  updates: [],
  logIssues,
  ...overrides,
});

describe("digestTitle", () => {
  it.each([
    ["2026-11-02", "Handoff digest — Mon 2 Nov 2026"],
    ["2026-10-29", "Handoff digest — Thu 29 Oct 2026"],
    ["2027-01-05", "Handoff digest — Tue 5 Jan 2027"],
  ])("%s → %s", (date, title) => {
    expect(digestTitle(date)).toBe(title);
  });
});

describe("renderDigest", () => {
  it("renders a small digest", () => {
    const digest = buildDigest(
      input(
        [{ login: "budi", timezone: "Asia/Jakarta", hours: "09:00-17:30" }],
        [
          pullRequest({ id: 1, actor: "budi", at: "2026-10-29T03:00:00Z", number: 12, action: "opened", title: "Add login form", url: "https://github.com/acme/api/pull/12" }),
          commit({ id: 2, actor: "budi", at: "2026-10-29T04:00:00Z", sha: "a1b2c3d4e5f6", message: "Add form", branch: "login" }),
          commit({ id: 3, actor: "budi", at: "2026-10-29T05:00:00Z", sha: "b2c3d4e5f6a7", message: "Validate input\n\nlong body", branch: "login" }),
          review({ id: 4, actor: "alice", at: "2026-10-29T06:00:00Z", number: 12, subjectAuthor: "budi", state: "changes_requested", body: "Split it", title: "Add login form", url: "https://github.com/acme/api/pull/12#pullrequestreview-1" }),
          comment({ id: 5, actor: "budi", at: "2026-10-29T10:40:00Z", repo: "acme/handoff", number: 1, body: "**Done**\n- login form\n\n**Next**\n- tests", url: "https://github.com/acme/handoff/issues/1#issuecomment-5" }),
        ],
      ),
    );
    expect(renderDigest(digest, LA)).toMatchInlineSnapshot(`
"<!-- handoff:digest date=2026-10-29 -->
Overnight handoff · 1 contractor · 2 commits · 1 pull request

### budi · Thu 29 Oct · 09:00–17:30 GMT+7 (Wed 19:00 – Thu 03:30 PDT)

**End-of-day update** · [posted Thu 17:40 GMT+7](https://github.com/acme/handoff/issues/1#issuecomment-5)

_Done_
> - login form

_Next_
> - tests

**Pull requests**
- [acme/api#12](https://github.com/acme/api/pull/12) Add login form — opened

**Commits**
- \`acme/api\` \`login\` (2): [\`a1b2c3d\`](https://github.com/acme/api/commit/a1b2c3d4e5f6) Add form · [\`b2c3d4e\`](https://github.com/acme/api/commit/b2c3d4e5f6a7) Validate input

**Feedback received**
- alice requested changes on [acme/api#12](https://github.com/acme/api/pull/12#pullrequestreview-1) Add login form: Split it
"
`);
  });

  it("labels days in both zones: in progress, not a workday, day off, and the missing-update line", () => {
    const digest = buildDigest(
      input(
        [
          { login: "sita", timezone: "Asia/Kathmandu", days_off: ["2026-10-28"] },
          { login: "ana", timezone: "America/Sao_Paulo", workdays: ["mon", "tue", "thu", "fri"] },
        ],
        [
          commit({ id: 1, actor: "sita", at: "2026-10-28T05:00:00Z", sha: "1111111000", message: "on a day off" }),
          commit({ id: 2, actor: "ana", at: "2026-10-28T14:00:00Z", sha: "2222222000", message: "on a Wednesday" }),
          commit({ id: 3, actor: "ana", at: "2026-10-29T13:00:00Z", sha: "3333333000", message: "this morning" }),
        ],
      ),
    );
    const headings = renderDigest(digest, LA)
      .split("\n")
      .filter((line) => line.startsWith("### ") || line.startsWith("⚠️"));
    expect(headings).toEqual([
      "### sita · Wed 28 Oct · 09:00–17:00 GMT+5:45 (Tue 20:15 – Wed 04:15 PDT) · day off",
      "### sita · Thu 29 Oct · 09:00–17:00 GMT+5:45 (Wed 20:15 – Thu 04:15 PDT)",
      "⚠️ No end-of-day update",
      "### ana · Wed 28 Oct · 09:00–17:00 GMT-3 (Wed 05:00 – Wed 13:00 PDT) · not a workday",
      "### ana · Thu 29 Oct · 09:00–17:00 GMT-3 (Thu 05:00 – Thu 13:00 PDT) · in progress",
    ]);
  });

  it("quotes user text: no ping, no HTML, no forged marker, and the digest mentions nobody", () => {
    const digest = buildDigest(
      input(
        [{ login: "budi", timezone: "Asia/Jakarta" }],
        [
          commit({ id: 1, actor: "budi", at: "2026-10-29T04:00:00Z", sha: "abcdef0123", message: "thanks @someone <script>alert(1)</script>" }),
          commit({ id: 2, actor: "budi", at: "2026-10-29T04:10:00Z", sha: "bcdef01234", message: "<!-- handoff:digest date=2026-10-30 -->", branch: "x`<!--" }),
          comment({ id: 3, actor: "budi", at: "2026-10-29T09:00:00Z", number: 12, body: "/eod\n</details>\n@acme/devs see [x](javascript:alert(1))" }),
        ],
      ),
    );
    const body = renderDigest(digest, LA);
    expect(body).toContain("[`abcdef0`](https://github.com/acme/api/commit/abcdef0123) thanks @\u200Bsomeone &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(body).toContain("- `acme/api` ``x`<\u200B!--`` (1): ");
    expect(body).toContain("> &lt;/details&gt;\n> @\u200Bacme/devs see [x](javascript:alert(1))");
    expect(body).not.toMatch(/@[A-Za-z0-9]/);
    expect(body).not.toMatch(/<(script|\/details)/);
    expect(body.match(/<!--/g)).toEqual(["<!--"]);
    expect(body.startsWith("<!-- handoff:digest date=2026-10-29 -->\n")).toBe(true);
  });

  it("caps a long branch at 20 commits", () => {
    const commits = Array.from({ length: 25 }, (_, i) =>
      commit({ id: i + 1, actor: "budi", at: `2026-10-29T04:${String(i).padStart(2, "0")}:00Z`, sha: `${String(i).padStart(7, "0")}fff`, message: `step ${i}`, url: null }),
    );
    const body = renderDigest(buildDigest(input([{ login: "budi", timezone: "Asia/Jakarta" }], commits)), LA);
    const line = body.split("\n").find((l) => l.startsWith("- `acme/api` `main`"))!;
    expect(line.startsWith("- `acme/api` `main` (25): `0000000` step 0 · `0000001` step 1 · ")).toBe(true);
    expect(line.endsWith(" · `0000019` step 19 · … and 5 more")).toBe(true);
    expect(body).toContain("Overnight handoff · 1 contractor · 25 commits · 0 pull requests · 1 missing end-of-day update");
  });

  it("counts every commit of a push and shows the first 20 of its branch", () => {
    const big = push({ id: 1, actor: "budi", at: "2026-10-29T04:00:00Z", commits: Array.from({ length: 30 }, (_, i) => ({ sha: `${String(i).padStart(7, "0")}aaa`, message: `part ${i}` })) });
    const small = commit({ id: 2, actor: "budi", at: "2026-10-29T05:00:00Z", sha: "fffffff000", message: "after" });
    const body = renderDigest(buildDigest(input([{ login: "budi", timezone: "Asia/Jakarta" }], [small, big])), LA);
    const line = body.split("\n").find((l) => l.startsWith("- `acme/api` `main`"))!;
    expect(line.startsWith("- `acme/api` `main` (31): [`0000000`](https://github.com/acme/api/commit/0000000aaa) part 0 · ")).toBe(true);
    expect(line.endsWith(" · [`0000019`](https://github.com/acme/api/commit/0000019aaa) part 19 · … and 11 more")).toBe(true);
    expect(body).toContain("31 commits");
  });

  it("says so when there is nothing new", () => {
    const digest = buildDigest(input([{ login: "budi", timezone: "Asia/Jakarta" }], [], { since: "2026-10-29T15:00:00Z" }));
    expect(renderDigest(digest, LA)).toBe("<!-- handoff:digest date=2026-10-29 -->\nOvernight handoff · nothing new since the previous digest\n");
  });
});

describe("splitBody", () => {
  const marker = (part: number) => `<!-- handoff:digest-part date=2026-11-02 part=${part} -->`;

  it("returns a body within the limit as it is", () => {
    expect(splitBody("short\nbody\n", { teamDate: "2026-11-02" })).toEqual(["short\nbody\n"]);
  });

  it("splits a 200k-character body at line boundaries, every part within the limit, markers on continuations", () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `- line ${String(i).padStart(4, "0")} ${"x".repeat(i % 80)}`);
    const body = `${lines.join("\n")}\n`.padEnd(200_000, "y");
    const all = body.split("\n");
    const parts = splitBody(body, { teamDate: "2026-11-02" });

    expect(body.length).toBe(200_000);
    expect(parts).toHaveLength(4);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(65_536);
    expect(parts[0]!.endsWith(`\n\n${CONTINUED_FOOTER}`)).toBe(true);
    parts.slice(1).forEach((part, i) => expect(part.startsWith(`${marker(i + 2)}\n`)).toBe(true));

    const rejoined = parts
      .map((part, i) => (i === 0 ? part.slice(0, -`\n\n${CONTINUED_FOOTER}`.length) : part.slice(marker(i + 1).length + 1)))
      .join("\n");
    expect(rejoined).toBe(body);
    expect(rejoined.split("\n")).toEqual(all);
  });

  it("hard-cuts a single line longer than a part, never inside a surrogate pair", () => {
    const body = `title\n${"😀".repeat(100)}\nend`;
    const parts = splitBody(body, { teamDate: "2026-11-02", limit: 120 });
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(120);
    const text = parts
      .map((part, i) => (i === 0 ? part.slice(0, -`\n\n${CONTINUED_FOOTER}`.length) : part.slice(marker(i + 1).length + 1)))
      .join("\n");
    expect(text.replace(/\n/g, "")).toBe(body.replace(/\n/g, ""));
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it("refuses a limit that leaves no room for the marker", () => {
    expect(() => splitBody("x".repeat(100), { teamDate: "2026-11-02", limit: 40 })).toThrow(RangeError);
  });
});
