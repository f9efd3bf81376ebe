import { claimPost, finishPost, releasePost } from "../store/posts-store.js";
import { LEASE_MS, type TickContext } from "./tick-context.js";

export type PostOutcome<T> = { status: "posted"; target: T } | { status: "done"; detail: Record<string, unknown> } | { status: "busy" };

/**
 * Posts something to GitHub at most once per `key`, across retries, restarts and replicas:
 * claim it in the store, look for its marker when an earlier attempt may have reached GitHub,
 * create it otherwise, then record it. A failure gives the claim back for the next tick.
 */
export async function postOnce<T extends object>(
  ctx: TickContext,
  key: string,
  steps: { find: () => Promise<T | null>; create: () => Promise<T> },
): Promise<PostOutcome<T>> {
  const ref = { installationId: ctx.installationId, key };
  const claim = await claimPost(ctx.db, { ...ref, owner: ctx.owner, now: ctx.now, leaseMs: LEASE_MS });
  if (claim.status === "busy") return claim;
  if (claim.status === "done") return { status: "done", detail: claim.detail };
  try {
    const target = (claim.attempts > 1 ? await steps.find() : null) ?? (await steps.create());
    await finishPost(ctx.db, { ...ref, state: "posted", now: ctx.now, detail: { ...(target as Record<string, unknown>) } });
    return { status: "posted", target };
  } catch (error) {
    await releasePost(ctx.db, { ...ref, owner: ctx.owner, now: ctx.now });
    throw error;
  }
}
