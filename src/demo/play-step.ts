import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import type { HandoffConfig } from "../config/schema.js";
import type { Issue } from "../github-stand-in/index.js";
import { issueCommentWebhook, pullRequestWebhook, pushWebhook, reviewWebhook, type DemoWebhook } from "./demo-webhooks.js";
import type { DemoWorld } from "./demo-world.js";
import type { CommentTarget, DemoStep, PullRequestRef } from "./demo-week.js";

const DEMO_YEAR = 2026;

export const contractorZone = (config: HandoffConfig, login: string | undefined): string | undefined =>
  config.contractors.find((contractor) => contractor.login === login)?.timezone;

/** The zone of a person in the scene: a contractor's own, the team's for everyone else. */
export const zoneOf = (config: HandoffConfig, login: string): string => contractorZone(config, login) ?? config.team.timezone;

/** The instant (UTC ISO) of a step's `when`, "Mon 26 Oct 09:20" in the zone of its `who`; a weekday that does not match the date is an error. */
export function instantOf(step: Pick<DemoStep, "who" | "when">, config: HandoffConfig): string {
  const local = DateTime.fromFormat(`${step.when} ${DEMO_YEAR}`, "ccc d LLL HH:mm yyyy", { zone: zoneOf(config, step.who), locale: "en-US" });
  if (!local.isValid) throw new Error(`demo step of ${step.who} at "${step.when}": ${local.invalidExplanation ?? local.invalidReason}`);
  return local.toUTC().toISO()!;
}

const sha = (repo: string, branch: string, message: string) => createHash("sha1").update(`${repo}\n${branch}\n${message}`).digest("hex");

function pullRequestOf(owner: string, ref: PullRequestRef): { repo: string; number: number } {
  const [name, number] = ref.split("#") as [string, string];
  return { repo: `${owner}/${name}`, number: Number(number) };
}

/** A step played: what it was, and the issue or pull request it happened on, if any. */
export interface PlayedStep {
  at: string;
  who: string;
  action: DemoStep["do"];
  summary: string;
  on?: { repo: string; number: number };
}

export interface DemoStage {
  world: DemoWorld;
  config: HandoffConfig;
  owner: string;
  /** Delivers a webhook to the app. */
  deliver(webhook: DemoWebhook): Promise<void>;
  nextReviewId(): number;
}

function commentTarget(stage: DemoStage, target: CommentTarget): { repo: string; issue: Issue } {
  if (target.startsWith("log:")) {
    const login = target.slice("log:".length);
    const repo = `${stage.owner}/${stage.config.digest.repository}`;
    const issue = stage.world.gh.issues(repo).find((candidate) => candidate.title === `Handoff log: ${login}` && candidate.state === "open");
    if (!issue) throw new Error(`the demo comments on ${login}'s log issue before the app opened it; move the step later`);
    return { repo, issue };
  }
  const { repo, number } = pullRequestOf(stage.owner, target as PullRequestRef);
  const issue = stage.world.gh.pullRequests(repo).find((pr) => pr.number === number);
  if (!issue) throw new Error(`the demo comments on ${repo}#${number} before it was opened`);
  return { repo, issue };
}

function commentSummary(who: string, body: string, where: string, onOwnLog: boolean): string {
  const first = body.split("\n", 1)[0]!.trim();
  if (/^\/eod\b/i.test(first) || (onOwnLog && !first.startsWith("/"))) return `${who} posted an end-of-day update on ${where}`;
  if (/^\/handoff off\b/i.test(first)) return `${who} took a day off with \`${first}\` on ${where}`;
  if (/^\/decided\b/i.test(first)) return `${who} answered a decision on ${where}: “${first.replace(/^\/decided\s*/i, "")}”`;
  if (/\/decision\b/i.test(body)) return `${who} asked for a decision on ${where}`;
  return `${who} commented on ${where}: “${first}”`;
}

const REVIEW_VERBS = { approved: "approved", changes_requested: "requested changes on", commented: "reviewed" } as const;

/** Does on the stand-in what the step's person does on GitHub, and delivers the webhook GitHub would send. */
export async function playStep(stage: DemoStage, step: DemoStep): Promise<PlayedStep> {
  const { gh } = stage.world;
  const at = stage.world.now;
  const played = (summary: string, on?: PlayedStep["on"]): PlayedStep => ({ at, who: step.who, action: step.do, summary, ...(on && { on }) });
  switch (step.do) {
    case "push": {
      const repo = `${stage.owner}/${step.repo}`;
      const commits = step.commits.map((message) => ({ sha: sha(repo, step.branch, message), message }));
      gh.addCommits(repo, commits.map((commit) => ({ ...commit, author: step.who, date: at })));
      await stage.deliver(pushWebhook({ repo, branch: step.branch, pusher: step.who, at, commits }));
      return played(`${step.who} pushed ${commits.length === 1 ? "a commit" : `${commits.length} commits`} to ${repo} \`${step.branch}\``);
    }
    case "open": {
      const { repo, number } = pullRequestOf(stage.owner, step.pr);
      const pr = gh.addPullRequest(repo, { number, user: step.who, title: step.title, body: step.body, draft: step.draft ?? false, head: { ref: step.branch }, requested_reviewers: step.reviewers ?? [] });
      await stage.deliver(pullRequestWebhook("opened", repo, pr, step.who));
      return played(`${step.who} opened ${repo}#${number} “${step.title}”${step.draft ? " as a draft" : ""}`, { repo, number });
    }
    case "ready":
    case "merge": {
      const { repo, number } = pullRequestOf(stage.owner, step.pr);
      const pr = gh.changePullRequest(repo, number, step.do === "ready" ? { draft: false } : { close: "merged" });
      await stage.deliver(pullRequestWebhook(step.do === "ready" ? "ready_for_review" : "closed", repo, pr, step.who));
      return played(step.do === "ready" ? `${step.who} marked ${repo}#${number} ready for review` : `${step.who} merged ${repo}#${number}`, { repo, number });
    }
    case "review": {
      const { repo, number } = pullRequestOf(stage.owner, step.pr);
      const pr = gh.pullRequests(repo).find((candidate) => candidate.number === number)!;
      await stage.deliver(reviewWebhook(repo, pr, { id: stage.nextReviewId(), reviewer: step.who, state: step.state, body: step.body, at }));
      return played(`${step.who} ${REVIEW_VERBS[step.state]} ${repo}#${number}: “${step.body}”`, { repo, number });
    }
    case "comment": {
      const { repo, issue } = commentTarget(stage, step.on);
      const comment = gh.addComment(repo, issue.number, { body: step.body, user: step.who });
      await stage.deliver(issueCommentWebhook(repo, issue, comment));
      const where = step.on.startsWith("log:") ? `${step.on.slice(4) === step.who ? "their" : `${step.on.slice(4)}'s`} log issue ${repo}#${issue.number}` : `${repo}#${issue.number}`;
      return played(commentSummary(step.who, step.body, where, step.on === `log:${step.who}`), { repo, number: issue.number });
    }
  }
}
