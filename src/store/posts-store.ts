import { sql } from "kysely";
import { DateTime } from "luxon";
import type { Db } from "./schema.js";
import { chunked } from "./chunked.js";

export type PostState = "claimed" | "posted" | "skipped";

export type Claim =
  | { status: "done"; state: "posted" | "skipped"; detail: Record<string, unknown> }
  /** Another process holds an unexpired lease on it. */
  | { status: "busy" }
  /** Ours to post. attempts > 1: an earlier attempt may have reached GitHub, so look for its marker first. */
  | { status: "claimed"; attempts: number; detail: Record<string, unknown> };

export interface PostRef {
  installationId: number;
  key: string;
}

const pk = (q: PostRef) => (eb: import("kysely").ExpressionBuilder<import("./schema.js").Database, "posts">) =>
  eb.and([eb("installation_id", "=", q.installationId), eb("key", "=", q.key)]);

type ClaimRequest = { installationId: number; owner: string; now: string; leaseMs: number };

const leaseEnd = (q: ClaimRequest): string => DateTime.fromISO(q.now).plus({ milliseconds: q.leaseMs }).toUTC().toISO()!;

/** A post's row when it is first claimed, and what its claimer is told. */
const firstClaimRow = (q: ClaimRequest, key: string) => ({
  installation_id: q.installationId,
  key,
  state: "claimed",
  attempts: 1,
  lease_until: leaseEnd(q),
  claimed_by: q.owner,
  detail: "{}",
  updated_at: q.now,
});
const firstClaim = (): Claim => ({ status: "claimed", attempts: 1, detail: {} });

/**
 * Claims a post for `owner` until `now + leaseMs`. Exactly one caller wins: the insert is guarded by
 * the primary key, and a takeover only updates a row whose lease has expired.
 */
export async function claimPost(db: Db, q: PostRef & ClaimRequest): Promise<Claim> {
  const leaseUntil = leaseEnd(q);
  const inserted = await db
    .insertInto("posts")
    .values(firstClaimRow(q, q.key))
    .onConflict((oc) => oc.columns(["installation_id", "key"]).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return firstClaim();

  const taken = await db
    .updateTable("posts")
    .set((eb) => ({ attempts: eb("attempts", "+", 1), lease_until: leaseUntil, claimed_by: q.owner, updated_at: q.now }))
    .where(pk(q))
    .where("state", "=", "claimed")
    .where("lease_until", "<=", q.now)
    .executeTakeFirst();
  const row = await db.selectFrom("posts").selectAll().where(pk(q)).executeTakeFirstOrThrow();
  const detail = JSON.parse(row.detail) as Record<string, unknown>;
  if (Number(taken.numUpdatedRows) === 1) return { status: "claimed", attempts: row.attempts, detail };
  if (row.state === "posted" || row.state === "skipped") return { status: "done", state: row.state, detail };
  return { status: "busy" };
}

// Posts a statement: each takes at most 8 bound parameters (a claim's row), well under SQLite's limit.
const POSTS_PER_STATEMENT = 500;

/**
 * Claims many posts for `owner`, as claimPost claims each: the keys never claimed before are taken in one
 * INSERT, and only the others (an earlier attempt, another process's claim) go through claimPost.
 */
export async function claimPosts(db: Db, q: ClaimRequest & { keys: readonly string[] }): Promise<Map<string, Claim>> {
  const claims = new Map<string, Claim>();
  for (const part of chunked(q.keys, POSTS_PER_STATEMENT)) {
    const values = part.map((key) => firstClaimRow(q, key));
    const inserted = await db.insertInto("posts").values(values).onConflict((oc) => oc.columns(["installation_id", "key"]).doNothing()).returning("key").execute();
    for (const { key } of inserted) claims.set(key, firstClaim());
  }
  for (const key of q.keys) if (!claims.has(key)) claims.set(key, await claimPost(db, { ...q, key }));
  return claims;
}

/** Saves what a claimed post decided, so a retry posts the same thing. */
export async function savePostDetail(db: Db, q: PostRef & { owner: string; detail: Record<string, unknown> }): Promise<void> {
  await db
    .updateTable("posts")
    .set({ detail: JSON.stringify(q.detail) })
    .where(pk(q))
    .where("claimed_by", "=", q.owner)
    .where("state", "=", "claimed")
    .execute();
}

type Finished = { installationId: number; state: "posted" | "skipped"; now: string };

export async function finishPost(db: Db, q: PostRef & Finished & { detail: Record<string, unknown> }): Promise<void> {
  await finishPosts(db, { ...q, posts: [{ key: q.key, detail: q.detail }] });
}

/** Records posts of one installation as finished in one UPDATE (a round trip, not one a post), each with its own detail. */
export async function finishPosts(db: Db, q: Finished & { posts: readonly { key: string; detail: Record<string, unknown> }[] }): Promise<void> {
  for (const part of chunked(q.posts, POSTS_PER_STATEMENT)) {
    const detail = sql<string>`case ${sql.ref("key")} ${sql.join(part.map((post) => sql`when ${post.key} then ${JSON.stringify(post.detail)}`), sql` `)} end`;
    await db
      .updateTable("posts")
      .set({ state: q.state, detail, updated_at: q.now })
      .where("installation_id", "=", q.installationId)
      .where("key", "in", part.map((post) => post.key))
      .execute();
  }
}

/** Gives claims back after a failure, so the next tick retries them. */
export async function releasePosts(db: Db, q: { installationId: number; keys: readonly string[]; owner: string; now: string }): Promise<void> {
  for (const part of chunked(q.keys, POSTS_PER_STATEMENT)) {
    await db
      .updateTable("posts")
      .set({ lease_until: q.now })
      .where("installation_id", "=", q.installationId)
      .where("key", "in", part)
      .where("claimed_by", "=", q.owner)
      .where("state", "=", "claimed")
      .execute();
  }
}

/** Gives a claim back after a failure, so the next tick retries it. */
export async function releasePost(db: Db, q: PostRef & { owner: string; now: string }): Promise<void> {
  await releasePosts(db, { ...q, keys: [q.key] });
}

/** The most recent finished post whose key starts with `prefix` (keys embed ISO dates, so they sort by time). */
export async function latestPost(
  db: Db,
  installationId: number,
  prefix: string,
  before: string,
  states: readonly PostState[] = ["posted", "skipped"],
) {
  const row = await db
    .selectFrom("posts")
    .selectAll()
    .where("installation_id", "=", installationId)
    .where("key", "like", `${prefix}%`)
    .where("key", "<", before)
    .where("state", "in", [...states])
    .orderBy("key", "desc")
    .executeTakeFirst();
  return row ? { key: row.key, state: row.state as PostState, detail: JSON.parse(row.detail) as Record<string, unknown> } : null;
}

/** Forgets a post, so that the same key can be posted afresh (a config-error issue that was closed). */
export async function deletePost(db: Db, q: PostRef): Promise<void> {
  await db.deleteFrom("posts").where(pk(q)).execute();
}

/**
 * Deletes an installation's finished posts of the given kinds (key prefixes) last updated before `before`.
 * Only posts that are due within a few days of their date belong here: once past retention they can never
 * be due again, and their events are gone too.
 */
export async function prunePosts(db: Db, installationId: number, before: string, prefixes: readonly string[]): Promise<number> {
  if (prefixes.length === 0) return 0;
  const r = await db
    .deleteFrom("posts")
    .where("installation_id", "=", installationId)
    .where("updated_at", "<", before)
    .where("state", "in", ["posted", "skipped"])
    .where((eb) => eb.or(prefixes.map((prefix) => eb("key", "like", `${prefix}%`))))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
