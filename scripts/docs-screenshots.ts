/**
 * `npm run docs:screenshots`: runs the demo, then renders one digest, one end-of-day reminder and one review
 * prompt it posted the way GitHub shows them, and screenshots each into docs/ with Debian's Chromium
 * (`apt-get install chromium`), driven by playwright-core. Never a downloaded browser.
 */
import { existsSync } from "node:fs";
import { DateTime } from "luxon";
import { chromium } from "playwright-core";
import { DEMO_OUTPUT_DIR } from "../src/cli/demo-command.js";
import type { AppPost } from "../src/demo/demo-posts.js";
import { runDemo } from "../src/demo/run-demo.js";
import { commentPage } from "./github-comment-page.js";

const CHROMIUM = "/usr/bin/chromium";
// Headless and offline: without the networking flags Chromium keeps calling home, which this machine refuses.
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} is missing: install Debian's Chromium with \`apt-get update && apt-get install -y chromium\`, then run this again.`);
  process.exit(1);
}

const summary = await runDemo({ outputDir: DEMO_OUTPUT_DIR, logLevel: "warn" });
const find = (what: string, test: (post: AppPost) => boolean): AppPost => {
  const post = summary.posts.find(test);
  if (!post) throw new Error(`the demo posted no ${what}; change the scripted week (src/demo/demo-week.ts) or pick another`);
  return post;
};
const shots = [
  // Wednesday's digest: a decision waiting, one answered, pull requests waiting for review, and budi's missing update.
  { file: "docs/digest.png", post: find("digest of Wed 28 Oct", (p) => p.kind === "digest" && p.date === "2026-10-28"), labels: ["handoff-digest"] },
  { file: "docs/reminder.png", post: find("end-of-day reminder", (p) => p.kind === "reminder"), labels: ["handoff-log"] },
  { file: "docs/review-prompt.png", post: find("review prompt on acme/api#1", (p) => p.kind === "review-prompt" && p.repo === "acme/api" && p.number === 1), labels: [] },
];

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 860, height: 800 }, deviceScaleFactor: 1.5 });
  for (const { file, post, labels } of shots) {
    const date = DateTime.fromISO(post.at, { zone: "America/Los_Angeles", locale: "en-US" }).toFormat("ccc d LLL yyyy");
    await page.setContent(commentPage({ repo: post.repo, number: post.number, title: post.title, isIssue: post.commentId === undefined, date, labels, body: post.body }));
    await page.locator(".frame").screenshot({ path: file });
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
}
