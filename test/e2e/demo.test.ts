import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runDemo, type DemoSummary } from "../../src/demo/run-demo.js";

/** The scripted week, run once into a temp dir; the tests read what it wrote. */
describe("handoff demo", () => {
  let dir: string;
  let summary: DemoSummary;
  let files: Map<string, string>;
  const markers = (name: string) => [...files.values()].flatMap((text) => text.match(new RegExp(`<!-- handoff:${name} [^>]*-->`, "g")) ?? []);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "handoff-demo-test-"));
    summary = await runDemo({ outputDir: dir, logLevel: "fatal" });
    files = new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), "utf8")]));
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("runs the week cleanly: every tick succeeded and the stand-in answered every request", () => {
    expect(summary.tickErrors).toEqual([]);
    expect(summary.unhandledRequests).toEqual([]);
    expect(summary.ticks).toBe(761);
    expect([...files.keys()].sort()).toEqual(summary.files.map((file) => file.slice(dir.length + 1)).sort());
  });

  it("posts exactly one digest per team workday, the Monday after DST at 08:30 PST", () => {
    expect(markers("digest").sort()).toEqual(
      ["2026-10-26", "2026-10-27", "2026-10-28", "2026-10-29", "2026-10-30", "2026-11-02"].map((date) => `<!-- handoff:digest date=${date} -->`),
    );
    expect(summary.counts.digest).toBe(6);
    expect(files.get("index.md")).toMatch(/\n- Fri 30 Oct 08:30 PDT · \*\*digest \[#\d+\]\(handoff-\d+\.md\) posted\*\* \(2026-10-30\)\n/);
    expect(files.get("index.md")).toMatch(/\n- Mon 2 Nov 08:30 PST · \*\*digest \[#\d+\]\(handoff-\d+\.md\) posted\*\* \(2026-11-02\)\n/);
  });

  it("reminds budi once, for the Wednesday he posted no update, and shows it missing in the next digest only", () => {
    expect(markers("eod-reminder")).toEqual(["<!-- handoff:eod-reminder login=budi day=2026-10-28 -->"]);
    expect(files.get("index.md")).toContain("- Wed 28 Oct 04:00 PDT · Wed 28 Oct 18:00 GMT+7 (budi) · **end-of-day reminder** for budi (day 2026-10-28)");
    const missing = [...files.values()].filter((text) => text.includes("No end-of-day update\n"));
    expect(missing).toHaveLength(1);
    expect(missing[0]).toContain("<!-- handoff:digest date=2026-10-28 -->");
  });

  it("records budi's day off: a reply, and neither a reminder nor a brief that Friday", () => {
    expect(markers("days-off")).toHaveLength(1);
    expect([...files.values()].join("\n")).toContain("- `/handoff off 2026-10-30`: Fri 30 Oct 2026");
    expect(markers("brief").filter((marker) => marker.includes("login=budi day=2026-10-30"))).toEqual([]);
  });

  it("prompts reviewers in the pull requests and briefs each contractor, marked, one file per issue", () => {
    expect(markers("review-prompt").length).toBe(summary.counts["review-prompt"]);
    expect(summary.counts["review-prompt"]).toBeGreaterThanOrEqual(6);
    expect(markers("log").sort()).toEqual(["asha", "budi", "carla"].map((login) => `<!-- handoff:log login=${login} -->`));
    for (const login of ["budi", "asha", "carla"]) expect(markers("brief").some((marker) => marker.includes(`login=${login} `))).toBe(true);
    expect(files.get("api-1.md")).toMatch(/^# CSV export of invoices\n/);
    expect(files.get("api-1.md")).toContain("<!-- handoff:review-prompt date=2026-10-26 -->\n@alice: budi moved this pull request.");
  });

  it("writes a timeline in the team's zone and each contractor's, linking files that exist", () => {
    const index = files.get("index.md")!;
    expect(index).toContain("- Sun 25 Oct 19:20 PDT · Mon 26 Oct 09:20 GMT+7 (budi) · budi pushed 2 commits to acme/api `feat/csv-export`");
    expect(index).toContain("GMT+5:45 (asha)");
    expect(index).toContain("GMT-3 (carla)");
    for (const [, file] of index.matchAll(/\]\(([^)]+\.md)\)/g)) expect(existsSync(join(dir, file!))).toBe(true);
  });
});
