import { describe, expect, it } from "@jest/globals";
import { shownCommits } from "../../src/domain/commit-groups.js";
import type { RecordedEvent } from "../../src/domain/events.js";
import { pullRequestKey, pullRequestStates, type PullRequestState } from "../../src/domain/pull-request-state.js";
import { renderReviewPrompt } from "../../src/domain/render-review-prompt.js";
import { PROMPT_COMMITS_SHOWN, promptCandidates, reviewPrompts, type PromptInput } from "../../src/domain/review-prompts.js";
import { comment, commit, configOf, pullRequest } from "./event-factory.js";

const config = (extra: object = {}) =>
  configOf({
    team: { timezone: "America/Los_Angeles", reviewers: ["alice", "budi"] },
    digest: { repository: "handoff" },
    contractors: [
      { login: "budi", timezone: "Asia/Jakarta", hours: "09:00-17:30" },
      { login: "carla", timezone: "America/Argentina/Buenos_Aires", hours: "10:00-18:00" },
    ],
    ...extra,
  });

const opened = (id: number, number: number, options: { actor?: string; draft?: boolean; head?: string; reviewers?: string[]; teams?: string[]; action?: "opened" | "closed" | "ready_for_review" } = {}) => {
  const event = pullRequest({
    id,
    actor: options.actor ?? "budi",
    at: `2026-10-29T0${id % 10}:00:00Z`,
    number,
    action: options.action ?? "opened",
    title: `PR ${number}`,
    draft: options.draft,
    headBranch: options.head ?? `feat/${number}`,
    url: `https://github.com/acme/api/pull/${number}`,
  });
  if (event.kind === "pull_request") Object.assign(event.data, { requestedReviewers: options.reviewers ?? [], requestedTeams: options.teams ?? [] });
  return event;
};

/** Thursday 29 Oct 2026's digest at 08:30 PDT over `events`, states from the same events. */
function prompts(events: RecordedEvent[], overrides: Partial<PromptInput> = {}, known: RecordedEvent[] = events) {
  const cfg = overrides.config ?? config();
  const states = pullRequestStates(known);
  const candidates = promptCandidates({ config: cfg, events, known: states });
  return reviewPrompts({ config: cfg, teamDate: "2026-10-29", at: "2026-10-29T15:30:00Z", candidates, states, previous: new Map(), ...overrides });
}

describe("promptCandidates and reviewPrompts", () => {
  it("prompts an open PR a contractor opened, mentioning its requested users and teams", () => {
    const [prompt, ...rest] = prompts([opened(1, 12, { reviewers: ["dana"], teams: ["acme/web"] })]);
    expect(rest).toEqual([]);
    expect(prompt).toMatchObject({ repo: "acme/api", number: 12, contractor: "budi", mentions: ["@dana", "@acme/web"], mentionSource: "requested", stateChanges: ["opened"] });
  });

  it("falls back to team.reviewers without the contractor, and mentions nobody when that is empty too", () => {
    expect(prompts([opened(1, 12)])[0]).toMatchObject({ mentions: ["@alice"], mentionSource: "team.reviewers" });
    const none = prompts([opened(1, 12)], { config: config({ team: { timezone: "America/Los_Angeles" } }) })[0]!;
    expect(none).toMatchObject({ mentions: [], mentionSource: "none" });
    expect(renderReviewPrompt(none, { teamZone: "America/Los_Angeles" })).toContain("so this prompt mentions nobody");
  });

  it.each([
    ["a draft", [opened(1, 12, { draft: true })]],
    ["a PR closed since", [opened(1, 12), opened(2, 12, { action: "closed", actor: "dana" })]],
    ["a PR moved by someone who is not a contractor", [opened(1, 12, { actor: "dana" })]],
  ])("gives %s no prompt", (_case, events) => {
    expect(prompts(events)).toEqual([]);
  });

  it("maps a contractor's push to the open PR of that head branch, from PR events recorded earlier", () => {
    const earlier = opened(1, 12, { head: "feat/export" });
    const pushes = [
      commit({ id: 5, actor: "budi", at: "2026-10-29T05:00:00Z", sha: "a1b2c3d4e5f6", message: "Add export", branch: "feat/export" }),
      commit({ id: 6, actor: "budi", at: "2026-10-29T06:00:00Z", sha: "b1b2c3d4e5f6", message: "Unrelated", branch: "main" }),
    ];
    const [prompt] = prompts(pushes, {}, [earlier, ...pushes]);
    expect(prompt).toMatchObject({ number: 12, stateChanges: [], commits: [{ repo: "acme/api", branch: "feat/export", count: 1 }] });
    expect(shownCommits(prompt!.commits[0]!, PROMPT_COMMITS_SHOWN)).toMatchObject([{ sha: "a1b2c3d", message: "Add export" }]);
    expect(prompts(pushes, {}, pushes)).toEqual([]);
  });

  it("summarises the contractor's /eod and /decision notes on the PR, and a comment alone makes it a candidate", () => {
    const notes = [
      comment({ id: 7, actor: "budi", at: "2026-10-29T09:00:00Z", number: 12, onPullRequest: true, body: "/eod\nDone: export\nNext: paging" }),
      comment({ id: 8, actor: "budi", at: "2026-10-29T09:10:00Z", number: 12, onPullRequest: true, body: "Thanks!\n/decision Keep the v1 endpoint?" }),
      comment({ id: 9, actor: "budi", at: "2026-10-29T09:20:00Z", number: 12, onPullRequest: true, body: "just chatting" }),
    ];
    const known: PullRequestState = { repo: "acme/api", number: 12, title: "Export", url: null, author: "budi", open: true, draft: false, headBranch: "x", requestedReviewers: [], requestedTeams: [] };
    const candidates = promptCandidates({ config: config(), events: notes, known: new Map() });
    expect(candidates.map((c) => [c.number, c.events.map((e) => e.id)])).toEqual([[12, [7, 8]]]);
    const [prompt] = reviewPrompts({ config: config(), teamDate: "2026-10-29", at: "2026-10-29T15:30:00Z", candidates, states: new Map([[pullRequestKey("acme/api", 12), known]]), previous: new Map() });
    expect(prompt!.notes.map((n) => [n.kind, n.text])).toEqual([
      ["end-of-day update", "Done: export\nNext: paging"],
      ["decision", "Keep the v1 endpoint?"],
    ]);
  });

  it("credits the PR's author when two contractors moved it", () => {
    const events = [opened(1, 12, { actor: "carla" }), opened(2, 12, { action: "ready_for_review", actor: "budi" })];
    events[0]!.subjectAuthor = "budi";
    events[1]!.subjectAuthor = "budi";
    expect(prompts(events)[0]).toMatchObject({ contractor: "budi", stateChanges: ["opened", "ready_for_review"] });
  });

  it("posts nothing when review_prompts.enabled is false", () => {
    expect(prompts([opened(1, 12)], { config: config({ review_prompts: { enabled: false } }) })).toEqual([]);
  });
});

describe("the deadline: start of the contractor's next scheduled working day, in both zones", () => {
  it.each([
    // team date | digest instant          | contractor zone / hours        | team zone view                  | contractor view
    ["Thu 29 Oct", "2026-10-29T15:30:00Z", "Asia/Jakarta", "09:00-17:30", "Thu 29 Oct 19:00 PDT", "Fri 30 Oct 09:00 GMT+7"],
    // Friday: Monday 09:00 WIB falls on Sunday evening in Los Angeles, after the US DST change of 1 Nov.
    ["Fri 30 Oct", "2026-10-30T15:30:00Z", "Asia/Jakarta", "09:00-17:30", "Sun 1 Nov 18:00 PST", "Mon 2 Nov 09:00 GMT+7"],
    // Europe changed on 25 Oct, the US on 1 Nov: Berlin is 8 hours ahead for that week, 9 after it.
    ["Fri 30 Oct", "2026-10-30T15:30:00Z", "Europe/Berlin", "09:00-17:00", "Mon 2 Nov 00:00 PST", "Mon 2 Nov 09:00 GMT+1"],
    ["Mon 26 Oct", "2026-10-26T15:30:00Z", "Europe/Berlin", "09:00-17:00", "Tue 27 Oct 01:00 PDT", "Tue 27 Oct 09:00 GMT+1"],
    // A contractor still at work when the digest posts: the deadline is their next day, not today's start.
    ["Thu 29 Oct", "2026-10-29T15:30:00Z", "America/New_York", "09:00-17:00", "Fri 30 Oct 06:00 PDT", "Fri 30 Oct 09:00 EDT"],
    // Friday is a day off (days_off, or `/handoff off` merged into them): Monday is the next scheduled day.
    ["Thu 29 Oct", "2026-10-29T15:30:00Z", "Asia/Jakarta", "09:00-17:30", "Sun 1 Nov 18:00 PST", "Mon 2 Nov 09:00 GMT+7", ["2026-10-30"]],
  ])("%s at %s for %s %s: %s / %s", (_date, at, timezone, hours, team, local, days_off: string[] = []) => {
    const cfg = configOf({ team: { timezone: "America/Los_Angeles", reviewers: ["alice"] }, digest: { repository: "handoff" }, contractors: [{ login: "dev", timezone, hours, days_off }] });
    const events = [opened(1, 12, { actor: "dev" })];
    const states = pullRequestStates(events);
    const [prompt] = reviewPrompts({ config: cfg, teamDate: at.slice(0, 10), at, candidates: promptCandidates({ config: cfg, events, known: states }), states, previous: new Map() });
    expect(renderReviewPrompt(prompt!, { teamZone: "America/Los_Angeles" })).toContain(`**Deadline:** ${team} (team) · ${local} (dev), when dev's next working day starts.`);
  });

  it("gives each contractor's prompts that contractor's deadline when several contractors moved pull requests", () => {
    const events = [opened(1, 12), opened(2, 13, { actor: "carla" }), opened(3, 14), opened(4, 15, { actor: "carla" })];
    const deadlines = prompts(events).map((prompt) => [prompt.number, prompt.contractor, prompt.deadline]);
    // Thursday 29 Oct: budi's Friday starts at 09:00 in Jakarta, carla's at 10:00 in Buenos Aires.
    expect(deadlines).toEqual([
      [12, "budi", "2026-10-30T02:00:00.000Z"],
      [13, "carla", "2026-10-30T13:00:00.000Z"],
      [14, "budi", "2026-10-30T02:00:00.000Z"],
      [15, "carla", "2026-10-30T13:00:00.000Z"],
    ]);
  });
});

describe("renderReviewPrompt", () => {
  it("renders the marker, the mentions, what arrived since the previous prompt, and neutralised user text", () => {
    const pr = opened(1, 12, { reviewers: ["dana"] });
    const events = [
      pr,
      commit({ id: 5, actor: "budi", at: "2026-10-29T05:00:00Z", sha: "a1b2c3d4e5f6", message: "Ping @carol <b>now</b>", branch: "feat/12" }),
      comment({ id: 6, actor: "budi", at: "2026-10-29T06:00:00Z", number: 12, onPullRequest: true, body: "/decision Drop <!-- handoff:brief --> for @team?", url: "https://github.com/acme/api/pull/12#issuecomment-6" }),
    ];
    const previous = new Map([[pullRequestKey("acme/api", 12), { teamDate: "2026-10-28", url: "https://github.com/acme/api/pull/12#issuecomment-1" }]]);
    const [prompt] = prompts(events, { previous });
    expect(renderReviewPrompt(prompt!, { teamZone: "America/Los_Angeles" })).toBe(
      [
        "<!-- handoff:review-prompt date=2026-10-29 -->",
        "@dana: budi moved this pull request. Please review it and answer here in writing.",
        "",
        "**What arrived** · new since the [previous prompt](https://github.com/acme/api/pull/12#issuecomment-1) of Wed 28 Oct",
        "- Pull request opened",
        "- 1 commit on `feat/12`: [`a1b2c3d`](https://github.com/acme/api/commit/a1b2c3d4e5f6) Ping @\u200Bcarol &lt;b&gt;now&lt;/b&gt;",
        "- [Decision needed](https://github.com/acme/api/pull/12#issuecomment-6) by budi:",
        "  > Drop &lt;!-- handoff:brief --&gt; for @\u200Bteam?",
        "",
        "**Deadline:** Thu 29 Oct 19:00 PDT (team) · Fri 30 Oct 09:00 GMT+7 (budi), when budi's next working day starts.",
        "",
      ].join("\n"),
    );
  });
});
