import { describe, expect, it } from "@jest/globals";
import { buildDigest } from "../../src/domain/digest.js";
import { DIGEST_BUDGET, mayShowCommits, renderDigest } from "../../src/domain/render-digest.js";
import { comment, commit, configOf } from "./event-factory.js";

const LA = { teamZone: "America/Los_Angeles" };

/** budi's Thursday: `branches` branches of 10 commits and `comments` comments on pull requests, linked at `url` when given. */
function busyDay(branches: number, comments: number, url?: (i: number) => string) {
  const commits = Array.from({ length: branches * 10 }, (_, i) =>
    commit({ id: i + 1, actor: "budi", at: "2026-10-29T04:00:00Z", sha: `${i}`.padStart(12, "0"), message: `Change ${i}`, branch: `feat/${Math.floor(i / 10)}` }),
  );
  const notes = Array.from({ length: comments }, (_, i) =>
    comment({ id: 100_000 + i, actor: "budi", at: "2026-10-29T05:00:00Z", number: 7, subjectAuthor: "alice", body: `Note ${i} ${"x".repeat(60)}`, ...(url && { url: url(i) }) }),
  );
  return buildDigest({
    config: configOf({ team: { timezone: "America/Los_Angeles" }, digest: { repository: "handoff" }, contractors: [{ login: "budi", timezone: "Asia/Jakarta" }] }),
    teamDate: "2026-10-29",
    at: "2026-10-29T15:30:00Z",
    since: "2026-10-28T15:30:00Z",
    events: [...commits, ...notes],
    updates: [],
    logIssues: [],
  });
}

describe("renderDigest within its budget", () => {
  it("shows every entry while the digest fits", () => {
    const body = renderDigest(busyDay(3, 4), LA);
    expect(body.length).toBeLessThanOrEqual(DIGEST_BUDGET);
    expect(body).toContain("Note 3 ");
    expect(body).toContain("`feat/2` (10)");
    expect(body).not.toContain("more");
  });

  it("shows a few entries of each list, and how many more, when every entry would not fit", () => {
    const body = renderDigest(busyDay(3, 40), { ...LA, budget: 4_000 });
    expect(body.length).toBeLessThanOrEqual(4_000);
    expect(body).toContain("Note 4 ");
    expect(body).not.toContain("Note 5 ");
    expect(body).toContain("- … and 35 more");
    expect(body).toContain("`feat/0` (10): ");
    expect(body).toContain("· … and 7 more");
  });

  it("counts each day in one line when even a few entries would not fit", () => {
    const body = renderDigest(busyDay(300, 400), { ...LA, budget: 1_500 });
    expect(body.length).toBeLessThanOrEqual(1_500);
    expect(body).toContain("3000 commits on 300 branches · 400 reviews and comments");
    expect(body).not.toContain("Change 0");
  });

  // Forms whose links alone exceed the budget are skipped unrendered: that must never skip a form that fits.
  it.each([
    ["plain links", (i: number) => `https://github.com/acme/api/pull/7#issuecomment-${i}`],
    ["links that safeUrl encodes", (i: number) => `https://example.com/a (b)/<${i}>`],
  ])("still shows every entry when that form fits the budget exactly (%s)", (_, url) => {
    const digest = busyDay(3, 40, url);
    const everything = renderDigest(digest, { ...LA, budget: Infinity });
    expect(renderDigest(digest, { ...LA, budget: everything.length })).toBe(everything);
    const shorter = renderDigest(digest, { ...LA, budget: everything.length - 1 });
    expect(shorter).toContain("- … and 35 more");
  });

  it("skips to the counts when the links of a few entries a day already exceed the budget, and then needs no commits", () => {
    const digest = busyDay(3, 40, (i) => `https://github.com/acme/api/pull/7#issuecomment-${"9".repeat(300)}${i}`);
    const body = renderDigest(digest, { ...LA, budget: 1_500 });
    expect(body).toContain("30 commits on 3 branches · 40 reviews and comments");
    expect(body).not.toContain("Note 0");
    expect(mayShowCommits(digest, { ...LA, budget: 1_500 })).toBe(false);
  });

  it("needs the commits whenever a form that lists them may fit", () => {
    expect(mayShowCommits(busyDay(3, 4), LA)).toBe(true);
    // Only rendering tells that this one ends up as counts: its links alone do not exceed the budget.
    expect(mayShowCommits(busyDay(300, 400), { ...LA, budget: 1_500 })).toBe(true);
  });
});
