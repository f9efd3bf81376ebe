import { describe, expect, it } from "@jest/globals";
import { shownCommits } from "../../src/domain/commit-groups.js";
import { buildDigest, COMMITS_SHOWN, digestPushes, isEmptyDigest, type DigestInput } from "../../src/domain/digest.js";
import { isEndOfDayUpdate, updatesByDay } from "../../src/domain/end-of-day.js";
import type { RecordedEvent } from "../../src/domain/events.js";
import { comment, commit, configOf, issue, pullRequest, push, review, reviewComment } from "./event-factory.js";

const budi = { login: "budi", timezone: "Asia/Jakarta", hours: "09:00-17:30" };
const ana = { login: "ana", timezone: "America/Sao_Paulo" };
const sita = { login: "sita", timezone: "Asia/Kathmandu" };
const logIssues = [
  { login: "budi", repo: "handoff", number: 1 },
  { login: "ana", repo: "acme/handoff", number: 2 },
  { login: "sita", repo: "handoff", number: 3 },
];

const config = (contractors: object[], extra: object = {}) =>
  configOf({ team: { timezone: "America/Los_Angeles" }, digest: { repository: "handoff" }, contractors, ...extra });

/** Thursday 29 Oct 2026, 08:30 PDT; the previous digest was Wednesday's. */
const thursday = (events: RecordedEvent[], overrides: Partial<DigestInput> = {}): DigestInput => ({
  config: config([budi, ana, sita]),
  teamDate: "2026-10-29",
  at: "2026-10-29T15:30:00Z",
  since: "2026-10-28T15:30:00Z",
  events,
  updates: [],
  logIssues,
  ...overrides,
});

const eod = (id: number, actor: string, at: string, body = "/eod done: login form") => comment({ id, actor, at, repo: "acme/api", number: 12, subjectAuthor: actor, body });

describe("buildDigest: working days", () => {
  it.each([
    // zone              | instant                  | working day (04:00 boundary)
    ["Asia/Jakarta", "2026-10-28T18:30:00Z", "2026-10-28"], // Thu 01:30 WIB: still Wednesday's work
    ["Asia/Jakarta", "2026-10-28T21:30:00Z", "2026-10-29"], // Thu 04:30 WIB
    ["Asia/Kathmandu", "2026-10-28T19:50:00Z", "2026-10-28"], // Thu 01:35 +05:45
    ["Asia/Kathmandu", "2026-10-28T22:20:00Z", "2026-10-29"], // Thu 04:05 +05:45
    ["America/Sao_Paulo", "2026-10-29T04:00:00Z", "2026-10-28"], // Thu 01:00 -03:00
    ["America/Sao_Paulo", "2026-10-29T07:30:00Z", "2026-10-29"], // Thu 04:30 -03:00
  ])("%s: a commit at %s belongs to %s", (timezone, at, day) => {
    const digest = buildDigest(
      thursday([commit({ id: 7, actor: "dev", at, sha: "a1b2c3d4e5f6", message: "Fix" })], {
        config: config([{ login: "dev", timezone }]),
        since: at, // no missing-update lines: only the grouping is under test
        at: "2026-10-29T15:30:00Z",
      }),
    );
    const days = digest.contractors[0]!.days.filter((d) => d.commits.length > 0);
    expect(days.map((d) => d.day)).toEqual([day]);
  });

  it("groups each contractor's activity by their own working day, contractors in config order", () => {
    const digest = buildDigest(
      thursday(
        [
          commit({ id: 1, actor: "ana", at: "2026-10-28T19:00:00Z", sha: "aaaaaaa111", message: "Ana Wed 16:00" }),
          commit({ id: 2, actor: "budi", at: "2026-10-28T18:30:00Z", sha: "bbbbbbb111", message: "Budi Thu 01:30" }),
          commit({ id: 3, actor: "budi", at: "2026-10-29T03:00:00Z", sha: "bbbbbbb222", message: "Budi Thu 10:00" }),
          commit({ id: 4, actor: "BUDI", at: "2026-10-29T04:00:00Z", sha: "bbbbbbb333", message: "login case differs", branch: "feat/x" }),
        ],
        { since: "2026-10-29T15:00:00Z" },
      ),
    );
    expect(digest.contractors.map((c) => c.login)).toEqual(["budi", "ana"]);
    const [b, a] = digest.contractors;
    expect(b!.days.map((d) => [d.day, d.commits.map((g) => [g.repo, g.branch, shownCommits(g, COMMITS_SHOWN).map((c) => c.sha)])])).toEqual([
      ["2026-10-28", [["acme/api", "main", ["bbbbbbb"]]]],
      ["2026-10-29", [["acme/api", "main", ["bbbbbbb"]], ["acme/api", "feat/x", ["bbbbbbb"]]]],
    ]);
    expect(b!.days[1]!.hours).toEqual({ start: "2026-10-29T09:00:00.000+07:00", end: "2026-10-29T17:30:00.000+07:00" });
    expect(a!.days.map((d) => [d.day, d.scheduled, d.inProgress])).toEqual([["2026-10-28", true, false]]);
    expect(digest.totals).toEqual({ contractors: 2, commits: 4, pullRequests: 0, reviewsAndComments: 0, missingUpdates: 0 });
  });

  it("keeps commits of a branch in time order with 7-character SHAs", () => {
    const digest = buildDigest(
      thursday(
        [
          commit({ id: 2, actor: "budi", at: "2026-10-29T05:00:00Z", sha: "2222222abcdef", message: "second" }),
          commit({ id: 1, actor: "budi", at: "2026-10-29T04:00:00Z", sha: "1111111abcdef", message: "first" }),
        ],
        { since: "2026-10-29T15:00:00Z" },
      ),
    );
    const groups = digest.contractors[0]!.days[0]!.commits;
    expect(groups.map((group) => [group.repo, group.branch, group.count, shownCommits(group, COMMITS_SHOWN)])).toEqual([
      [
        "acme/api",
        "main",
        2,
        [
          { sha: "1111111", message: "first", url: "https://github.com/acme/api/commit/1111111abcdef" },
          { sha: "2222222", message: "second", url: "https://github.com/acme/api/commit/2222222abcdef" },
        ],
      ],
    ]);
  });

  it("Monday digest in Los Angeles: a Jakarta contractor's late Friday, the weekend labelled, Monday missing", () => {
    const digest = buildDigest({
      config: config([budi]),
      teamDate: "2026-11-02",
      at: "2026-11-02T16:30:00Z", // Mon 08:30 PST
      since: "2026-10-30T15:30:00Z", // Fri 08:30 PDT: Friday's digest
      events: [
        commit({ id: 10, actor: "budi", at: "2026-10-30T16:00:00Z", sha: "f00d000aaa", message: "Friday 23:00 WIB" }),
        comment({ id: 11, actor: "budi", at: "2026-10-30T16:10:00Z", repo: "acme/handoff", number: 1, body: "Done: login\nNext: tests" }),
        commit({ id: 12, actor: "budi", at: "2026-10-31T07:00:00Z", sha: "5a7000bbbb", message: "Saturday 14:00 WIB" }),
      ],
      updates: [],
      logIssues,
    });
    const days = digest.contractors[0]!.days;
    expect(days.map((d) => [d.day, d.scheduled, d.unscheduledReason, d.inProgress, d.missingUpdate])).toEqual([
      ["2026-10-30", true, null, false, false], // ended before `since`: no line either way
      ["2026-10-31", false, "not a workday", false, false],
      ["2026-11-02", true, null, false, true], // Mon 09:00–17:30 WIB ended at 10:30Z: no activity, still shown
    ]);
    // Posted after Friday's digest had reported on Friday: late.
    expect(days[0]!.updates).toMatchObject([
      { text: "Done: login\nNext: tests", url: "https://github.com/acme/handoff/issues/1#e11", at: "2026-10-30T16:10:00Z", late: true },
    ]);
    expect(days[2]!.commits).toEqual([]);
    expect(digest.eventIds).toEqual([10, 11, 12]);
    expect(digest.totals).toEqual({ contractors: 1, commits: 2, pullRequests: 0, reviewsAndComments: 0, missingUpdates: 1 });
  });
});

describe("digestPushes", () => {
  const commits = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => ({ sha: `${prefix}${i}`, message: `${prefix} ${i}` }));
  it("keeps each contractor's pushes of a working day and branch until 20 commits; later days and other branches start again", () => {
    const pushes = [
      push({ id: 3, actor: "budi", at: "2026-10-29T05:00:00Z", commits: commits(10, "c") }), // Thu 12:00 WIB: 15 shown before it
      push({ id: 1, actor: "budi", at: "2026-10-29T03:00:00Z", commits: commits(15, "a") }),
      push({ id: 4, actor: "budi", at: "2026-10-29T06:00:00Z", commits: commits(1, "d") }), // 25 before it: counted only
      push({ id: 5, actor: "budi", at: "2026-10-29T06:30:00Z", branch: "fix/x", commits: commits(1, "e") }),
      push({ id: 6, actor: "budi", at: "2026-10-29T21:00:00Z", commits: commits(1, "f") }), // Fri 04:00 WIB: Friday's work
      push({ id: 7, actor: "ana", at: "2026-10-29T06:00:00Z", commits: commits(30, "g") }), // not a contractor
      comment({ id: 8, actor: "budi", at: "2026-10-29T06:00:00Z", number: 12, body: "not a push" }),
    ];
    const digest = buildDigest(thursday(pushes, { config: config([budi]) }));
    expect(digestPushes(digest).map((push) => push.id).sort((a, b) => a - b)).toEqual([1, 3, 5, 6]);
    // The kept pushes hold the commits shown: the first 20 of the day's main branch, then fix/x's one.
    const [main, fix] = digest.contractors[0]!.days[0]!.commits;
    expect([main!.count, shownCommits(main!, COMMITS_SHOWN).map((c) => c.sha)]).toEqual([26, [...commits(15, "a"), ...commits(5, "c")].map((c) => c.sha.slice(0, 7))]);
    expect(shownCommits(fix!, COMMITS_SHOWN).map((c) => c.sha)).toEqual(["e0"]);
  });
});

describe("buildDigest: missing end-of-day updates", () => {
  const flags = (input: DigestInput) =>
    buildDigest(input).contractors.map((c) => [c.login, c.days.map((d) => [d.day, d.inProgress, d.missingUpdate])]);

  it("adds a line for a scheduled day whose hours ended since the previous digest, even without activity", () => {
    // budi's Thu ended 10:30Z and ana's Wed 20:00Z in (since, at]; sita's Thu ended 11:15Z; ana's Thu is in progress.
    expect(flags(thursday([]))).toEqual([
      ["budi", [["2026-10-29", false, true]]],
      ["ana", [["2026-10-28", false, true]]],
      ["sita", [["2026-10-29", false, true]]],
    ]);
  });

  it("no line when the day has an update: /eod anywhere (already shown) or any comment on the log issue", () => {
    const input = thursday([comment({ id: 5, actor: "sita", at: "2026-10-29T12:00:00Z", repo: "acme/handoff", number: 3, body: "All done." })], {
      updates: [eod(3, "budi", "2026-10-29T10:00:00Z", "  /EOD\nDone"), eod(4, "ana", "2026-10-28T20:30:00Z")],
    });
    const digest = buildDigest(input);
    expect(digest.contractors.map((c) => [c.login, c.days.map((d) => [d.day, d.missingUpdate, d.updates.length])])).toEqual([
      ["sita", [["2026-10-29", false, 1]]],
    ]);
    expect(digest.eventIds).toEqual([5]);
  });

  it("a day in progress is labelled and gets no line", () => {
    const digest = buildDigest(
      thursday([commit({ id: 1, actor: "ana", at: "2026-10-29T13:00:00Z", sha: "abcdef1234", message: "wip" })], {
        config: config([ana]),
      }),
    );
    expect(digest.contractors[0]!.days.map((d) => [d.day, d.inProgress, d.missingUpdate])).toEqual([
      ["2026-10-28", false, true],
      ["2026-10-29", true, false],
    ]);
  });

  it("no line for a day that ended before `since`, nor for a day that began (04:00 WIB) before the config was first read", () => {
    expect(flags(thursday([], { config: config([budi]), since: "2026-10-29T11:00:00Z" }))).toEqual([]);
    // Thu 08:00 WIB: after Thursday's boundary, before its hours.
    expect(flags(thursday([], { config: config([budi]), configReadAt: "2026-10-29T01:00:00Z" }))).toEqual([]);
    // Thu 04:00 WIB: exactly when Thursday began.
    expect(flags(thursday([], { config: config([budi]), configReadAt: "2026-10-28T21:00:00Z" }))).toEqual([["budi", [["2026-10-29", false, true]]]]);
  });

  it("no line on a day off; its activity is labelled", () => {
    const dayOff = { ...budi, days_off: ["2026-10-29"] };
    expect(flags(thursday([], { config: config([dayOff]) }))).toEqual([]);
    const digest = buildDigest(
      thursday([commit({ id: 1, actor: "budi", at: "2026-10-29T05:00:00Z", sha: "abcdef1234", message: "small fix" })], {
        config: config([dayOff]),
      }),
    );
    expect(digest.contractors[0]!.days.map((d) => [d.day, d.scheduled, d.unscheduledReason, d.missingUpdate])).toEqual([
      ["2026-10-29", false, "day off", false],
    ]);
  });

  it("an /eod outside the watched repositories does not count, one on the log issue does", () => {
    const input = thursday([], {
      config: config([budi, ana], { repositories: ["api"] }),
      updates: [eod(1, "budi", "2026-10-29T10:00:00Z", "/eod"), { ...eod(2, "ana", "2026-10-28T20:30:00Z"), repo: "acme/web" }],
    });
    expect(flags(input)).toEqual([["ana", [["2026-10-28", false, true]]]]);
    const onLog = { ...eod(2, "ana", "2026-10-28T20:30:00Z", "no command"), repo: "acme/handoff", number: 2 };
    expect(flags({ ...input, updates: [onLog] })).toEqual([["budi", [["2026-10-29", false, true]]]]);
  });
});

describe("buildDigest: pull requests, reviews, feedback", () => {
  const events = [
    pullRequest({ id: 1, actor: "budi", at: "2026-10-29T03:00:00Z", number: 12, action: "opened", title: "Add login", draft: true }),
    pullRequest({ id: 2, actor: "budi", at: "2026-10-29T04:00:00Z", number: 12, action: "ready_for_review", title: "Add login form" }),
    pullRequest({ id: 3, actor: "budi", at: "2026-10-29T04:01:00Z", number: 12, action: "review_requested", title: "Add login form" }),
    pullRequest({ id: 4, actor: "budi", at: "2026-10-29T05:00:00Z", repo: "acme/web", number: 4, action: "merged", title: "Footer" }),
    review({ id: 5, actor: "budi", at: "2026-10-29T06:00:00Z", repo: "acme/web", number: 9, subjectAuthor: "alice", state: "approved", title: "Header" }),
    comment({ id: 6, actor: "budi", at: "2026-10-29T06:30:00Z", number: 12, subjectAuthor: "budi", body: "Note: kept the old API", onPullRequest: true }),
    review({ id: 7, actor: "alice", at: "2026-10-28T20:00:00Z", number: 12, subjectAuthor: "budi", state: "changes_requested", body: "Please split", title: "Add login form" }),
    reviewComment({ id: 8, actor: "sita", at: "2026-10-29T07:00:00Z", number: 12, subjectAuthor: "budi", body: "nit: name", title: "Add login form" }),
    // Not a contractor's activity, not feedback for one: ignored and left unshown.
    commit({ id: 20, actor: "alice", at: "2026-10-29T06:00:00Z", sha: "a11ce00000", message: "team work" }),
    pullRequest({ id: 21, actor: "alice", at: "2026-10-29T06:00:00Z", repo: "acme/web", number: 9, action: "opened", title: "Header" }),
    comment({ id: 22, actor: "bob", at: "2026-10-29T06:00:00Z", repo: "acme/web", number: 9, subjectAuthor: "alice", body: "LGTM" }),
    // alice merging budi's pull request is not a review or comment.
    pullRequest({ id: 23, actor: "alice", at: "2026-10-29T08:00:00Z", repo: "acme/web", number: 4, subjectAuthor: "budi", action: "merged", title: "Footer" }),
  ];

  it("lists each pull request once per day with its state changes, reviews and comments given, and feedback received", () => {
    const digest = buildDigest(thursday(events, { config: config([budi, sita]), since: "2026-10-29T15:00:00Z" }));
    const [budiDigest, sitaDigest] = digest.contractors;
    const budiDays = budiDigest!.days;
    expect(budiDays.map((d) => d.day)).toEqual(["2026-10-28", "2026-10-29"]);
    expect(budiDays[0]!.feedback).toEqual([
      {
        kind: "review",
        actor: "alice",
        repo: "acme/api",
        number: 12,
        title: "Add login form",
        url: "https://github.com/acme/api/issues/12#e7",
        at: "2026-10-28T20:00:00Z", // Thu 03:00 WIB: budi's Wednesday
        state: "changes_requested",
        body: "Please split",
      },
    ]);
    const thu = budiDays[1]!;
    expect(thu.pullRequests).toEqual([
      { repo: "acme/api", number: 12, title: "Add login form", url: "https://github.com/acme/api/issues/12#e3", actions: ["opened", "ready_for_review", "review_requested"] },
      { repo: "acme/web", number: 4, title: "Footer", url: "https://github.com/acme/web/issues/4#e4", actions: ["merged"] },
    ]);
    expect(thu.given.map((g) => [g.kind, g.repo, g.number, g.state])).toEqual([
      ["review", "acme/web", 9, "approved"],
      ["comment", "acme/api", 12, null],
    ]);
    expect(thu.feedback.map((f) => [f.kind, f.actor])).toEqual([["review_comment", "sita"]]);
    expect(sitaDigest!.days.map((d) => [d.day, d.given.map((g) => g.kind)])).toEqual([["2026-10-29", ["review_comment"]]]);
    expect(digest.eventIds).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(digest.totals).toEqual({ contractors: 2, commits: 0, pullRequests: 2, reviewsAndComments: 3, missingUpdates: 0 });
  });

  it("shows a contractor's issues opened and closed", () => {
    const digest = buildDigest(
      thursday([issue({ id: 1, actor: "budi", at: "2026-10-29T03:00:00Z", number: 30, action: "opened", title: "Flaky test" })], {
        config: config([budi]),
        since: "2026-10-29T15:00:00Z",
      }),
    );
    expect(digest.contractors[0]!.days[0]!.issues).toEqual([
      { repo: "acme/api", number: 30, title: "Flaky test", url: "https://github.com/acme/api/issues/30#e1", actions: ["opened"] },
    ]);
  });

  it("only events of the listed repositories, plus the log issue", () => {
    const digest = buildDigest(
      thursday(
        [
          commit({ id: 1, actor: "budi", at: "2026-10-29T03:00:00Z", repo: "acme/api", sha: "1111111000", message: "in api" }),
          commit({ id: 2, actor: "budi", at: "2026-10-29T03:00:00Z", repo: "acme/web", sha: "2222222000", message: "in web" }),
          commit({ id: 3, actor: "budi", at: "2026-10-29T03:00:00Z", repo: "other/API", sha: "3333333000", message: "name matches, any case" }),
          comment({ id: 4, actor: "budi", at: "2026-10-29T10:00:00Z", repo: "acme/handoff", number: 1, body: "done" }),
          comment({ id: 5, actor: "budi", at: "2026-10-29T10:05:00Z", repo: "acme/handoff", number: 99, body: "elsewhere in handoff" }),
        ],
        { config: config([budi], { repositories: ["api"] }) },
      ),
    );
    const day = digest.contractors[0]!.days[0]!;
    expect(day.commits.flatMap((g) => shownCommits(g, COMMITS_SHOWN).map((c) => c.message))).toEqual(["in api", "name matches, any case"]);
    expect(day.updates.map((u) => u.text)).toEqual(["done"]);
    expect(day.given).toEqual([]);
    expect(day.missingUpdate).toBe(false);
    expect(digest.eventIds).toEqual([1, 3, 4]);
  });

  it("is empty when nothing is shown and no update is missing", () => {
    const quiet = thursday([commit({ id: 20, actor: "alice", at: "2026-10-29T06:00:00Z", sha: "a11ce00000", message: "team" })], {
      since: "2026-10-29T15:00:00Z",
    });
    const digest = buildDigest(quiet);
    expect(digest.contractors).toEqual([]);
    expect(digest.eventIds).toEqual([]);
    expect(isEmptyDigest(digest)).toBe(true);
    expect(isEmptyDigest(buildDigest({ ...quiet, since: "2026-10-28T15:30:00Z" }))).toBe(false);
  });
});

describe("end-of-day updates", () => {
  it.each([
    ["/eod done", 12, true],
    ["  \n/EOD: done", 12, true],
    ["/eodx", 12, false],
    ["see /eod", 12, false],
    ["plain note", 1, true], // on budi's own log issue
  ])("%j on #%d → %s", (body, number, expected) => {
    const event = comment({ id: 1, actor: "budi", at: "2026-10-29T10:00:00Z", repo: "acme/handoff", number, body });
    expect(isEndOfDayUpdate(event, logIssues)).toBe(expected);
  });

  it("a comment on someone else's log issue is not an update", () => {
    const event = comment({ id: 1, actor: "ana", at: "2026-10-29T10:00:00Z", repo: "acme/handoff", number: 1, body: "hi budi" });
    expect(isEndOfDayUpdate(event, logIssues)).toBe(false);
  });

  it("groups a contractor's updates by working day", () => {
    const byDay = updatesByDay(
      [
        eod(3, "budi", "2026-10-29T19:00:00Z"), // Fri 02:00 WIB: Thursday
        eod(1, "budi", "2026-10-28T10:00:00Z"),
        eod(2, "ana", "2026-10-28T10:00:00Z"),
        comment({ id: 4, actor: "budi", at: "2026-10-29T10:00:00Z", number: 12, body: "not an update" }),
      ],
      { login: "budi", timezone: "Asia/Jakarta", day_boundary: "04:00" },
      logIssues,
    );
    expect([...byDay].map(([day, events]) => [day, events.map((e) => e.id)])).toEqual([
      ["2026-10-28", [1]],
      ["2026-10-29", [3]],
    ]);
  });
});
