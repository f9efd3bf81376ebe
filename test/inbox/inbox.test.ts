import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeFrames, encodeFrame, type InboxRecord } from "../../src/inbox/inbox-frames.js";
import { type Inbox, openInbox, SET_ASIDE, type StartProjector } from "../../src/inbox/inbox.js";
import { projectorHere, projectorThread, type ProjectorServices } from "../../src/inbox/start-projector.js";
import { databaseTarget } from "../../src/store/open-database.js";
import type { Db } from "../../src/store/schema.js";
import { branchPushPayload, webhookPayload } from "../fixtures/webhooks.js";
import { type TestDatabase, testDatabases } from "../support/test-databases.js";

const AT = "2026-10-29T09:00:00.000Z";
const installation = { id: 3, node_id: "x" };

const record = (id: string, payload: unknown, name = "issue_comment"): InboxRecord => ({ id, name, receivedAt: AT, body: Buffer.from(JSON.stringify(payload)) });
const comment = (id: string, commentId: number) => record(id, { ...webhookPayload("issue_comment.created", { comment: { id: commentId } }), installation });

/** A push cut at GitHub's 2048 commits, which needs the compare API to be completed. */
function truncatedPush(id: string): InboxRecord {
  const payload = branchPushPayload();
  const template = payload.commits[0]!;
  payload.before = "1".repeat(40);
  payload.commits = Array.from({ length: 2048 }, (_, i) => ({ ...template, id: i.toString(16).padStart(40, "0"), distinct: true }));
  return record(id, { ...payload, installation }, "push");
}

describe("inbox frames", () => {
  it("decodes the whole frames written one after another, and leaves a frame cut short for later", () => {
    const frames = [comment("f1", 1), record("f2", { text: "é ✓" }, "ping")].map(encodeFrame);
    const whole = Buffer.concat(frames);
    const decoded = decodeFrames(Buffer.concat([whole, frames[0]!.subarray(0, 11)]));
    expect(decoded.consumed).toBe(whole.length);
    expect(decoded.records.map((r) => [r.id, r.name, r.receivedAt, JSON.parse(r.body.toString("utf8")).text ?? "comment"])).toEqual([
      ["f1", "issue_comment", AT, "comment"],
      ["f2", "ping", AT, "é ✓"],
    ]);
    expect(decodeFrames(frames[1]!.subarray(0, 7))).toEqual({ records: [], consumed: 0 });
  });
});

describe.each(testDatabases())("the webhook inbox on %s", (_kind, make) => {
  let database: TestDatabase;
  let db: Db;
  let dir: string;
  let inbox: Inbox | null;
  const logged: string[] = [];
  const log = { warn: (_: object, message: string) => void logged.push(`warn: ${message}`), error: (_: object, message: string) => void logged.push(`error: ${message}`) };
  const services = (compare: ProjectorServices["compare"]): ProjectorServices => ({ log, compare, setAsidePath: join(dir, SET_ASIDE), retryDelayMs: () => 1 });
  const noCompare = () => () => Promise.reject(new Error("no compare expected"));
  const recorded = async () => (await db.selectFrom("deliveries").select("delivery_id").where("installation_id", "=", installation.id).execute()).map((r) => r.delivery_id).sort();
  const open = (start: StartProjector) => (inbox = openInbox(dir, start));

  beforeEach(async () => {
    database = make();
    db = await database.open();
    dir = mkdtempSync(join(tmpdir(), "handoff-inbox-test-"));
    logged.length = 0;
    inbox = null;
  });
  afterEach(async () => {
    await inbox?.close(1000);
    await database.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ["on this thread", () => projectorHere(db, services(noCompare))],
    ["on a thread of its own", () => projectorThread(databaseTarget(database.url()), services(noCompare))],
  ])("records what is appended %s once each, however often it is delivered, and deletes what it has recorded", async (_where, projector) => {
    const opened = open(projector());
    await Promise.all([comment("a", 1), comment("b", 2), comment("a", 1), record("c", { not: "a webhook" }, "ping")].map((delivery) => opened.append(delivery)));
    await opened.settled();
    expect(await recorded()).toEqual(["a", "b"]);
    await opened.close(1000);
    inbox = null;
    expect(readdirSync(dir)).toEqual([]);
  });

  it("replays the segments an earlier process left (a crash), skipping the frame it was cutting when it died, before new deliveries", async () => {
    const cut = encodeFrame(comment("cut", 9)).subarray(0, 40);
    writeFileSync(join(dir, "000000000007.log"), Buffer.concat([encodeFrame(comment("left-1", 1)), encodeFrame(comment("left-2", 2)), cut]));
    writeFileSync(join(dir, "lock"), "elsewhere-host 1");
    expect(() => open(projectorHere(db, services(noCompare)))).toThrow(/the webhook inbox .* is in use by process 1 on elsewhere-host: give each Handoff process its own HANDOFF_INBOX_DIR, or delete .*lock if that process is gone/);
    rmSync(join(dir, "lock"));

    const opened = open(projectorHere(db, services(noCompare)));
    await opened.append(comment("new", 3));
    await opened.settled();
    expect(await recorded()).toEqual(["left-1", "left-2", "new"]);
    expect(existsSync(join(dir, "000000000007.log"))).toBe(false);
    expect(logged).toEqual([expect.stringMatching(/^warn: ignored the last 40 bytes of .*000000000007\.log: a delivery cut short by a crash, which was never answered$/)]);
    expect(() => openInbox(dir, projectorHere(db, services(noCompare)))).toThrow(/is in use by process \d+/);
  });

  it("reports a segment recorded only up to what all before is recorded, while it reads the chunks after", async () => {
    // The push first, then over a chunk's 4 MB of comments: the next chunk is read and recorded while the push's
    // compare keeps failing, and no offset past the push may be reported before it is recorded.
    const push = truncatedPush("huge");
    const comments = Array.from({ length: 1_200 }, (_, i) => comment(`c-${i}`, i + 1));
    let compares = 0;
    const reported: { offset: number; compares: number }[] = [];
    const retried = projectorHere(db, services(() => () => (++compares < 3 ? Promise.reject(new Error("compare answered 502")) : Promise.resolve([]))));
    const opened = open((events) => retried({ ...events, settled: (path, offset) => (reported.push({ offset, compares }), events.settled(path, offset)) }));
    await Promise.all([push, ...comments].map((delivery) => opened.append(delivery)));
    await opened.settled();
    expect(await recorded()).toEqual(["huge", ...comments.map((c) => c.id)].sort());
    const pushEnd = encodeFrame(push).length;
    expect(reported.filter((r) => r.offset >= pushEnd).every((r) => r.compares >= 3)).toBe(true);
    expect(reported.map((r) => r.offset)).toEqual([...reported.map((r) => r.offset)].sort((a, b) => a - b));
    expect(reported.length).toBeGreaterThan(1);
  });

  it("records chunk after chunk read into the same few buffers, each delivery as it was sent", async () => {
    // Over 12 MB: more chunks than the projector keeps buffers for, so each buffer is read into again while
    // the chunks before are still being mapped and written.
    const texts = Array.from({ length: 3_000 }, (_, i) => `note ${i} ${"x".repeat(i % 97)}`);
    const deliveries = texts.map((body, i) => record(`n-${i}`, { ...webhookPayload("issue_comment.created", { comment: { id: i + 1, body } }), installation }));
    expect(deliveries.reduce((bytes, d) => bytes + d.body.length, 0)).toBeGreaterThan(12 * 1024 * 1024);
    const opened = open(projectorHere(db, services(noCompare)));
    await Promise.all(deliveries.map((delivery) => opened.append(delivery)));
    await opened.settled();
    const rows = await db.selectFrom("events").select(["key", "data"]).where("installation_id", "=", installation.id).execute();
    const stored = new Map(rows.map((row) => [row.key, (JSON.parse(row.data) as { body: string }).body]));
    expect(stored.size).toBe(texts.length);
    expect(texts.filter((body, i) => stored.get(`comment:${i + 1}`) !== body)).toEqual([]);
  });

  it("sets aside a delivery that keeps failing while the store answers, records the others, and records it at the next start", async () => {
    let compares = 0;
    const failing = open(projectorHere(db, services(() => () => Promise.reject(new Error(`compare answered 502 (${++compares})`)))));
    await failing.append(truncatedPush("huge"));
    await failing.append(comment("after", 1));
    await failing.settled();
    expect(await recorded()).toEqual(["after"]);
    expect(compares).toBe(3);
    expect(logged.at(-1)).toMatch(/^error: a push webhook failed 3 times and was set aside in .*set-aside\.log \(recorded when the app next starts\): compare answered 502 \(3\)$/);
    await failing.close(1000);

    const working = open(projectorHere(db, services(() => () => Promise.resolve([]))));
    await working.settled();
    expect(await recorded()).toEqual(["after", "huge"]);
    expect(readdirSync(dir).sort()).toEqual([expect.stringMatching(/^\d{12}\.log$/), "lock"]);
  });
});
