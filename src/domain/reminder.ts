import { DateTime } from "luxon";
import type { Contractor } from "../config/schema.js";
import { byTime, sameLogin } from "./end-of-day.js";
import { addPush, type CommitGroup, type GroupedPush, shownCommits } from "./commit-groups.js";
import type { PullRequestEvent, PushEvent, RecordedEvent, ReviewEvent } from "./events.js";
import { codeBlock } from "./markdown-safety.js";
import { hoursWindow } from "./working-day.js";

const COMMITS_PER_BRANCH = 20;

export const reminderMarker = (login: string, day: string): string => `<!-- handoff:eod-reminder login=${login.toLowerCase()} day=${day} -->`;

export interface ReminderInput {
  contractor: Pick<Contractor, "login" | "timezone" | "hours">;
  /** The working day the update is missing for, YYYY-MM-DD. */
  day: string;
  /** The contractor's recorded events of that working day, any order. */
  activity: readonly RecordedEvent[];
}

const firstLine = (text: string): string => text.split(/\r?\n/, 1)[0]?.trim() ?? "";
const reference = (event: Pick<RecordedEvent, "repo" | "number">): string => `${event.repo}#${event.number ?? ""}`;

function commitLines(pushes: readonly GroupedPush[]): string[] {
  const groups: CommitGroup[] = [];
  for (const push of pushes) addPush(groups, push, COMMITS_PER_BRANCH);
  return groups.flatMap((group) => {
    const shown = shownCommits(group, COMMITS_PER_BRANCH).map((commit) => `  - ${commit.sha} ${firstLine(commit.message)}`);
    const rest = group.count - shown.length;
    return [`- ${group.repo} \`${group.branch}\`:`, ...shown, ...(rest > 0 ? [`  - … and ${rest} more`] : [])];
  });
}

const PR_VERBS: Partial<Record<PullRequestEvent["data"]["action"], string>> = { opened: "Opened", ready_for_review: "Marked ready for review", merged: "Merged" };
const REVIEW_STATES: Record<string, string> = { approved: "approved", changes_requested: "changes requested", commented: "commented" };

function pullRequestLines(events: readonly PullRequestEvent[]): string[] {
  const lines = events.flatMap((event) => {
    const verb = PR_VERBS[event.data.action];
    return verb ? [`- ${verb} ${reference(event)}: ${firstLine(event.data.title)}`] : [];
  });
  return [...new Set(lines)];
}

function reviewLines(events: readonly ReviewEvent[]): string[] {
  const lines = events.map((event) => `- Reviewed ${reference(event)}: ${firstLine(event.data.title)} (${REVIEW_STATES[event.data.state] ?? event.data.state})`);
  return [...new Set(lines)];
}

/** The draft update: Done pre-filled from the day's commits (per repository and branch), pull requests and reviews. */
export function draftUpdate(input: ReminderInput): string {
  const mine = [...input.activity].filter((event) => sameLogin(event.actor, input.contractor.login)).sort(byTime);
  const done = [
    ...commitLines(mine.filter((event): event is RecordedEvent & PushEvent => event.kind === "push")),
    ...pullRequestLines(mine.filter((event): event is RecordedEvent & PullRequestEvent => event.kind === "pull_request")),
    ...reviewLines(mine.filter((event): event is RecordedEvent & ReviewEvent => event.kind === "review")),
  ];
  const nothing = "- (No commits, pull requests or reviews were recorded for this day: write what you did.)";
  return ["## Done", ...(done.length > 0 ? done : [nothing]), "", "## Decisions needed", "- ", "", "## Next", "- ", "", "## Blockers", "- "].join("\n");
}

/** The reminder comment: mentions exactly the contractor, says how to post, and carries the draft. */
export function reminderBody(input: ReminderInput): string {
  const { contractor, day } = input;
  const hours = hoursWindow(day, contractor);
  const local = (instant: DateTime) => instant.setLocale("en-US").toFormat("HH:mm");
  const dayLabel = DateTime.fromISO(day, { zone: "UTC", locale: "en-US" }).toFormat("EEE d MMM");
  return [
    reminderMarker(contractor.login, day),
    `@${contractor.login} no end-of-day update has come in for ${dayLabel} (your hours ${local(hours.start)}–${local(hours.end)} ${hours.end.toFormat("ZZZZ")}).`,
    "Reply to this issue with the draft below, edited; or comment `/eod` followed by your update on any issue or pull request.",
    "",
    codeBlock(draftUpdate(input), "markdown"),
    "",
  ].join("\n");
}
