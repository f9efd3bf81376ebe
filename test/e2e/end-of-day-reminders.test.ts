import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { fixtureConfig } from "../fixtures/configs.js";
import { issueClosedWebhook, issueCommentWebhook } from "../support/end-of-day-webhooks.js";
import { startEndOfDayWorld, type EndOfDayWorld } from "../support/end-of-day-world.js";
import { pushWebhook } from "../support/review-webhooks.js";
import { type TestDatabase, testDatabases } from "../support/test-databases.js";

const sha = (n: number) => String(n).repeat(40);
const minus = (iso: string, minutes: number) => new Date(Date.parse(iso) - minutes * 60_000).toISOString();

describe.each(testDatabases())("end-of-day reminders end to end on %s", (_kind, make) => {
  let database: TestDatabase;
  let world: EndOfDayWorld;
  const start = async (config?: string) => {
    // The app first reads the config on Thu 22 Oct, before any day below began.
    world = await startEndOfDayWorld(database, { config, firstTick: "2026-10-22T00:00:00Z" });
  };

  beforeEach(() => {
    database = make();
  });
  afterEach(async () => {
    await world.close();
    await database.dispose();
  });

  it.each([
    // login | working day  | end of hours + 30 minutes, in UTC
    ["budi", "2026-10-29", "2026-10-29T11:00:00.000Z"], // Jakarta, UTC+7: 17:30 + 30
    ["carla", "2026-10-29", "2026-10-29T21:30:00.000Z"], // Buenos Aires, UTC-3: 18:00 + 30
    ["dana", "2026-10-23", "2026-10-23T15:30:00.000Z"], // Berlin, Fri before the DST change: 17:00 CEST + 30
    ["dana", "2026-10-26", "2026-10-26T16:30:00.000Z"], // Berlin, Mon after it: 17:00 CET + 30
  ])("reminds %s of %s at %s, not a minute earlier, on a log issue it opens", async (login, day, instant) => {
    await start();
    await world.app.tick(minus(instant, 1));
    expect(world.reminderDays(login).filter((d) => d === day)).toEqual([]);
    await world.app.tick(instant);
    expect(world.reminderDays(login).filter((d) => d === day)).toEqual([day]);

    const [logIssue] = world.logIssues(login);
    expect(logIssue).toMatchObject({ state: "open", labels: ["handoff-log"], user: { type: "Bot" } });
    expect(logIssue!.body).toContain(`<!-- handoff:log login=${login} -->`);
    expect(world.gh.labels("acme/handoff")).toContainEqual(expect.objectContaining({ name: "handoff-log", description: "A contractor's end-of-day updates (Handoff)" }));
    const [reminder] = world.appComments(login, `day=${day} -->`);
    // It mentions exactly the contractor.
    expect(reminder!.body.match(/@[A-Za-z0-9-]+/g)).toEqual([`@${login}`]);
  });

  it("posts exactly one reminder under repeated ticks and after a restart, and one log issue per contractor", async () => {
    await start();
    for (const at of ["2026-10-29T11:00:00Z", "2026-10-29T11:01:00Z", "2026-10-29T12:00:00Z"]) await world.app.tick(at);
    await world.restart();
    await world.app.tick("2026-10-29T13:00:00Z");
    expect(world.reminderDays("budi")).toEqual(["2026-10-29"]);
    expect(world.logIssues("budi")).toHaveLength(1);
    await world.app.tick("2026-10-30T11:00:00Z");
    expect(world.reminderDays("budi")).toEqual(["2026-10-29", "2026-10-30"]);
    expect(world.logIssues("budi")).toHaveLength(1);
  });

  it("catches a reminder missed while the app was down, until the next working day starts", async () => {
    await start();
    await world.app.tick("2026-10-30T01:59:00Z"); // Fri 08:59 WIB: Thursday's reminder still due
    expect(world.reminderDays("budi")).toEqual(["2026-10-29"]);
    await world.app.tick("2026-11-02T02:00:00Z"); // Mon 09:00 WIB: Friday's was missed for good
    expect(world.reminderDays("budi")).toEqual(["2026-10-29"]);
  });

  it("drafts the update from exactly that day's commits", async () => {
    await start();
    world.receivedAt = "2026-10-29T10:00:00Z";
    await world.app.send("push", pushWebhook("2026-10-28T18:30:00Z", "budi", "feat/export", [{ sha: sha(1), message: "Thu 01:30 WIB: Wednesday's work" }]));
    await world.app.send("push", pushWebhook("2026-10-29T03:00:00Z", "budi", "feat/export", [{ sha: sha(2), message: "Add export endpoint" }, { sha: sha(3), message: "Quote CSV fields" }]));
    await world.app.send("push", pushWebhook("2026-10-29T07:00:00Z", "budi", "fix/header", [{ sha: sha(4), message: "Fix header @alice" }]));
    await world.app.send("push", pushWebhook("2026-10-29T08:00:00Z", "carla", "feat/csv", [{ sha: sha(5), message: "Someone else's" }]));
    await world.app.tick("2026-10-29T11:00:00Z");

    const [reminder] = world.appComments("budi", "day=2026-10-29 -->");
    const draft = /(`{3,})markdown\n([\s\S]*?)\n\1/.exec(reminder!.body)![2]!;
    expect(draft.split("## Decisions needed")[0]).toBe(
      [
        "## Done",
        "- acme/api `feat/export`:",
        "  - 2222222 Add export endpoint",
        "  - 3333333 Quote CSV fields",
        "- acme/api `fix/header`:",
        "  - 4444444 Fix header @\u200Balice",
        "",
        "",
      ].join("\n"),
    );
    expect(draft).toContain("## Next");
    expect(draft).toContain("## Blockers");
    // A day without activity still gets its reminder, saying so.
    await world.app.tick("2026-10-30T11:00:00Z");
    expect(world.appComments("budi", "day=2026-10-30 -->")[0]!.body).toContain("No commits, pull requests or reviews were recorded for this day");
  });

  it("sends no reminder when the update exists: a comment on the log issue, or /eod anywhere", async () => {
    await start();
    await world.app.tick("2026-10-28T11:00:00Z"); // Wednesday's reminder opens budi's log issue
    const [logIssue] = world.logIssues("budi");
    world.receivedAt = "2026-10-29T10:10:00Z";
    const onLog = { id: 501, repo: "acme/handoff", number: logIssue!.number, title: "Handoff log: budi", author: "budi", at: "2026-10-29T10:10:00Z" };
    await world.app.send("issue_comment", issueCommentWebhook({ ...onLog, body: "## Done\n- export" }));
    world.receivedAt = "2026-10-29T20:00:00Z";
    const onPr = { id: 502, repo: "acme/api", number: 12, title: "Add export", issueAuthor: "carla", author: "carla", at: "2026-10-29T20:00:00Z", onPullRequest: true };
    await world.app.send("issue_comment", issueCommentWebhook({ ...onPr, body: "/eod\n**Done:** CSV export" }));

    await world.app.tick("2026-10-29T22:00:00Z");
    expect(world.reminderDays("budi")).toEqual(["2026-10-28"]);
    expect(world.reminderDays("carla").filter((day) => day === "2026-10-29")).toEqual([]);
  });

  it("matches a contractor whose login the config spells in another case than GitHub does", async () => {
    await start(fixtureConfig("end-of-day").replace("login: budi", "login: Budi"));
    world.receivedAt = "2026-10-29T10:10:00Z";
    await world.app.send("push", pushWebhook("2026-10-29T03:00:00Z", "budi", "feat/export", [{ sha: sha(2), message: "Add export endpoint" }]));
    const onPr = { id: 503, repo: "acme/api", number: 12, title: "Add export", issueAuthor: "budi", author: "budi", at: "2026-10-29T10:10:00Z", onPullRequest: true };
    await world.app.send("issue_comment", issueCommentWebhook({ ...onPr, body: "/eod\n**Done:** CSV export" }));

    await world.app.tick("2026-10-29T11:00:00Z");
    // Its log issue is titled with the config's spelling: every reminder on any issue is looked at.
    const reminders = world.gh.issues("acme/handoff").flatMap((issue) => world.gh.comments("acme/handoff", issue.number));
    expect(reminders.filter((comment) => comment.body.includes("day=2026-10-29 -->"))).toEqual([]);
    await world.app.tick("2026-10-29T15:30:00Z");
    const thursday = (world.digests().at(-1)!.body ?? "").split("### Budi").at(-1)!.split("### ")[0]!;
    expect(thursday).toContain("Add export endpoint");
    expect(thursday).toContain("CSV export");
    expect(thursday).not.toContain("No end-of-day update");
  });

  it("sends none on days off and non-workdays", async () => {
    await start(fixtureConfig("end-of-day").replace('hours: "09:00-17:30"', 'hours: "09:00-17:30"\n    days_off: ["2026-10-30"]'));
    for (const at of ["2026-10-29T11:00:00Z", "2026-10-30T11:00:00Z", "2026-10-31T11:00:00Z", "2026-11-01T11:00:00Z", "2026-11-02T11:00:00Z"]) {
      await world.app.tick(at);
    }
    expect(world.reminderDays("budi")).toEqual(["2026-10-29", "2026-11-02"]);
  });

  it("sends none when end_of_day.remind is false", async () => {
    await start(fixtureConfig("end-of-day").replace("remind_after_minutes: 30", "remind: false"));
    await world.app.tick("2026-10-29T22:00:00Z");
    expect(world.gh.issues("acme/handoff").filter((issue) => issue.title.startsWith("Handoff log"))).toEqual([]);
  });

  it("finds its log issue by marker and label after a lost response, instead of opening a second", async () => {
    await start();
    world.gh.failNext({ method: "POST", path: /^\/repos\/acme\/handoff\/issues$/, status: 502, afterHandling: true });
    const [failed] = await world.app.tick("2026-10-29T11:00:00Z");
    expect(failed).toMatchObject({ endOfDay: { reminders: expect.arrayContaining([expect.objectContaining({ login: "budi", result: "failed" })]) } });
    await world.app.tick("2026-10-29T11:01:00Z");
    expect(world.logIssues("budi")).toHaveLength(1);
    expect(world.reminderDays("budi")).toEqual(["2026-10-29"]);
  });

  it("opens a new log issue when the old one was closed or deleted, and leaves renamed contractors' issues alone", async () => {
    await start();
    await world.app.tick("2026-10-27T11:00:00Z");
    const [first] = world.logIssues("budi");
    world.receivedAt = "2026-10-27T12:00:00Z";
    await fetch(`${world.gh.baseUrl}/repos/acme/handoff/issues/${first!.number}`, { method: "PATCH", body: JSON.stringify({ state: "closed" }) });
    await world.app.send("issues", issueClosedWebhook({ repo: "acme/handoff", number: first!.number, title: "Handoff log: budi", sender: "budi", at: "2026-10-27T12:00:00Z" }));
    await world.app.tick("2026-10-28T11:00:00Z");
    expect(world.logIssues("budi").map((issue) => issue.state)).toEqual(["closed", "open"]);
    const second = world.logIssues("budi")[1]!;
    expect(second.comments.map((comment) => /day=(\S+) -->/.exec(comment.body)?.[1])).toEqual(["2026-10-28"]);

    // Closed by mistake and reopened before the next reminder: the same issue is used again (below).
    const closeAndReopen = { repo: "acme/handoff", number: second.number, title: "Handoff log: budi", sender: "budi" };
    await world.app.send("issues", issueClosedWebhook({ ...closeAndReopen, at: "2026-10-28T12:00:00Z" }));
    await world.app.send("issues", issueClosedWebhook({ ...closeAndReopen, at: "2026-10-28T12:05:00Z" }, "reopened"));

    // A comment on a deleted issue fails with 410 Gone: the next tick opens a third and reminds there.
    world.gh.failNext({ method: "POST", path: new RegExp(`^/repos/acme/handoff/issues/${second.number}/comments$`), status: 410 });
    await world.app.tick("2026-10-29T11:00:00Z");
    await world.app.tick("2026-10-29T11:01:00Z");
    expect(world.gh.requests.filter((r) => r.method === "POST" && r.path === `/repos/acme/handoff/issues/${second.number}/comments`)).toHaveLength(2);
    const third = world.logIssues("budi")[2]!;
    expect(third.comments.map((comment) => /day=(\S+) -->/.exec(comment.body)?.[1])).toEqual(["2026-10-29"]);

    // carla leaves the config: her log issue stays as it is.
    const carlaIssues = world.logIssues("carla");
    expect(carlaIssues).toHaveLength(1);
    world.gh.setFile("acme/.github", ".github/handoff.yml", fixtureConfig("end-of-day").replace(/ {2}- login: carla[\s\S]*?(?= {2}- login: dana)/, ""));
    await world.app.tick("2026-10-30T22:00:00Z");
    expect(world.logIssues("carla")).toEqual(carlaIssues);
  });
});
