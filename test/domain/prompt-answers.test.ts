import { describe, expect, it } from "@jest/globals";
import { answerOf, resolvePrompts, waitingForReview, type PostedPrompt } from "../../src/domain/prompt-answers.js";
import { renderWaitingForReview } from "../../src/domain/render-waiting-for-review.js";
import type { ReviewPrompt } from "../../src/domain/review-prompts.js";
import { formatWorkingTime, teamWorkingMinutes } from "../../src/domain/team-hours.js";
import { comment, pullRequest, review, reviewComment } from "./event-factory.js";

const team = { timezone: "America/Los_Angeles", workdays: ["mon", "tue", "wed", "thu", "fri"] as ("mon" | "tue" | "wed" | "thu" | "fri")[] };

const prompt = (overrides: Partial<PostedPrompt> = {}): PostedPrompt => ({
  key: "prompt:acme/api#12:2026-10-29",
  repo: "acme/api",
  number: 12,
  title: "Add export",
  url: "https://github.com/acme/api/pull/12",
  teamDate: "2026-10-29",
  contractor: "budi",
  postedAt: "2026-10-29T15:30:00.000Z",
  promptUrl: "https://github.com/acme/api/pull/12#issuecomment-1",
  answer: null,
  closedAt: null,
  ...overrides,
});

describe("teamWorkingMinutes: 09:00–17:00 team local time on team workdays", () => {
  it.each([
    // from                    | to                      | minutes | why
    ["2026-10-29T15:30:00Z", "2026-10-29T16:30:00Z", 30, "Thu 08:30–09:30 PDT: 09:00–09:30 counts"],
    ["2026-10-29T15:30:00Z", "2026-10-30T15:30:00Z", 480, "Thu 08:30 to Fri 08:30: one full day"],
    ["2026-10-30T15:30:00Z", "2026-11-02T16:30:00Z", 480, "Fri 08:30 PDT to Mon 08:30 PST: the weekend does not count"],
    ["2026-10-31T18:00:00Z", "2026-11-01T20:00:00Z", 0, "Saturday to Sunday"],
    ["2026-10-29T23:00:00Z", "2026-10-30T17:00:00Z", 120, "Thu 16:00 to Fri 10:00 PDT: 16:00–17:00 and 09:00–10:00"],
    ["2026-10-30T16:00:00Z", "2026-10-29T16:00:00Z", 0, "backwards"],
  ])("%s → %s: %i (%s)", (from, to, minutes) => {
    expect(teamWorkingMinutes(from, to, team)).toBe(minutes);
  });

  it.each([
    [45, "45 min"],
    [480, "8 h"],
    [750, "12 h 30 min"],
  ])("formats %i minutes as %s", (minutes, text) => {
    expect(formatWorkingTime(minutes)).toBe(text);
  });
});

describe("answers", () => {
  const at = (time: string) => `2026-10-29T${time}:00Z`;

  it("is the first review or comment after the prompt by someone other than the contractor and not a bot", () => {
    const events = [
      review({ id: 1, actor: "dana", at: at("15:00"), number: 12, subjectAuthor: "budi", state: "approved", title: "Add export" }),
      comment({ id: 2, actor: "budi", at: at("16:00"), number: 12, onPullRequest: true, body: "ping" }),
      comment({ id: 3, actor: "renovate[bot]", at: at("16:10"), number: 12, onPullRequest: true, body: "bump" }),
      comment({ id: 4, actor: "erin", at: at("16:20"), number: 13, onPullRequest: true, body: "other PR" }),
      comment({ id: 5, actor: "erin", at: at("16:30"), repo: "acme/web", number: 12, onPullRequest: true, body: "other repo" }),
      reviewComment({ id: 6, actor: "dana", at: at("17:00"), number: 12, subjectAuthor: "budi", body: "nit", title: "Add export", url: "https://x/6" }),
      review({ id: 7, actor: "frank", at: at("18:00"), number: 12, subjectAuthor: "budi", state: "commented", title: "Add export" }),
    ];
    expect(answerOf(prompt(), events)).toEqual({ by: "dana", at: at("17:00"), url: "https://x/6" });
    expect(answerOf(prompt(), events.slice(0, 5))).toBeNull();
  });

  it("keeps listing a PR since its earliest unanswered prompt, until answered or closed", () => {
    const tuesday = prompt({ key: "prompt:acme/api#12:2026-10-27", teamDate: "2026-10-27", postedAt: "2026-10-27T15:30:00.000Z" });
    const thursday = prompt();
    const other = prompt({ key: "prompt:acme/api#14:2026-10-29", number: 14, title: "CSV" });
    const now = "2026-10-30T15:30:00.000Z";

    const waiting = waitingForReview(resolvePrompts([thursday, other, tuesday], []), now, team);
    expect(waiting.map((w) => [w.number, w.promptedAt, w.waitedMinutes])).toEqual([
      [12, "2026-10-27T15:30:00.000Z", 3 * 480],
      [14, "2026-10-29T15:30:00.000Z", 480],
    ]);

    const closed = pullRequest({ id: 9, actor: "dana", at: "2026-10-29T20:00:00Z", number: 14, action: "merged", title: "CSV" });
    const answer = comment({ id: 8, actor: "dana", at: "2026-10-28T20:00:00Z", number: 12, onPullRequest: true, body: "looks good" });
    const resolved = resolvePrompts([tuesday, thursday, other], [answer, closed]);
    expect(resolved.map((p) => [p.teamDate, p.number, p.answer?.by ?? null, p.closedAt])).toEqual([
      ["2026-10-27", 12, "dana", null],
      ["2026-10-29", 12, null, null],
      ["2026-10-29", 14, null, "2026-10-29T20:00:00Z"],
    ]);
    expect(waitingForReview(resolved, now, team).map((w) => [w.number, w.promptedAt])).toEqual([[12, "2026-10-29T15:30:00.000Z"]]);
  });

  it("renders the digest's section without pinging anyone, new prompts included", () => {
    const planned: ReviewPrompt = {
      repo: "acme/api",
      number: 15,
      title: "Paging @dana",
      url: "https://github.com/acme/api/pull/15",
      teamDate: "2026-10-30",
      contractor: "carla",
      contractorZone: "America/Argentina/Buenos_Aires",
      mentions: ["@alice"],
      mentionSource: "team.reviewers",
      stateChanges: ["opened"],
      commits: [],
      notes: [],
      previous: null,
      deadline: null,
    };
    const waiting = waitingForReview([prompt()], "2026-10-30T15:30:00.000Z", team, [planned]);
    expect(renderWaitingForReview(waiting, "America/Los_Angeles")).toEqual([
      "",
      "**Waiting for review**",
      "- [acme/api#12](https://github.com/acme/api/pull/12) Add export · budi · [prompted](https://github.com/acme/api/pull/12#issuecomment-1) Thu 29 Oct 08:30 PDT · waiting 8 h of team working hours",
      "- [acme/api#15](https://github.com/acme/api/pull/15) Paging @\u200Bdana · carla · prompted with this digest",
    ]);
    expect(renderWaitingForReview([], "America/Los_Angeles")).toEqual([]);
  });
});
