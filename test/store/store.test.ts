import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Kysely } from "kysely";
import { commitUrl, type EditedEvent, type NewEvent, type PullRequestAction } from "../../src/domain/events.js";
import { recordDelivery } from "../../src/store/delivery-batches.js";
import { commentsOnOrMentioning, threadAnswers } from "../../src/store/end-of-day-store.js";
import { commentsBy, eventsInIdRange, latestEventId, pruneEvents, readPushCommits } from "../../src/store/events-store.js";
import { ensureInstallation, purgeInstallation } from "../../src/store/installations-store.js";
import { migrations } from "../../src/store/migrations.js";
import { claimPost, claimPosts, finishPost, finishPosts, latestPost, prunePosts, releasePost, releasePosts } from "../../src/store/posts-store.js";
import type { Db } from "../../src/store/schema.js";
import { type TestDatabase, testDatabases } from "../support/test-databases.js";

/** A push of one commit, named by it. */
const commit = (sha: string, actor: string, at: string): NewEvent => ({
  key: `push:${sha}`,
  kind: "push",
  actor,
  repo: "acme/api",
  number: null,
  subjectAuthor: null,
  occurredAt: at,
  url: null,
  data: { branch: "main", pusher: actor, count: 1, commits: [{ sha, message: `commit ${sha}` }] },
});
const comment = (id: number, actor: string, at: string, body: string): NewEvent => ({
  key: `comment:${id}`,
  kind: "comment",
  actor,
  repo: "acme/api",
  number: 7,
  subjectAuthor: "budi",
  occurredAt: at,
  url: `https://github.com/acme/api/issues/7#issuecomment-${id}`,
  data: { body, title: "Export", onPullRequest: true },
});
/** `event` as edited at `editedAt` (the payload's `comment.updated_at`). */
const edit = (event: NewEvent, editedAt: string): EditedEvent => ({ ...event, editedAt });
const delivery = (deliveryId: string, insert: NewEvent[], extra: Partial<{ replace: EditedEvent[]; remove: string[] }> = {}) => ({
  deliveryId,
  installationId: 1,
  receivedAt: "2026-10-29T10:00:00.000Z",
  insert,
  replace: extra.replace ?? [],
  remove: extra.remove ?? [],
});

describe.each(testDatabases())("store on %s", (_kind, make) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = make();
    db = await database.open();
  });
  afterAll(() => database.dispose());

  it("records a delivery once, and a commit seen on two branches once", async () => {
    expect(await recordDelivery(db, delivery("d1", [commit("a1", "budi", "2026-10-29T03:00:00.000Z")]))).toBe(true);
    expect(await recordDelivery(db, delivery("d1", [commit("a1", "budi", "2026-10-29T03:00:00.000Z")]))).toBe(false);
    expect(await recordDelivery(db, delivery("d2", [commit("a1", "budi", "2026-10-29T03:05:00.000Z"), commit("b2", "carla", "2026-10-29T04:00:00.000Z")]))).toBe(true);
    const events = await eventsInIdRange(db, { installationId: 1, after: 0, upTo: await latestEventId(db, 1), logins: ["budi", "carla"] });
    expect(events.map((e) => [e.actor, e.occurredAt])).toEqual([
      ["budi", "2026-10-29T03:00:00.000Z"],
      ["carla", "2026-10-29T04:00:00.000Z"],
    ]);
  });

  it("replaces an edited comment and removes a deleted one", async () => {
    await recordDelivery(db, delivery("d3", [comment(11, "budi", "2026-10-29T09:00:00.000Z", "/eod first")]));
    await recordDelivery(db, delivery("d4", [], { replace: [edit(comment(11, "budi", "2026-10-29T09:00:00.000Z", "/eod edited"), "2026-10-29T09:10:00.000Z")] }));
    await recordDelivery(db, delivery("d5", [comment(12, "budi", "2026-10-29T09:30:00.000Z", "gone soon")]));
    await recordDelivery(db, delivery("d6", [], { remove: ["comment:12"] }));
    const comments = await commentsBy(db, { installationId: 1, logins: ["budi"], from: "2026-10-29T00:00:00.000Z", to: "2026-10-30T00:00:00.000Z" });
    expect(comments.map((c) => c.kind === "comment" && c.data.body)).toEqual(["/eod edited"]);
  });

  describe("deliveries of one comment in any order (GitHub redelivers what failed, under a new delivery id)", () => {
    const at = "2026-10-29T09:00:00.000Z";
    const created = (id: string, body = "/eod first") => ({ id, insert: [comment(70, "budi", at, body)] });
    const edited = (id: string, body: string, editedAt: string) => ({ id, replace: [edit(comment(70, "budi", at, body), editedAt)] });
    const deleted = (id: string) => ({ id, remove: ["comment:70"] });
    const [v2, v3] = ["2026-10-29T09:20:00.000Z", "2026-10-29T09:30:00.000Z"];
    type Step = { id: string; insert?: NewEvent[]; replace?: EditedEvent[]; remove?: string[] };
    const orders: [string, Step[], boolean[], string[]][] = [
      ["created, deleted, created again", [created("c1"), deleted("x1"), created("c2")], [true, true, true], []],
      ["deleted, then created", [deleted("x1"), created("c1")], [true, true], []],
      ["deleted, then edited", [deleted("x1"), edited("e2", "/eod v2", v2)], [true, true], []],
      ["edited to v3, then to v2 (older)", [created("c1"), edited("e3", "/eod v3", v3), edited("e2", "/eod v2", v2)], [true, true, true], ["/eod v3"]],
      ["edited, then created", [edited("e2", "/eod v2", v2), created("c1")], [true, true], ["/eod v2"]],
      ["edited, then to v2 (older) twice under one delivery id", [created("c1"), edited("e3", "/eod v3", v3), edited("e2", "/eod v2", v2), edited("e2", "/eod v2", v2)], [true, true, true, false], ["/eod v3"]],
    ];
    let installationId = 100;

    it.each(orders.flatMap(([name, steps, fresh, bodies]) => [
      [`${name}, one batch each`, false, steps, fresh, bodies] as const,
      [`${name}, all in one batch`, true, steps, fresh, bodies] as const,
    ]))("%s", async (_name, together, steps, fresh, bodies) => {
      const id = installationId++;
      const deliveries = steps.map((step) => ({ ...delivery(`${id}-${step.id}`, step.insert ?? [], step), installationId: id }));
      const outcomes = together ? await Promise.all(deliveries.map((d) => recordDelivery(db, d))) : [];
      for (const d of together ? [] : deliveries) outcomes.push(await recordDelivery(db, d));
      expect(outcomes).toEqual(fresh);
      const stored = await eventsInIdRange(db, { installationId: id, after: 0, upTo: await latestEventId(db, id), logins: ["budi"] });
      expect(stored.map((e) => e.kind === "comment" && e.data.body)).toEqual(bodies);
    });

    it("keeps a comment deleted while another replica records its creation at the same moment", async () => {
      const replica = database.reopen();
      const rounds = Array.from({ length: 100 }, (_, i) => ({
        created: { ...delivery(`race-c${i}`, [comment(1000 + i, "budi", at, "raced")]), installationId: 97 },
        deleted: { ...delivery(`race-x${i}`, [], { remove: [`comment:${1000 + i}`] }), installationId: 97 },
      }));
      for (const [i, { created, deleted }] of rounds.entries()) {
        await Promise.all(i % 2 === 0 ? [recordDelivery(db, created), recordDelivery(replica, deleted)] : [recordDelivery(replica, deleted), recordDelivery(db, created)]);
      }
      const left = await eventsInIdRange(db, { installationId: 97, after: 0, upTo: await latestEventId(db, 97), logins: ["budi"] });
      expect(left).toEqual([]);
    });

    it("forgets a deletion with its installation, and after retention from the deletion", async () => {
      const remembered = (id: number) => db.selectFrom("events").select("key").where("installation_id", "=", id).where("kind", "=", "deleted").execute();
      await recordDelivery(db, { ...delivery("made", [comment(71, "budi", "2026-06-01T00:00:00.000Z", "old")]), installationId: 98 });
      await recordDelivery(db, { ...delivery("gone-1", [], { remove: ["comment:71"] }), installationId: 98, receivedAt: "2026-07-01T00:00:00.000Z" });
      await recordDelivery(db, { ...delivery("gone-2", [], { remove: ["comment:72"] }), installationId: 98 });
      expect(await pruneEvents(db, 98, "2026-08-01T00:00:00.000Z")).toBe(1);
      expect((await remembered(98)).map((row) => row.key)).toEqual(["comment:72"]);
      await recordDelivery(db, { ...delivery("gone-3", [], { remove: ["comment:73"] }), installationId: 99 });
      await purgeInstallation(db, 98);
      expect(await remembered(98)).toEqual([]);
      expect(await remembered(99)).toHaveLength(1);
    });
  });

  it("finds commands in comments in any case, and only in the comments that hold them", async () => {
    const at = "2026-10-29T09:00:00.000Z";
    await recordDelivery(db, { ...delivery("case", [comment(41, "budi", at, "/EOD shipped"), comment(42, "budi", at, "/Decided: ship it"), comment(43, "budi", at, "eod soon, no command")]), installationId: 4 });
    const updates = await commentsOnOrMentioning(db, { installationId: 4, logins: ["budi"], numbers: [], needles: ["/eod"] });
    expect(updates.map((c) => c.key)).toEqual(["comment:41"]);
    const answers = await threadAnswers(db, { installationId: 4, threads: [{ repo: "acme/api", number: 7 }] });
    expect(answers.map((c) => c.key)).toEqual(["comment:42"]);
  });

  it("reads the events of an id range, by or about the logins asked for, of one installation", async () => {
    const cutoff = await latestEventId(db, 1);
    await recordDelivery(db, delivery("d7", [commit("c7", "budi", "2026-10-29T02:00:00.000Z"), commit("c8", "dana", "2026-10-29T02:30:00.000Z")]));
    await recordDelivery(db, { ...delivery("d8", [commit("c9", "budi", "2026-10-29T02:10:00.000Z")]), installationId: 2 });
    expect(await eventsInIdRange(db, { installationId: 1, after: 0, upTo: cutoff, logins: ["budi"] })).toHaveLength(2);
    const later = await eventsInIdRange(db, { installationId: 1, after: cutoff, upTo: await latestEventId(db, 1), logins: ["budi"] });
    expect(later.map((e) => e.occurredAt)).toEqual(["2026-10-29T02:00:00.000Z"]);
  });

  it("reads a cut-off only once the inserts in flight have committed, so none falls below it unseen", async () => {
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let inserting!: () => void;
    const inserted = new Promise<void>((resolve) => (inserting = resolve));
    let insertedId = 0;
    const writer = db.transaction().execute(async (tx) => {
      const values = { installation_id: 1, key: "push:inflight", kind: "push", actor: "budi", repo: "acme/api", number: null, subject_author: null, occurred_at: "2026-10-29T05:00:00.000Z", recorded_at: "2026-10-29T05:00:00.000Z", url: null, data: "{}" };
      insertedId = (await tx.insertInto("events").values(values).returning("id").executeTakeFirstOrThrow()).id;
      inserting();
      await held;
    });
    await inserted;
    const cutoff = latestEventId(db, 1);
    setTimeout(commit, 100);
    await writer;
    expect(await cutoff).toBeGreaterThanOrEqual(insertedId);
  });

  it("lets exactly one of two concurrent claims win, and hands an expired lease over", async () => {
    const now = "2026-10-29T15:30:00.000Z";
    const claims = await Promise.all(
      ["replica-a", "replica-b"].map((owner) => claimPost(db, { installationId: 1, key: "digest:2026-10-29", owner, now, leaseMs: 60_000 })),
    );
    expect(claims.map((c) => c.status).sort()).toEqual(["busy", "claimed"]);
    const later = "2026-10-29T15:31:00.000Z";
    const takeover = await claimPost(db, { installationId: 1, key: "digest:2026-10-29", owner: "replica-b", now: later, leaseMs: 60_000 });
    expect(takeover).toEqual({ status: "claimed", attempts: 2, detail: {} });
    await releasePost(db, { installationId: 1, key: "digest:2026-10-29", owner: "replica-b", now: later });
    const retry = await claimPost(db, { installationId: 1, key: "digest:2026-10-29", owner: "replica-a", now: later, leaseMs: 60_000 });
    expect(retry).toMatchObject({ status: "claimed", attempts: 3 });
    await finishPost(db, { installationId: 1, key: "digest:2026-10-29", state: "posted", now: later, detail: { issue: { number: 4 } } });
    expect(await claimPost(db, { installationId: 1, key: "digest:2026-10-29", owner: "replica-b", now: "2026-10-30T00:00:00.000Z", leaseMs: 1 })).toEqual({
      status: "done",
      state: "posted",
      detail: { issue: { number: 4 } },
    });
    expect(await latestPost(db, 1, "digest:", "digest:2026-10-30")).toMatchObject({ key: "digest:2026-10-29", state: "posted" });
  });

  it("claims many posts as it claims one: new keys at once, a finished one done, another's unexpired claim busy, a released one again", async () => {
    const now = "2026-10-29T15:30:00.000Z";
    const ref = { installationId: 9, owner: "replica-a", now, leaseMs: 60_000 };
    await claimPost(db, { ...ref, key: "prompt:done" });
    await finishPost(db, { installationId: 9, key: "prompt:done", state: "posted", now, detail: { number: 1 } });
    await claimPost(db, { ...ref, key: "prompt:theirs", owner: "replica-b" });
    const keys = ["prompt:a", "prompt:b", "prompt:c", "prompt:done", "prompt:theirs"];
    expect(Object.fromEntries(await claimPosts(db, { ...ref, keys }))).toEqual({
      "prompt:a": { status: "claimed", attempts: 1, detail: {} },
      "prompt:b": { status: "claimed", attempts: 1, detail: {} },
      "prompt:c": { status: "claimed", attempts: 1, detail: {} },
      "prompt:done": { status: "done", state: "posted", detail: { number: 1 } },
      "prompt:theirs": { status: "busy" },
    });
    await finishPosts(db, { installationId: 9, state: "posted", now, posts: [{ key: "prompt:a", detail: { number: 2 } }, { key: "prompt:c", detail: { number: 3 } }] });
    await releasePosts(db, { installationId: 9, keys: ["prompt:b", "prompt:theirs"], owner: "replica-a", now });
    const again = await claimPosts(db, { ...ref, owner: "replica-c", keys: ["prompt:a", "prompt:b", "prompt:c", "prompt:theirs"] });
    expect(Object.fromEntries(again)).toEqual({
      "prompt:a": { status: "done", state: "posted", detail: { number: 2 } },
      "prompt:c": { status: "done", state: "posted", detail: { number: 3 } },
      "prompt:b": { status: "claimed", attempts: 2, detail: {} },
      "prompt:theirs": { status: "busy" },
    });
  });

  it("prunes events older than the retention window, per installation", async () => {
    await recordDelivery(db, { ...delivery("old", [commit("old1", "budi", "2026-07-01T00:00:00.000Z"), commit("new1", "budi", "2026-10-01T00:00:00.000Z")]), installationId: 3, receivedAt: "2026-07-01T00:00:00.000Z" });
    expect(await pruneEvents(db, 3, "2026-08-01T00:00:00.000Z")).toBe(1);
    const left = await eventsInIdRange(db, { installationId: 3, after: 0, upTo: await latestEventId(db, 3), logins: ["budi"] });
    expect(left.map((e) => e.occurredAt)).toEqual(["2026-10-01T00:00:00.000Z"]);
    // The delivery was received before the cut-off too, so a redelivery of it would be recorded again.
    expect(await recordDelivery(db, { ...delivery("old", []), installationId: 3 })).toBe(true);
  });

  it("prunes past retention all but the latest state of a pull request still open", async () => {
    const state = (number: number, action: PullRequestAction, at: string, title = "Work"): NewEvent => ({
      key: `pr:acme/api#${number}:${action}:${at}`,
      kind: "pull_request",
      actor: "budi",
      repo: "acme/api",
      number,
      subjectAuthor: "budi",
      occurredAt: at,
      url: `https://github.com/acme/api/pull/${number}`,
      data: { action, title, draft: false, headBranch: `feat/${number}`, requestedReviewers: [], requestedTeams: [] },
    });
    const [july, august, october] = ["2026-07-01T00:00:00.000Z", "2026-07-20T00:00:00.000Z", "2026-10-01T00:00:00.000Z"];
    const events = [
      state(1, "opened", july), // still open: kept
      state(2, "opened", july), // closed since: both go
      state(2, "closed", august),
      state(3, "opened", july), // reopened since: only the latest stays
      state(3, "closed", august, 'Says "action":"closed" in its title'),
      state(3, "reopened", "2026-07-21T00:00:00.000Z"),
      state(4, "opened", july), // a later state within retention replaces it
      state(4, "ready_for_review", october),
      commit("old1", "budi", july),
    ];
    await recordDelivery(db, { ...delivery("prs", events), installationId: 21 });
    expect(await pruneEvents(db, 21, "2026-08-01T00:00:00.000Z")).toBe(6);
    const left = await eventsInIdRange(db, { installationId: 21, after: 0, upTo: await latestEventId(db, 21), logins: ["budi"] });
    expect(left.map((e) => (e.kind === "pull_request" ? `#${e.number} ${e.data.action}` : e.kind))).toEqual(["#1 opened", "#3 reopened", "#4 ready_for_review"]);
  });

  it("prunes finished posts of the given kinds past retention, and keeps the others", async () => {
    const post = (key: string, updatedAt: string, state = "posted") => ({ installation_id: 7, key, state, attempts: 1, lease_until: updatedAt, claimed_by: "test", detail: "{}", updated_at: updatedAt });
    const old = "2026-07-01T00:00:00.000Z";
    await db
      .insertInto("posts")
      .values([post("prompt:acme/api#1:2026-07-01", old), post("reminder:budi:2026-07-01", old), post("prompt:acme/api#2:2026-07-02", old, "claimed"), post("digest:2026-07-01", old), post("log:budi", old), post("prompt:acme/api#3:2026-10-01", "2026-10-01T00:00:00.000Z")])
      .execute();
    expect(await prunePosts(db, 7, "2026-08-01T00:00:00.000Z", ["prompt:", "reminder:"])).toBe(2);
    const left = await db.selectFrom("posts").select("key").where("installation_id", "=", 7).orderBy("key").execute();
    expect(left.map((row) => row.key)).toEqual(["digest:2026-07-01", "log:budi", "prompt:acme/api#2:2026-07-02", "prompt:acme/api#3:2026-10-01"]);
  });

  it("purges everything of a deleted installation and nothing of another", async () => {
    await ensureInstallation(db, 1, "acme");
    await recordDelivery(db, { ...delivery("other", [commit("c3", "budi", "2026-10-29T05:00:00.000Z")]), installationId: 2 });
    await purgeInstallation(db, 1);
    expect(await latestEventId(db, 1)).toBe(0);
    expect(await latestPost(db, 1, "digest:", "digest:9999")).toBeNull();
    expect(await latestEventId(db, 2)).toBeGreaterThan(0);
  });

  it("writes deliveries that arrive together as one batch: a repeated id changes nothing, edits follow inserts, a bad delivery fails alone", async () => {
    const at = "2026-10-29T09:00:00.000Z";
    const batch = [
      delivery("b1", [comment(31, "budi", at, "first")]),
      delivery("b1", [comment(32, "budi", at, "same delivery id again")]),
      delivery("b2", [], { replace: [edit(comment(31, "budi", at, "first, edited"), "2026-10-29T09:10:00.000Z")] }),
      delivery("b3", [{ ...comment(33, "budi", at, "no repository"), repo: null as unknown as string }]),
      delivery("b4", [comment(34, "budi", at, "fine")]),
    ].map((d) => ({ ...d, installationId: 5 }));
    const outcomes = await Promise.allSettled(batch.map((d) => recordDelivery(db, d)));
    expect(outcomes.map((o) => (o.status === "fulfilled" ? o.value : "failed"))).toEqual([true, false, true, "failed", true]);
    const stored = await eventsInIdRange(db, { installationId: 5, after: 0, upTo: await latestEventId(db, 5), logins: ["budi"] });
    expect(stored.map((e) => e.kind === "comment" && e.data.body)).toEqual(["first, edited", "fine"]);
  });

  it("reads the commits of a thousand pushes in one go, each into its push, and leaves the others without", async () => {
    const shas = Array.from({ length: 1_200 }, (_, i) => `bulk${i}`);
    await recordDelivery(db, { ...delivery("bulk", shas.map((sha, i) => commit(sha, "budi", `2026-10-30T${String(Math.floor(i / 60) % 24).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}:00.000Z`))), installationId: 9 });
    const pushes = (await eventsInIdRange(db, { installationId: 9, after: 0, upTo: await latestEventId(db, 9), logins: ["budi"] })).flatMap((event) => (event.kind === "push" ? [event] : []));
    expect(pushes.every((push) => push.data.commits.length === 0)).toBe(true);
    await readPushCommits(db, pushes.slice(0, 1_100));
    expect(pushes.slice(0, 1_100).map((push) => push.data.commits.map((c) => c.sha))).toEqual(shas.slice(0, 1_100).map((sha) => [sha]));
    expect(pushes.slice(1_100).map((push) => push.data.commits)).toEqual(Array.from({ length: 100 }, () => []));
  });

  it("turns a commit recorded before pushes were one row into a push of that commit, its commits in their own column (migrations 008, 010)", async () => {
    const legacy = { sha: "ab12cd34", message: "Old commit", branch: "feat/x", pusher: "lead" };
    const { id } = await db
      .insertInto("events")
      .values({ installation_id: 4, key: "commit:ab12cd34", kind: "commit", actor: "budi", repo: "acme/api", number: null, subject_author: null, occurred_at: "2026-10-29T05:00:00.000Z", recorded_at: "2026-10-29T05:00:00.000Z", url: "https://github.com/acme/api/commit/ab12cd34", data: JSON.stringify(legacy) })
      .returning("id")
      .executeTakeFirstOrThrow();
    await migrations["008_pushes"]!.up(db as unknown as Kysely<unknown>);
    await migrations["010_push_commits"]!.up(db as unknown as Kysely<unknown>);
    const [summary] = await eventsInIdRange(db, { installationId: 4, after: id - 1, upTo: id, logins: ["budi"] });
    expect(summary).toMatchObject({ kind: "push", url: "https://github.com/acme/api", data: { branch: "feat/x", pusher: "lead", count: 1, commits: [] } });
    if (summary?.kind !== "push") throw new Error(`expected a push, read ${JSON.stringify(summary)}`);
    await readPushCommits(db, [summary]);
    expect(summary).toMatchObject({ data: { count: 1, commits: [{ sha: "ab12cd34", message: "Old commit" }] } });
    expect(commitUrl(summary, "ab12cd34")).toBe("https://github.com/acme/api/commit/ab12cd34");
  });
});
