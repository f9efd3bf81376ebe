import { describe, expect, it } from "@jest/globals";
import { buildBrief, type BriefInput } from "../../src/domain/brief.js";
import { decisionsOf } from "../../src/domain/decisions.js";
import type { RecordedEvent } from "../../src/domain/events.js";
import { resolvePrompts, type PostedPrompt } from "../../src/domain/prompt-answers.js";
import { renderBrief } from "../../src/domain/render-brief.js";
import { comment, configOf, pullRequest, review, reviewComment } from "./event-factory.js";

const config = configOf({
  team: { timezone: "America/Los_Angeles" },
  digest: { repository: "handoff" },
  contractors: [{ login: "budi", timezone: "Asia/Jakarta", hours: "09:00-17:30" }],
});
const at = (time: string) => `2026-10-29T${time}:00Z`;
const pr = (number: number) => `https://github.com/acme/api/pull/${number}`;

const prompt = (number: number, title: string): PostedPrompt => ({
  key: `prompt:acme/api#${number}:2026-10-29`,
  repo: "acme/api",
  number,
  title,
  url: pr(number),
  teamDate: "2026-10-29",
  contractor: "budi",
  postedAt: "2026-10-29T15:30:00.000Z",
  promptUrl: `${pr(number)}#issuecomment-${number}00`,
  answer: null,
  closedAt: null,
});

/** Budi's Friday 30 Oct brief (09:00 WIB); Thursday's hours ended 17:30 WIB (10:30Z). */
function input(events: RecordedEvent[], prompts: PostedPrompt[] = []): BriefInput {
  return {
    contractor: config.contractors[0]!,
    team: config.team,
    day: "2026-10-30",
    since: "2026-10-29T10:30:00.000Z",
    at: "2026-10-30T02:00:00.000Z",
    events,
    prompts: resolvePrompts(prompts, events),
    decisions: decisionsOf(events, { contractors: config.contractors, logIssues: [], repositories: [] }),
  };
}

describe("buildBrief and renderBrief", () => {
  it("lists feedback per PR with review states, merges by others, decisions answered and prompts still unanswered", () => {
    const events = [
      review({ id: 1, actor: "dana", at: at("09:00"), number: 12, subjectAuthor: "budi", state: "approved", title: "Add export", url: `${pr(12)}#pullrequestreview-1` }),
      comment({ id: 2, actor: "budi", at: at("05:00"), number: 30, body: "/decision Keep the v1 endpoint?", title: "API versions", url: "https://github.com/acme/api/issues/30#issuecomment-2" }),
      review({ id: 3, actor: "dana", at: at("17:00"), number: 12, subjectAuthor: "budi", state: "changes_requested", title: "Add export", body: "Please add a test for the empty export.\nAlso rename the flag.\nThird line\nFourth line", url: `${pr(12)}#pullrequestreview-3` }),
      reviewComment({ id: 4, actor: "dana", at: at("17:01"), number: 12, subjectAuthor: "budi", body: "Use <b>const</b> here, @erin agrees", title: "Add export", path: "src/export.ts", url: `${pr(12)}#discussion_r4` }),
      comment({ id: 5, actor: "budi", at: at("17:30"), number: 12, subjectAuthor: "budi", onPullRequest: true, body: "On it", title: "Add export" }),
      comment({ id: 6, actor: "erin", at: at("18:00"), number: 40, subjectAuthor: "budi", onPullRequest: false, body: "an issue, not a PR", title: "Bug" }),
      comment({ id: 7, actor: "dana", at: at("19:00"), number: 30, body: "/decided Yes, until March", title: "API versions", url: "https://github.com/acme/api/issues/30#issuecomment-7" }),
      pullRequest({ id: 8, actor: "dana", at: at("20:00"), number: 14, subjectAuthor: "budi", action: "merged", title: "Fix typo", url: pr(14) }),
      review({ id: 9, actor: "zoe", at: at("21:00"), number: 20, subjectAuthor: "zoe", state: "commented", title: "Shared work", url: `${pr(20)}#pullrequestreview-9` }),
      review({ id: 10, actor: "yan", at: at("21:30"), number: 21, subjectAuthor: "zoe", state: "approved", title: "Not budi's", url: `${pr(21)}#pullrequestreview-10` }),
    ];
    const brief = buildBrief(input(events, [prompt(12, "Add export"), prompt(16, "CSV writer"), prompt(20, "Shared work")]));
    expect(renderBrief(brief!)).toBe(
      [
        "<!-- handoff:brief login=budi day=2026-10-30 -->",
        "@budi, here is what came in since your hours ended Thu 29 Oct 17:30 GMT+7.",
        "",
        "### Feedback on your pull requests",
        "",
        "**[acme/api#12](https://github.com/acme/api/pull/12) Add export**",
        "- dana [**requested changes**](https://github.com/acme/api/pull/12#pullrequestreview-3) · Fri 30 Oct 00:00 GMT+7:",
        "  > Please add a test for the empty export.",
        "  > Also rename the flag.",
        "  > Third line",
        "  > …",
        "- dana [commented on `src/export.ts`](https://github.com/acme/api/pull/12#discussion_r4) · Fri 30 Oct 00:01 GMT+7:",
        "  > Use &lt;b&gt;const&lt;/b&gt; here, @\u200Berin agrees",
        "",
        "**[acme/api#14](https://github.com/acme/api/pull/14) Fix typo**",
        "- Merged by dana · Fri 30 Oct 03:00 GMT+7",
        "",
        "**[acme/api#20](https://github.com/acme/api/pull/20) Shared work**",
        "- zoe [**reviewed (comments)**](https://github.com/acme/api/pull/20#pullrequestreview-9) · Fri 30 Oct 04:00 GMT+7",
        "",
        "### Decisions answered",
        "- [Keep the v1 endpoint?](https://github.com/acme/api/issues/30#issuecomment-2) → [dana decided: Yes, until March](https://github.com/acme/api/issues/30#issuecomment-7) · Fri 30 Oct 02:00 GMT+7",
        "",
        "### Still waiting for an answer",
        "Nobody has answered these review prompts yet: no need to wait on them.",
        "- [acme/api#16](https://github.com/acme/api/pull/16) CSV writer · budi · [prompted](https://github.com/acme/api/pull/16#issuecomment-1600) Thu 29 Oct 22:30 GMT+7 · waiting 8 h of team working hours",
        "",
      ].join("\n"),
    );
  });

  it("makes no brief when nothing came in: own comments, feedback before the window, and unanswered prompts alone", () => {
    const events = [
      comment({ id: 1, actor: "budi", at: at("12:00"), number: 12, subjectAuthor: "budi", onPullRequest: true, body: "self" }),
      review({ id: 2, actor: "dana", at: at("10:00"), number: 12, subjectAuthor: "budi", state: "approved", title: "Add export" }),
      comment({ id: 3, actor: "ci[bot]", at: at("12:00"), number: 12, subjectAuthor: "budi", onPullRequest: true, body: "green" }),
      review({ id: 4, actor: "dana", at: "2026-10-30T02:30:00Z", number: 12, subjectAuthor: "budi", state: "approved", title: "Add export" }),
    ];
    expect(buildBrief(input(events, [prompt(16, "CSV writer")]))).toBeNull();
  });
});
