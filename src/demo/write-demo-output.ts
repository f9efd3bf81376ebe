import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { GitHubStandIn } from "../github-stand-in/index.js";
import type { AppPost } from "./demo-posts.js";
import type { PlayedStep } from "./play-step.js";
import { renderIssueFile } from "./render-issue-file.js";
import type { IssueFile } from "./render-demo-index.js";

export interface IssueFilesInput {
  gh: GitHubStandIn;
  posts: readonly AppPost[];
  steps: readonly PlayedStep[];
  teamZone: string;
  zoneOf(login: string): string | undefined;
}

/** The contractor the app's posts on an issue are for. */
const contractorOf = (input: IssueFilesInput, repo: string, number: number): string | undefined =>
  input.posts.find((post) => post.repo === repo && post.number === number && post.login)?.login;

const fileName = (repo: string, number: number) => `${repo.split("/")[1]!.replace(/^\./, "")}-${number}.md`;

/** Renders each issue or pull request the app posted on, with all its comments. */
export function issueFiles(input: IssueFilesInput): (IssueFile & { text: string })[] {
  const seen = new Set<string>();
  return input.posts.flatMap(({ repo, number }) => {
    const key = `${repo}#${number}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const issue = [...input.gh.issues(repo), ...input.gh.pullRequests(repo)].find((candidate) => candidate.number === number)!;
    // Comments are on GitHub; reviews, merges and "ready for review" are shown from the script.
    const steps = input.steps.filter((step) => step.on?.repo === repo && step.on.number === number && ["review", "merge", "ready"].includes(step.action));
    const text = renderIssueFile({ repo, issue, comments: input.gh.comments(repo, number), steps, teamZone: input.teamZone, zoneOf: input.zoneOf, forWhom: contractorOf(input, repo, number) });
    return [{ repo, number, title: issue.title, file: fileName(repo, number), text }];
  });
}

/** Replaces the Markdown files of `dir` (an earlier run's) with `files`. */
export function writeDemoOutput(dir: string, files: readonly { file: string; text: string }[]): void {
  mkdirSync(dir, { recursive: true });
  for (const old of readdirSync(dir).filter((name) => name.endsWith(".md"))) rmSync(join(dir, old));
  for (const { file, text } of files) writeFileSync(join(dir, file), text);
}
