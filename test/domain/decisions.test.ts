import { describe, expect, it } from "@jest/globals";
import { decisionsForDigest, decisionsOf } from "../../src/domain/decisions.js";
import { comment, issue, pullRequest } from "./event-factory.js";

const context = {
  contractors: [{ login: "budi", timezone: "Asia/Jakarta" }, { login: "ana", timezone: "America/Sao_Paulo" }],
  logIssues: [{ login: "budi", repo: "acme/handoff", number: 1 }],
  repositories: [],
};
const ask = (id: number, body: string, at = "2026-10-29T09:00:00Z", extra: { actor?: string; repo?: string; number?: number } = {}) =>
  comment({ id, actor: extra.actor ?? "budi", at, repo: extra.repo ?? "acme/api", number: extra.number ?? 12, subjectAuthor: "budi", body, title: "Add export" });

describe("decisionsOf", () => {
  it("flags `/decision <text>` on any line of a contractor's comment, outside code and quotes", () => {
    const decisions = decisionsOf(
      [
        ask(1, "Pushed the export.\n/decision Should archived rows be exported?\n\n```\n/decision not this one\n```\n\n> /decision nor a quote"),
        ask(2, "/decision Drop IE11?", "2026-10-29T09:00:00Z", { actor: "alice" }), // not a contractor
        ask(3, "/decisions are hard"), // another word
      ],
      context,
    );
    expect(decisions.map((d) => [d.id, d.asker, d.text, d.answer])).toEqual([["comment:1#0", "budi", "Should archived rows be exported?", null]]);
  });

  it("flags each item of a Decisions-needed section of an update, on the log issue or with /eod", () => {
    const onLog = ask(1, "## Done\n- export\n\n## Decisions needed\n- Cache exports?\n- None", "2026-10-29T10:00:00Z", { repo: "acme/handoff", number: 1 });
    const eod = ask(2, "/eod\n**Decisions needed:** Keep the v1 route?", "2026-10-29T11:00:00Z");
    const notAnUpdate = ask(3, "## Decisions needed\n- only a heading in a comment", "2026-10-29T12:00:00Z");
    expect(decisionsOf([onLog, eod, notAnUpdate], context).map((d) => [d.id, d.text])).toEqual([
      ["comment:1#0", "Cache exports?"],
      ["comment:2#0", "Keep the v1 route?"],
    ]);
  });

  it("is answered by `/decided` from someone else in the same thread, after the ask", () => {
    const decisions = decisionsOf(
      [
        ask(1, "/decision Cache exports?"),
        ask(2, "/decided yes, for an hour", "2026-10-29T08:00:00Z", { actor: "alice" }), // before the ask
        ask(3, "/decided I think so", "2026-10-29T09:30:00Z"), // by the asker
        ask(4, "/decided elsewhere", "2026-10-29T09:40:00Z", { actor: "alice", number: 13 }), // another thread
        ask(5, "Agreed.\n/decided Yes, cache for an hour", "2026-10-29T10:00:00Z", { actor: "alice" }),
      ],
      context,
    );
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.answer).toEqual({ how: "decided", by: "alice", text: "Yes, cache for an hour", url: "https://github.com/acme/api/issues/12#e5", at: "2026-10-29T10:00:00Z", recordedAt: "2026-10-29T10:00:00Z" });
  });

  it("is answered by closing or merging the thread, by anyone", () => {
    const decisions = decisionsOf(
      [
        ask(1, "/decision A?", "2026-10-29T09:00:00Z", { number: 12 }),
        ask(2, "/decision B?", "2026-10-29T09:00:00Z", { number: 20 }),
        pullRequest({ id: 3, actor: "budi", at: "2026-10-29T12:00:00Z", number: 12, action: "merged", title: "Add export" }),
        issue({ id: 4, actor: "alice", at: "2026-10-29T13:00:00Z", repo: "acme/api", number: 20, action: "closed", title: "Question" }),
      ],
      context,
    );
    expect(decisions.map((d) => [d.text, d.answer?.how, d.answer?.by])).toEqual([
      ["A?", "merged", "budi"],
      ["B?", "closed", "alice"],
    ]);
  });

  it("counts only watched repositories, and log issues", () => {
    const watchedOnly = { ...context, repositories: ["web"] };
    const decisions = decisionsOf([ask(1, "/decision in api?"), ask(2, "/decision on the log?", "2026-10-29T09:00:00Z", { repo: "acme/handoff", number: 1 })], watchedOnly);
    expect(decisions.map((d) => d.text)).toEqual(["on the log?"]);
  });
});

describe("decisionsForDigest", () => {
  const [open, answered] = decisionsOf(
    [
      ask(1, "/decision Still open?", "2026-10-28T09:00:00Z", { number: 1 }),
      ask(2, "/decision Answered?", "2026-10-28T09:00:00Z", { number: 2 }),
      { ...ask(3, "/decided yes", "2026-10-29T01:00:00Z", { actor: "alice", number: 2 }), recordedAt: "2026-10-29T02:00:00Z" },
    ],
    context,
  );

  it("shows open decisions with the asker's zone, and an answer once: in the digest after it arrived", () => {
    const first = decisionsForDigest([open!, answered!], { since: "2026-10-28T15:30:00Z", at: "2026-10-29T15:30:00Z" }, context.contractors);
    expect(first.open.map((d) => [d.text, d.askerTimezone])).toEqual([["Still open?", "Asia/Jakarta"]]);
    expect(first.answered.map((d) => d.text)).toEqual(["Answered?"]);
    const next = decisionsForDigest([open!, answered!], { since: "2026-10-29T15:30:00Z", at: "2026-10-30T15:30:00Z" }, context.contractors);
    expect([next.open.length, next.answered.length]).toEqual([1, 0]);
  });

  it("leaves out asks and answers that arrived after the posting instant", () => {
    const early = decisionsForDigest([open!, answered!], { since: "2026-10-28T00:00:00Z", at: "2026-10-29T01:30:00Z" }, context.contractors);
    expect(early.open.map((d) => d.text)).toEqual(["Still open?", "Answered?"]);
    expect(decisionsForDigest([open!], { since: "2026-10-27T00:00:00Z", at: "2026-10-28T08:00:00Z" }, context.contractors).open).toEqual([]);
  });
});
