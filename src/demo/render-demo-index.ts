import type { HandoffConfig } from "../config/schema.js";
import type { AppPost, PostCounts } from "./demo-posts.js";
import type { PlayedStep } from "./play-step.js";
import { stamp, stamps, teamDay } from "./zone-stamps.js";

export interface IssueFile {
  repo: string;
  number: number;
  title: string;
  /** File name within the output directory. */
  file: string;
}

export interface DemoIndexInput {
  config: HandoffConfig;
  configYaml: string;
  from: string;
  to: string;
  ticks: number;
  webhooks: number;
  posts: readonly AppPost[];
  counts: PostCounts;
  steps: readonly PlayedStep[];
  files: readonly IssueFile[];
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** The one-line tally of what the app posted. */
export function postTally(counts: PostCounts): string {
  return [
    plural(counts.digest, "digest"),
    plural(counts.reminder, "end-of-day reminder"),
    plural(counts["review-prompt"], "review prompt"),
    plural(counts.brief, "start-of-day brief"),
    plural(counts["log-issue"], "log issue"),
    plural(counts["days-off-reply"], "reply to `/handoff off`", "replies to `/handoff off`"),
  ].join(" · ");
}

function link(input: DemoIndexInput, repo: string, number: number, text = `${repo}#${number}`): string {
  const file = input.files.find((candidate) => candidate.repo === repo && candidate.number === number);
  return file ? `[${text}](${file.file})` : text;
}

function describePost(input: DemoIndexInput, post: AppPost): string {
  const on = link(input, post.repo, post.number);
  switch (post.kind) {
    case "digest":
      return `**digest ${link(input, post.repo, post.number, `#${post.number}`)} posted** (${post.date})`;
    case "digest-part":
      return `digest ${on} continued in a comment`;
    case "log-issue":
      return `opened ${post.login}'s log issue ${on}`;
    case "reminder":
      return `**end-of-day reminder** for ${post.login} (day ${post.date}) on ${on}`;
    case "review-prompt":
      return `**review prompt** on ${on} (${post.login}'s pull request)`;
    case "brief":
      return `**start-of-day brief** for ${post.login} (day ${post.date}) on ${on}`;
    case "days-off-reply":
      return `answered ${post.login}'s \`/handoff off\` on ${on}`;
    case "config-error":
      return `reported a configuration error on ${on}`;
    case "other":
      return `posted on ${on}`;
  }
}

function timeline(input: DemoIndexInput): string[] {
  const team = input.config.team.timezone;
  const person = (login: string | undefined) => {
    const zone = input.config.contractors.find((contractor) => contractor.login === login)?.timezone;
    return login && zone ? { login, zone } : undefined;
  };
  const lines = [
    ...input.steps.map((step, order) => {
      const summary = step.on ? step.summary.replace(`${step.on.repo}#${step.on.number}`, link(input, step.on.repo, step.on.number)) : step.summary;
      return { at: step.at, order, text: `${stamps(step.at, team, person(step.who))} · ${summary}` };
    }),
    // At the same instant a step came first: the tick ran after it.
    ...input.posts.map((post, order) => ({ at: post.at, order: input.steps.length + order, text: `${stamps(post.at, team, person(post.login))} · ${describePost(input, post)}` })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order);

  const days: string[] = [];
  for (const line of lines) {
    const day = teamDay(line.at, team);
    if (days.at(-1) !== day) days.push(day);
  }
  return days.flatMap((day) => ["", `### ${day}`, "", ...lines.filter((line) => teamDay(line.at, team) === day).map((line) => `- ${line.text}`)]);
}

function fileList(input: DemoIndexInput, title: string, files: readonly IssueFile[]): string[] {
  if (files.length === 0) return [];
  return ["", `### ${title}`, "", ...files.map((file) => `- [${file.title}](${file.file}) · \`${file.repo}#${file.number}\``)];
}

/** `index.md`: what ran, what the app posted, and the week as a timeline in the team's zone and each contractor's. */
export function renderDemoIndex(input: DemoIndexInput): string {
  const team = input.config.team.timezone;
  const contractors = input.config.contractors.map((contractor) => `${contractor.login} (${contractor.timezone}, ${contractor.hours})`).join(", ");
  const digestRepo = input.files.filter((file) => file.repo.endsWith(`/${input.config.digest.repository}`));
  return [
    "# Handoff demo: one week",
    "",
    `The real app (Probot over HTTP, signed webhooks, SQLite) ran against the in-process GitHub stand-in from ${stamp(input.from, team)} to ${stamp(input.to, team)} 2026, ` +
      `on a simulated clock that ticked every 15 minutes (${input.ticks} ticks, ${input.webhooks} webhooks). ` +
      `The team works in ${team}, which leaves daylight saving time on Sun 1 Nov; the contractors are ${contractors}.`,
    "",
    `**The app posted:** ${postTally(input.counts)}.`,
    "",
    "## Configuration (`.github/handoff.yml`)",
    "",
    "```yaml",
    input.configYaml.trimEnd(),
    "```",
    "",
    "## What the app posted, one file per issue",
    ...fileList(input, "Digests", digestRepo.filter((file) => file.title.startsWith("Handoff digest"))),
    ...fileList(input, "Log issues: reminders, briefs and replies", digestRepo.filter((file) => file.title.startsWith("Handoff log"))),
    ...fileList(input, "Pull requests: review prompts", input.files.filter((file) => !digestRepo.includes(file))),
    "",
    "## Timeline",
    "",
    `Each line starts with the team's time (${team}); a line about a contractor adds their own.`,
    ...timeline(input),
    "",
  ].join("\n");
}
