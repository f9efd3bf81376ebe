import type { Comment, Issue } from "../github-stand-in/index.js";
import type { PlayedStep } from "./play-step.js";
import { stamps } from "./zone-stamps.js";

export interface IssueFileInput {
  repo: string;
  issue: Issue;
  comments: readonly Comment[];
  /** Steps played on this issue that left no comment (reviews, merges), shown in time order among the comments. */
  steps: readonly PlayedStep[];
  teamZone: string;
  /** The zone of a contractor, or undefined for the team's members and the app. */
  zoneOf(login: string): string | undefined;
  /** The contractor the app's posts here are for, whose clock they are shown on too. */
  forWhom?: string;
}

const byline = (input: IssueFileInput, author: { login: string; type?: string }, at: string): string => {
  const person = author.type === "Bot" ? input.forWhom : author.login;
  const zone = person === undefined ? undefined : input.zoneOf(person);
  return stamps(at, input.teamZone, person && zone ? { login: person, zone } : undefined);
};

/** One issue or pull request as Markdown: its body and its comments exactly as posted, each under who posted it and when. */
export function renderIssueFile(input: IssueFileInput): string {
  const { repo, issue } = input;
  const state = issue.pull_request?.merged_at ? "merged" : issue.state;
  const labels = issue.labels.length > 0 ? ` · labels: ${issue.labels.join(", ")}` : "";
  const entries = [
    ...input.comments.map((comment) => ({
      at: comment.created_at,
      text: `**${comment.user.login}** · ${byline(input, comment.user, comment.created_at)}\n\n${comment.body.trimEnd()}`,
    })),
    ...input.steps.map((step) => ({ at: step.at, text: `*${byline(input, { login: step.who }, step.at)} · ${step.summary}*` })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return [
    `# ${issue.title}`,
    "",
    `\`${repo}#${issue.number}\` · ${issue.pull_request ? "pull request" : "issue"} by **${issue.user.login}** · ${byline(input, issue.user, issue.created_at)} · ${state}${labels}`,
    "",
    (issue.body ?? "").trimEnd(),
    ...entries.flatMap((entry) => ["", "---", "", entry.text]),
    "",
  ].join("\n");
}
