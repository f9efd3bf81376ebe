import { randomUUID } from "node:crypto";
import type { GitHubStandIn } from "../../src/github-stand-in/index.js";
import { sendWebhook } from "../../src/github-stand-in/index.js";
import { branchPushPayload } from "../fixtures/webhooks.js";

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A real push example by `author` to acme/api at `at`, with one commit. */
export function pushDelivery(author: string, at: string, sha: string) {
  const payload = branchPushPayload();
  payload.ref = `refs/heads/work-${author}`;
  payload.repository.full_name = "acme/api";
  payload.repository.pushed_at = Date.parse(at) / 1000;
  const template = payload.commits[0]!;
  payload.after = sha;
  payload.commits = [{ ...template, id: sha, message: `Work ${sha.slice(0, 7)}`, distinct: true, author: { ...template.author, username: author } }];
  return { name: "push", deliveryId: randomUUID(), payload: { ...payload, installation: { id: 1, node_id: "x" } } };
}

/** Sends a signed delivery; false when nobody answered 2xx (the app was down), as GitHub would record a failed delivery. */
export async function deliver(url: string, secret: string, delivery: ReturnType<typeof pushDelivery>): Promise<boolean> {
  try {
    const { status } = await sendWebhook({ url, secret, name: delivery.name, payload: delivery.payload, deliveryId: delivery.deliveryId });
    return status >= 200 && status < 300;
  } catch {
    return false;
  }
}

/** Every issue and comment body in `repo`, with the hidden marker each starts with. */
export function postedMarkers(gh: GitHubStandIn, repo: string): string[] {
  return gh.issues(repo).flatMap((issue) => [issue.body ?? "", ...gh.comments(repo, issue.number).map((c) => c.body ?? "")]).map((body) => body.match(/<!-- handoff:[^>]*-->/)?.[0] ?? "(no marker)");
}

/** All digest text (issue bodies and their continuation comments) in `repo`. */
export function digestText(gh: GitHubStandIn, repo: string): string[] {
  return gh
    .issues(repo)
    .filter((issue) => issue.body?.startsWith("<!-- handoff:digest "))
    .map((issue) => [issue.body ?? "", ...gh.comments(repo, issue.number).filter((c) => c.body?.startsWith("<!-- handoff:digest-part")).map((c) => c.body ?? "")].join("\n"));
}

/** Instants from `from` (inclusive) to `to` (exclusive), every `minutes`. */
export function* instants(from: string, to: string, minutes: number): Generator<string> {
  for (let t = Date.parse(from); t < Date.parse(to); t += minutes * 60_000) yield new Date(t).toISOString();
}
