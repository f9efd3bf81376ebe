import { claimPost, claimPosts, type Claim, finishPost, finishPosts, releasePost, releasePosts } from "../store/posts-store.js";
import { describeFailure } from "./describe-failure.js";
import { LEASE_MS, type TickContext } from "./tick-context.js";

export type PostOutcome<T> = { status: "posted"; target: T } | { status: "done"; detail: Record<string, unknown> } | { status: "busy" };

/** One of many posts: also given up, when GitHub refused it for good. */
export type EachPostOutcome<T> = PostOutcome<T> | { status: "given up"; error: unknown };

interface PostSteps<T> {
  find: () => Promise<T | null>;
  create: () => Promise<T>;
}

/** An earlier attempt may have reached GitHub: its marker is looked for before anything is created. */
const findOrCreate = async <T>(claim: Claim & { status: "claimed" }, steps: PostSteps<T>): Promise<T> =>
  (claim.attempts > 1 ? await steps.find() : null) ?? (await steps.create());

/**
 * Posts something to GitHub at most once per `key`, across retries, restarts and replicas:
 * claim it in the store, look for its marker when an earlier attempt may have reached GitHub,
 * create it otherwise, then record it. A failure gives the claim back for the next tick.
 */
export async function postOnce<T extends object>(
  ctx: TickContext,
  key: string,
  steps: PostSteps<T>,
): Promise<PostOutcome<T>> {
  const ref = { installationId: ctx.installationId, key };
  const claim = await claimPost(ctx.db, { ...ref, owner: ctx.owner, now: ctx.now, leaseMs: LEASE_MS });
  if (claim.status === "busy") return claim;
  if (claim.status === "done") return { status: "done", detail: claim.detail };
  try {
    const target = await findOrCreate(claim, steps);
    await finishPost(ctx.db, { ...ref, state: "posted", now: ctx.now, detail: { ...(target as Record<string, unknown>) } });
    return { status: "posted", target };
  } catch (error) {
    await releasePost(ctx.db, { ...ref, owner: ctx.owner, now: ctx.now });
    throw error;
  }
}

/**
 * postOnce for many posts (a digest's review prompts), with the same guarantees: claimed in one INSERT and
 * recorded in one UPDATE, so a hundred posts cost the store two writes rather than two hundred. They
 * are created in turn; on a failure, those created are recorded, the others given back, and it is thrown.
 * A failure `givesUp` says no retry can mend (the target is gone) is recorded as skipped instead, and the
 * others go on: one pull request GitHub refuses must not hold back the rest at every tick.
 */
export async function postEachOnce<T extends object>(
  ctx: TickContext,
  posts: readonly ({ key: string } & PostSteps<T>)[],
  givesUp: (error: unknown) => boolean = () => false,
): Promise<EachPostOutcome<T>[]> {
  const ref = { installationId: ctx.installationId, owner: ctx.owner, now: ctx.now };
  const claims = await claimPosts(ctx.db, { ...ref, keys: posts.map((post) => post.key), leaseMs: LEASE_MS });
  const outcomes: EachPostOutcome<T>[] = [];
  const created: { key: string; target: T }[] = [];
  const abandoned: { key: string; error: unknown }[] = [];
  try {
    for (const post of posts) {
      const claim = claims.get(post.key)!;
      if (claim.status !== "claimed") {
        outcomes.push(claim.status === "done" ? { status: "done", detail: claim.detail } : claim);
        continue;
      }
      try {
        const target = await findOrCreate(claim, post);
        created.push({ key: post.key, target });
        outcomes.push({ status: "posted", target });
      } catch (error) {
        if (!givesUp(error)) throw error;
        abandoned.push({ key: post.key, error });
        outcomes.push({ status: "given up", error });
      }
    }
  } catch (error) {
    const recorded = new Set([...created, ...abandoned].map((post) => post.key));
    await releasePosts(ctx.db, { ...ref, keys: posts.filter((post) => claims.get(post.key)?.status === "claimed" && !recorded.has(post.key)).map((post) => post.key) });
    throw error;
  } finally {
    const posts = created.map((post) => ({ key: post.key, detail: { ...(post.target as Record<string, unknown>) } }));
    await finishPosts(ctx.db, { installationId: ctx.installationId, state: "posted", now: ctx.now, posts });
    const skipped = abandoned.map((post) => ({ key: post.key, detail: { gaveUp: describeFailure(post.error).message } }));
    await finishPosts(ctx.db, { installationId: ctx.installationId, state: "skipped", now: ctx.now, posts: skipped });
  }
  return outcomes;
}
