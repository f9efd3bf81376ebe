import { describe, expect, it } from "@jest/globals";
import { effectsOfWebhook, MalformedPayloadError, type WebhookEffects } from "../../src/github/events-from-webhook.js";
import { branchPushPayload, examplePayload, webhookPayload } from "../fixtures/webhooks.js";

// Facts of the examples in @octokit/webhooks-examples that the assertions below rely on.
const REPO = "Codertocat/Hello-World";
const SHA = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";
const PUSHED_AT = "2019-05-15T15:20:57.000Z"; // repository.pushed_at 1557933657
const PR_URL = "https://github.com/Codertocat/Hello-World/pull/2";

const nothing: WebhookEffects = {
  insert: [],
  replace: [],
  remove: [],
  purgeInstallation: false,
  configChanged: false,
  truncatedPush: null,
  configCheck: null,
};

/** The example branch push, to "main", whose commits are copies of the example's commit with these changes. */
function pushOf(commits: { id: string; message?: string; username?: string; distinct?: boolean; modified?: string[] }[]) {
  const payload = branchPushPayload();
  const base = payload.commits[0]!;
  payload.ref = "refs/heads/main";
  payload.commits = commits.map((c) => ({
    ...structuredClone(base),
    id: c.id,
    url: `https://github.com/${REPO}/commit/${c.id}`,
    message: c.message ?? base.message,
    distinct: c.distinct ?? true,
    modified: c.modified ?? [],
    author: { ...base.author, username: c.username ?? base.author.username },
  }));
  return payload;
}

/** Sets `path` ("a.b.0.c") of a payload to `value`, or deletes it when `value` is undefined: payloads no example has. */
function broken(payload: object, path: string, value?: unknown): object {
  const parts = path.split(".");
  const last = parts.pop()!;
  const parent = parts.reduce<Record<string, unknown>>((node, part) => node[part] as Record<string, unknown>, payload as Record<string, unknown>);
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return payload;
}

describe("effectsOfWebhook: push", () => {
  it("records a push as one event per author, at the push time, with each commit's first line, the branch and the pusher", () => {
    const payload = pushOf([
      { id: "a".repeat(40), message: "Add login form\n\nLong explanation\nover lines" },
      { id: "b".repeat(40), message: "Fix typo\r\n\r\nCo-authored-by: x" },
    ]);

    const effects = effectsOfWebhook("push", payload);

    expect(effects).toStrictEqual({
      ...nothing,
      insert: [
        {
          key: `push:${REPO}:main:${SHA}:codertocat`,
          kind: "push",
          actor: "Codertocat",
          repo: REPO,
          number: null,
          subjectAuthor: null,
          occurredAt: PUSHED_AT,
          url: `https://github.com/${REPO}`,
          data: {
            branch: "main",
            pusher: "Codertocat",
            count: 2,
            commits: [
              { sha: "a".repeat(40), message: "Add login form" },
              { sha: "b".repeat(40), message: "Fix typo" },
            ],
          },
        },
      ],
    });
  });

  it("takes the real example's single commit as it is", () => {
    const effects = effectsOfWebhook("push", branchPushPayload());
    expect(effects.insert.map((e) => [e.key, e.actor, e.occurredAt])).toStrictEqual([[`push:${REPO}:master:${SHA}:codertocat`, "Codertocat", PUSHED_AT]]);
  });

  it.each([
    { pushedAt: 1557933657, expected: "2019-05-15T15:20:57.000Z" },
    { pushedAt: "2019-05-15T15:20:57Z", expected: "2019-05-15T15:20:57.000Z" },
    { pushedAt: "2026-11-02T08:15:00+07:00", expected: "2026-11-02T01:15:00.000Z" },
  ])("reads repository.pushed_at $pushedAt as $expected", ({ pushedAt, expected }) => {
    const payload = pushOf([{ id: SHA }]);
    payload.repository.pushed_at = pushedAt;
    const effects = effectsOfWebhook("push", payload);
    expect(effects.insert.map((e) => e.occurredAt)).toStrictEqual([expected]);
  });

  it("credits a commit to its author's login even when someone else pushed it, else to the pusher", () => {
    const payload = pushOf([
      { id: "c".repeat(40), username: "budi" },
      { id: "d".repeat(40), username: "" },
    ]);
    payload.sender.login = "lead-dev";
    delete payload.commits[1]!.author.username;

    const effects = effectsOfWebhook("push", payload);

    expect(effects.insert.map((e) => [e.actor, e.kind === "push" && e.data.pusher, e.kind === "push" && e.data.commits.map((c) => c.sha)])).toStrictEqual([
      ["budi", "lead-dev", ["c".repeat(40)]],
      ["lead-dev", "lead-dev", ["d".repeat(40)]],
    ]);
  });

  it("skips commits with distinct: false (already pushed to another branch)", () => {
    const payload = pushOf([
      { id: "e".repeat(40), distinct: false },
      { id: "f".repeat(40) },
    ]);
    expect(effectsOfWebhook("push", payload).insert.map((e) => e.kind === "push" && e.data.commits.map((c) => c.sha))).toStrictEqual([["f".repeat(40)]]);
  });

  it.each([
    { case: "a branch deletion", overrides: { ref: "refs/heads/feature", deleted: true } },
    { case: "a tag push", overrides: { ref: "refs/tags/v1.0.0" } },
    { case: "a tag deletion", overrides: { ref: "refs/tags/simple-tag", deleted: true } },
  ])("ignores $case", ({ overrides }) => {
    const payload = Object.assign(branchPushPayload(), overrides);
    expect(payload.commits).toHaveLength(1);
    expect(effectsOfWebhook("push", payload)).toStrictEqual(nothing);
  });

  it("ignores a bot's push of a contractor's commits", () => {
    const payload = pushOf([{ id: "a".repeat(40), username: "budi" }]);
    payload.sender.type = "Bot";
    expect(effectsOfWebhook("push", payload)).toStrictEqual(nothing);
  });

  it.each([
    { case: "modifies the config in .github", repo: ".github", change: { modified: [".github/handoff.yml"] }, changed: true },
    { case: "adds it", repo: ".github", change: { added: [".github/handoff.yml"] }, changed: true },
    { case: "removes it", repo: ".github", change: { removed: [".github/handoff.yml"] }, changed: true },
    { case: "touches another file in .github", repo: ".github", change: { modified: ["profile/README.md"] }, changed: false },
    { case: "touches handoff.yml of another repo", repo: "app", change: { modified: [".github/handoff.yml"] }, changed: false },
  ])("configChanged is $changed when a push $case", ({ repo, change, changed }) => {
    const payload = pushOf([{ id: "a".repeat(40) }, { id: "b".repeat(40) }]);
    Object.assign(payload.commits[1]!, change);
    payload.repository.name = repo;
    payload.repository.full_name = `Codertocat/${repo}`;
    expect(effectsOfWebhook("push", payload).configChanged).toBe(changed);
  });

  it("detects a config change from head_commit too, and from a bot's push (the config must still be read)", () => {
    const payload = webhookPayload("push", {
      ref: "refs/heads/main",
      repository: { name: ".github", full_name: "Codertocat/.github" },
      commits: [],
      head_commit: { modified: [".github/handoff.yml"] },
      sender: { type: "Bot" },
    });
    expect(effectsOfWebhook("push", payload)).toStrictEqual({ ...nothing, configChanged: true });
  });

  it("flags a push whose commits list hit the 2048 cap, and still records the commits it has", () => {
    const ids = Array.from({ length: 2048 }, (_, i) => i.toString(16).padStart(40, "0"));
    const payload = pushOf(ids.map((id) => ({ id })));
    payload.before = "1".repeat(40);
    payload.after = "2".repeat(40);

    const effects = effectsOfWebhook("push", payload);

    expect(effects.truncatedPush).toStrictEqual({
      repo: REPO,
      base: "1".repeat(40),
      after: "2".repeat(40),
      branch: "main",
      pusher: "Codertocat",
      at: PUSHED_AT,
      url: `https://github.com/${REPO}`,
      inPayload: ids,
    });
    expect(effects.insert.flatMap((e) => (e.kind === "push" ? e.data.commits : []))).toHaveLength(2048);
    expect(effectsOfWebhook("push", pushOf(ids.slice(1).map((id) => ({ id })))).truncatedPush).toBeNull();
  });

  // GitHub cannot compare from the zero sha a new branch's push carries as `before`.
  it.each([
    { case: "an existing branch: its previous head", branch: "feat/x", before: "1".repeat(40), base: "1".repeat(40) },
    { case: "a new branch: the default branch", branch: "feat/x", before: "0".repeat(40), base: "main" },
    { case: "a new default branch: nothing to compare with", branch: "main", before: "0".repeat(40), base: null },
  ])("compares a cut push from $case", ({ branch, before, base }) => {
    const payload = pushOf(Array.from({ length: 2048 }, (_, i) => ({ id: i.toString(16).padStart(40, "0") })));
    payload.ref = `refs/heads/${branch}`;
    payload.repository.default_branch = "main";
    payload.before = before;

    expect(effectsOfWebhook("push", payload).truncatedPush?.base).toBe(base);
  });
});

describe("effectsOfWebhook: pull_request", () => {
  it.each([
    { payload: webhookPayload("pull_request.opened"), action: "opened", time: "2019-05-15T15:20:33.000Z", draft: false },
    { payload: webhookPayload("pull_request.reopened"), action: "reopened", time: "2019-05-15T15:20:33.000Z", draft: false },
    { payload: webhookPayload("pull_request.ready_for_review"), action: "ready_for_review", time: "2019-05-15T15:21:18.000Z", draft: false },
    { payload: webhookPayload("pull_request.converted_to_draft"), action: "converted_to_draft", time: "2019-05-15T15:21:18.000Z", draft: true },
    { payload: webhookPayload("pull_request.review_requested"), action: "review_requested", time: "2019-05-15T15:20:33.000Z", draft: false },
    {
      payload: webhookPayload("pull_request.closed", { pull_request: { updated_at: "2019-05-15T15:30:00Z", closed_at: "2019-05-15T15:21:18Z" } }),
      action: "closed",
      time: "2019-05-15T15:21:18.000Z",
      draft: false,
    },
    {
      payload: webhookPayload("pull_request.closed", {
        pull_request: { merged: true, merged_at: "2019-05-15T15:21:17Z", closed_at: "2019-05-15T15:21:18Z", updated_at: "2019-05-15T15:30:00Z" },
      }),
      action: "merged",
      time: "2019-05-15T15:21:17.000Z",
      draft: false,
    },
  ])("records $action at $time", ({ payload, action, time, draft }) => {
    const effects = effectsOfWebhook("pull_request", payload);

    expect(effects).toStrictEqual({
      ...nothing,
      insert: [
        {
          key: `pr:${REPO}#2:${action}:${time}`,
          kind: "pull_request",
          actor: "Codertocat",
          repo: REPO,
          number: 2,
          subjectAuthor: "Codertocat",
          occurredAt: time,
          url: PR_URL,
          data: {
            action,
            title: "Update the README with new information.",
            draft,
            headBranch: "changes",
            requestedReviewers: action === "opened" ? [] : ["octocat"],
            requestedTeams: [],
          },
        },
      ],
    });
  });

  it("lists requested reviewers by login and teams as org/slug; actor is the sender, subjectAuthor the PR author", () => {
    const reviewer = examplePayload("pull_request", "review_requested").pull_request.requested_reviewers[0]!;
    const team = examplePayload("team", "created").team;
    const payload = webhookPayload("pull_request.review_requested", {
      sender: { login: "lead-dev" },
      repository: { owner: { login: "acme" } },
      pull_request: {
        user: { login: "budi" },
        requested_reviewers: [
          { ...reviewer, login: "alice" },
          { ...reviewer, login: "bob" },
        ],
        requested_teams: [team, { ...team, slug: "web-reviewers" }],
      },
    });

    const [event] = effectsOfWebhook("pull_request", payload).insert;

    expect(event).toMatchObject({
      actor: "lead-dev",
      subjectAuthor: "budi",
      data: { requestedReviewers: ["alice", "bob"], requestedTeams: ["acme/github", "acme/web-reviewers"] },
    });
  });

  it.each(["synchronize", "labeled", "assigned", "edited", "review_request_removed"])("ignores action %s", (action) => {
    expect(effectsOfWebhook("pull_request", webhookPayload("pull_request.opened", { action: action as "opened" }))).toStrictEqual(nothing);
  });

  it("ignores a bot's pull request", () => {
    const payload = webhookPayload("pull_request.opened", { sender: { login: "dependabot[bot]", type: "Bot" } });
    expect(effectsOfWebhook("pull_request", payload)).toStrictEqual(nothing);
  });
});

describe("effectsOfWebhook: reviews and comments", () => {
  it("records a submitted review with its lower-cased state, on the PR author", () => {
    const payload = webhookPayload("pull_request_review.submitted", {
      review: { user: { login: "alice" }, state: "CHANGES_REQUESTED" as "commented" },
      pull_request: { user: { login: "budi" } },
    });

    expect(effectsOfWebhook("pull_request_review", payload)).toStrictEqual({
      ...nothing,
      insert: [
        {
          key: "review:237895671",
          kind: "review",
          actor: "alice",
          repo: REPO,
          number: 2,
          subjectAuthor: "budi",
          occurredAt: "2019-05-15T15:20:38.000Z",
          url: `${PR_URL}#pullrequestreview-237895671`,
          data: { state: "changes_requested", body: "", title: "Update the README with new information." },
        },
      ],
    });
  });

  it("keeps a review's body and ignores a dismissed review", () => {
    const submitted = webhookPayload("pull_request_review.submitted", { review: { body: "Looks good" } });
    expect(effectsOfWebhook("pull_request_review", submitted).insert[0]?.data).toMatchObject({ body: "Looks good", state: "commented" });
    expect(effectsOfWebhook("pull_request_review", webhookPayload("pull_request_review.dismissed"))).toStrictEqual(nothing);
  });

  it("records an inline review comment at its creation time; ignores its edit", () => {
    const payload = webhookPayload("pull_request_review_comment.created", { comment: { user: { login: "alice" } } });

    expect(effectsOfWebhook("pull_request_review_comment", payload)).toStrictEqual({
      ...nothing,
      insert: [
        {
          key: "review_comment:284312630",
          kind: "review_comment",
          actor: "alice",
          repo: REPO,
          number: 2,
          subjectAuthor: "Codertocat",
          occurredAt: "2019-05-15T15:20:37.000Z",
          url: `${PR_URL}#discussion_r284312630`,
          data: { body: "Maybe you should use more emoji on this line.", title: "Update the README with new information.", path: "README.md" },
        },
      ],
    });
    expect(effectsOfWebhook("pull_request_review_comment", webhookPayload("pull_request_review_comment.edited"))).toStrictEqual(nothing);
  });

  const comment = {
    key: "comment:492700400",
    kind: "comment",
    actor: "budi",
    repo: REPO,
    number: 1,
    subjectAuthor: "Codertocat",
    occurredAt: "2019-05-15T15:20:21.000Z",
    url: "https://github.com/Codertocat/Hello-World/issues/1#issuecomment-492700400",
  };

  it("inserts a created issue comment", () => {
    const payload = webhookPayload("issue_comment.created", { comment: { user: { login: "budi" }, body: "/eod\n**Done** login form" } });

    expect(effectsOfWebhook("issue_comment", payload)).toStrictEqual({
      ...nothing,
      insert: [{ ...comment, data: { body: "/eod\n**Done** login form", title: "Spelling error in the README file", onPullRequest: false } }],
    });
  });

  it("replaces an edited comment, keeping its creation time, as of its edit time", () => {
    const payload = webhookPayload("issue_comment.edited", { comment: { user: { login: "budi" }, updated_at: "2019-05-16T09:00:00Z" } });

    expect(effectsOfWebhook("issue_comment", payload)).toStrictEqual({
      ...nothing,
      replace: [
        {
          ...comment,
          data: { body: "You are totally right! I'll get this fixed today.", title: "Spelling error in the README file", onPullRequest: false },
          editedAt: "2019-05-16T09:00:00.000Z",
        },
      ],
    });
    const undated = webhookPayload("issue_comment.edited", { comment: { updated_at: undefined } });
    expect(() => effectsOfWebhook("issue_comment", undated)).toThrow(new MalformedPayloadError("issue_comment.edited payload: comment.updated_at is missing"));
  });

  it("removes a deleted comment by key, also when a bot deleted it", () => {
    expect(effectsOfWebhook("issue_comment", webhookPayload("issue_comment.deleted"))).toStrictEqual({ ...nothing, remove: ["comment:492700400"] });
    const byBot = webhookPayload("issue_comment.deleted", { sender: { type: "Bot" } });
    expect(effectsOfWebhook("issue_comment", byBot).remove).toStrictEqual(["comment:492700400"]);
  });

  it("marks a comment on a pull request", () => {
    const payload = webhookPayload("issue_comment.created", {
      issue: { pull_request: { url: PR_URL, html_url: PR_URL, diff_url: `${PR_URL}.diff`, patch_url: `${PR_URL}.patch` } },
    });
    expect(effectsOfWebhook("issue_comment", payload).insert[0]?.data).toMatchObject({ onPullRequest: true });
  });

  it("ignores a bot's comment", () => {
    const payload = webhookPayload("issue_comment.created", { sender: { login: "github-actions[bot]", type: "Bot" } });
    expect(effectsOfWebhook("issue_comment", payload)).toStrictEqual(nothing);
  });
});

describe("effectsOfWebhook: issues and installation", () => {
  it.each([
    { action: "opened", updatedAt: "2019-05-15T15:20:18Z", expected: "2019-05-15T15:20:18.000Z" },
    { action: "closed", updatedAt: "2019-05-16T10:00:00Z", expected: "2019-05-16T10:00:00.000Z" },
    { action: "reopened", updatedAt: "2019-05-17T10:00:00Z", expected: "2019-05-17T10:00:00.000Z" },
  ] as const)("records an issue $action at its updated_at", ({ action, updatedAt, expected }) => {
    const payload = webhookPayload("issues.opened", { action: action as "opened", sender: { login: "budi" }, issue: { updated_at: updatedAt } });

    expect(effectsOfWebhook("issues", payload)).toStrictEqual({
      ...nothing,
      insert: [
        {
          key: `issue:${REPO}#1:${action}:${expected}`,
          kind: "issue",
          actor: "budi",
          repo: REPO,
          number: 1,
          subjectAuthor: "Codertocat",
          occurredAt: expected,
          url: "https://github.com/Codertocat/Hello-World/issues/1",
          data: { action, title: "Spelling error in the README file" },
        },
      ],
    });
  });

  it("ignores other issue actions", () => {
    expect(effectsOfWebhook("issues", webhookPayload("issues.labeled"))).toStrictEqual(nothing);
  });

  it.each([
    { event: "installation.deleted", sender: "User", purge: true },
    { event: "installation.deleted", sender: "Bot", purge: true },
    { event: "installation.created", sender: "User", purge: false },
    { event: "installation.suspend", sender: "User", purge: false },
  ] as const)("$event by a $sender purges: $purge", ({ event, sender, purge }) => {
    const payload = webhookPayload(event, { sender: { type: sender } });
    expect(effectsOfWebhook("installation", payload)).toStrictEqual({ ...nothing, purgeInstallation: purge });
  });

  it.each(["star", "fork", "check_run", "release"] as const)("ignores %s webhooks", (name) => {
    expect(effectsOfWebhook(name, examplePayload(name))).toStrictEqual(nothing);
  });
});

describe("effectsOfWebhook: malformed payloads", () => {
  it.each([
    { name: "push", payload: broken(branchPushPayload(), "commits.0.id"), message: "push payload: commits[0].id is missing" },
    { name: "push", payload: broken(branchPushPayload(), "repository"), message: "push payload: repository is missing" },
    {
      name: "push",
      payload: broken(branchPushPayload(), "repository.pushed_at", "yesterday"),
      message: 'push payload: repository.pushed_at is not a time (unix seconds or ISO-8601) (got "yesterday")',
    },
    { name: "push", payload: broken(webhookPayload("push"), "ref", 7), message: "push payload: ref is number 7, expected string" },
    {
      name: "pull_request",
      payload: broken(webhookPayload("pull_request.opened"), "pull_request.user"),
      message: "pull_request.opened payload: pull_request.user is missing",
    },
    {
      name: "pull_request",
      payload: broken(webhookPayload("pull_request.closed"), "pull_request.closed_at", null),
      message: "pull_request.closed payload: pull_request.closed_at is missing",
    },
    {
      name: "pull_request_review",
      payload: broken(webhookPayload("pull_request_review.submitted"), "review.submitted_at", 1557933638),
      message: "pull_request_review.submitted payload: review.submitted_at is number 1557933638, expected string",
    },
    {
      name: "issue_comment",
      payload: broken(webhookPayload("issue_comment.created"), "comment.created_at", "15 May 2019"),
      message: 'issue_comment.created payload: comment.created_at is not an ISO-8601 time (got "15 May 2019")',
    },
    { name: "issue_comment", payload: broken(webhookPayload("issue_comment.deleted"), "comment"), message: "issue_comment.deleted payload: comment is missing" },
    { name: "issues", payload: broken(webhookPayload("issues.opened"), "issue.number", "1"), message: 'issues.opened payload: issue.number is "1", expected number' },
    { name: "push", payload: "not json", message: 'push payload: expected a JSON object, got "not json"' },
  ])("$message", ({ name, payload, message }) => {
    expect(() => effectsOfWebhook(name, payload)).toThrow(MalformedPayloadError);
    expect(() => effectsOfWebhook(name, payload)).toThrow(new Error(message));
  });

  it("throws MalformedPayloadError and names up to three problems", () => {
    const payload = broken(broken(webhookPayload("pull_request.opened"), "pull_request.title"), "pull_request.head");
    let error: unknown;
    try {
      effectsOfWebhook("pull_request", payload);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MalformedPayloadError);
    expect((error as Error).message).toBe("pull_request.opened payload: pull_request.title is missing; pull_request.head is missing");
  });

  it("does not validate payloads it ignores", () => {
    expect(effectsOfWebhook("pull_request", broken(webhookPayload("pull_request.labeled"), "pull_request"))).toStrictEqual(nothing);
    expect(effectsOfWebhook("push", broken(webhookPayload("push", { ref: "refs/tags/v1" }), "repository"))).toStrictEqual(nothing);
  });
});
