import { createHmac, randomUUID } from "node:crypto";
import { branchPushPayload, examplePayload } from "../../test/fixtures/webhooks.js";
import { seededRandom } from "../seeded-random.js";

export const BENCH_SECRET = "bench-secret";
const OWNER = "acme";
const CONTRACTORS = Array.from({ length: 20 }, (_, i) => `contractor-${i + 1}`);
const REVIEWERS = ["alice", "bob", "chen", "dana", "erik"];
const REPOS = Array.from({ length: 30 }, (_, i) => `service-${i + 1}`);
const WEEK_START = Date.parse("2026-11-02T00:00:00Z");
const installation = { id: 1, node_id: "MDIzOkludGVncmF0aW9uMQ==" };

/** A signed webhook delivery, ready to send as is. */
export interface SignedDelivery {
  name: string;
  id: string;
  body: Buffer;
  signature: string;
}

const sign = (name: string, payload: unknown): SignedDelivery => {
  const body = Buffer.from(JSON.stringify(payload));
  return { name, id: randomUUID(), body, signature: `sha256=${createHmac("sha256", BENCH_SECRET).update(body).digest("hex")}` };
};

// Real payloads from @octokit/webhooks-examples; each delivery changes only the fields Handoff reads.
const templates = () => ({
  push: branchPushPayload(),
  pullRequest: examplePayload("pull_request", "opened"),
  review: examplePayload("pull_request_review", "submitted"),
  reviewComment: examplePayload("pull_request_review_comment", "created"),
  comment: examplePayload("issue_comment", "created"),
});

/**
 * `count` deliveries of an organisation at work, 10 seconds apart: pushes of 1 to 20 commits (40%), pull request
 * changes (15%), reviews (15%), inline review comments (10%) and comments (20%), by 20 contractors
 * and 5 reviewers across 30 repositories. Batches of different seeds follow one another in time and
 * share no review or comment ids.
 */
export function deliveryMix(count: number, seed: number): SignedDelivery[] {
  const random = seededRandom(seed);
  const firstId = seed * 1_000_000;
  const t = templates();
  const commitTemplate = t.push.commits[0]!;
  const deliveries: SignedDelivery[] = [];
  for (let i = 0; i < count; i++) {
    const contractor = random.pick(CONTRACTORS);
    const name = random.pick(REPOS);
    const repository = { name, full_name: `${OWNER}/${name}`, owner: { ...t.pullRequest.repository.owner, login: OWNER } };
    // Deliveries arrive about in the order things happened: every 10 seconds, give or take 30.
    const at = new Date(WEEK_START + (seed * count + i) * 10_000 + random.int(-30, 30) * 1000);
    const number = random.int(1, 400);
    const branch = `feat/${contractor}-${number}`;
    const roll = random.next();
    if (roll < 0.4) {
      const commits = Array.from({ length: random.int(1, 20) }, () => ({
        ...commitTemplate,
        id: random.hex(40),
        message: `Handle case ${random.int(1, 9999)} in ${name}\n\nDetails of the change.`,
        distinct: true,
        author: { ...commitTemplate.author, username: contractor },
      }));
      deliveries.push(
        sign("push", {
          ...t.push,
          ref: `refs/heads/${branch}`,
          repository: { ...t.push.repository, ...repository, pushed_at: Math.floor(at.getTime() / 1000) },
          sender: { ...t.push.sender, login: contractor },
          after: commits[commits.length - 1]!.id,
          commits,
          head_commit: commits[commits.length - 1],
          installation,
        }),
      );
      continue;
    }
    const pullRequest = { ...t.pullRequest.pull_request, number, title: `Change ${number} in ${name}`, user: { ...t.pullRequest.pull_request.user, login: contractor }, head: { ...t.pullRequest.pull_request.head, ref: branch } };
    if (roll < 0.55) {
      const action = random.pick(["opened", "ready_for_review", "review_requested", "closed"] as const);
      const closed = action === "closed" ? at.toISOString() : null;
      deliveries.push(
        sign("pull_request", {
          ...t.pullRequest,
          action,
          number,
          pull_request: { ...pullRequest, updated_at: at.toISOString(), closed_at: closed, merged_at: closed, merged: closed !== null },
          repository: { ...t.pullRequest.repository, ...repository },
          sender: { ...t.pullRequest.sender, login: contractor },
          installation,
        }),
      );
    } else if (roll < 0.7) {
      const reviewer = random.pick(REVIEWERS);
      deliveries.push(
        sign("pull_request_review", {
          ...t.review,
          review: { ...t.review.review, id: 1e10 + firstId + i, user: { ...t.review.review.user, login: reviewer }, body: "Looks good; one question inline.", submitted_at: at.toISOString() },
          pull_request: { ...t.review.pull_request, number, title: pullRequest.title, user: pullRequest.user },
          repository: { ...t.review.repository, ...repository },
          sender: { ...t.review.sender, login: reviewer },
          installation,
        }),
      );
    } else if (roll < 0.8) {
      const reviewer = random.pick(REVIEWERS);
      deliveries.push(
        sign("pull_request_review_comment", {
          ...t.reviewComment,
          comment: { ...t.reviewComment.comment, id: 2e10 + firstId + i, user: { ...t.reviewComment.comment.user, login: reviewer }, body: "Could this be a constant?", created_at: at.toISOString() },
          pull_request: { ...t.reviewComment.pull_request, number, title: pullRequest.title, user: pullRequest.user },
          repository: { ...t.reviewComment.repository, ...repository },
          sender: { ...t.reviewComment.sender, login: reviewer },
          installation,
        }),
      );
    } else {
      const author = random.next() < 0.5 ? contractor : random.pick(REVIEWERS);
      deliveries.push(
        sign("issue_comment", {
          ...t.comment,
          comment: { ...t.comment.comment, id: 3e10 + firstId + i, user: { ...t.comment.comment.user, login: author }, body: "Thanks, picking this up tomorrow.", created_at: at.toISOString() },
          issue: { ...t.comment.issue, number, title: pullRequest.title, user: pullRequest.user, pull_request: { url: pullRequest.url, html_url: pullRequest.html_url } },
          repository: { ...t.comment.repository, ...repository },
          sender: { ...t.comment.sender, login: author },
          installation,
        }),
      );
    }
  }
  return deliveries;
}
