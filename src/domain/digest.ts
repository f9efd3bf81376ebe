import type { Contractor, HandoffConfig } from "../config/schema.js";
import { decisionsForDigest, type Decision, type DigestDecisions } from "./decisions.js";
import { isEndOfDayUpdate, isLateUpdate, sameLogin, sortedByTime, type LogIssue } from "./end-of-day.js";
import { addPush, commitCount, type CommitGroup, type GroupedPush, keptPushes } from "./commit-groups.js";
import type { DigestEvent, IssueData, PullRequestAction } from "./events.js";
import type { WaitingReview } from "./prompt-answers.js";
import { inScope } from "./scope.js";
import { addDays, dayBeganSince, hoursWindow, isScheduled, millis, weekdayOf, workingDayOf } from "./working-day.js";
import { workingDayFinder } from "./working-day-finder.js";

export interface DigestInput {
  config: HandoffConfig;
  /** YYYY-MM-DD team local date the digest is for. */
  teamDate: string;
  /** ISO instant of posting. */
  at: string;
  /** Decision instant of the previous digest (or first read of the config): lower bound for missing-update lines. */
  since: string;
  /** When the app first read the config: days that began earlier (at their day_boundary) get no missing-update line. */
  configReadAt?: string;
  /** Events not yet shown in a digest, recorded up to `at`: any actor, any repo of the installation. */
  events: DigestEvent[];
  /** Contractors' comments that may be updates (`/eod`, or on a log issue) from `since` minus 2 days up to `at`, shown or not: which days had their update. */
  updates: DigestEvent[];
  logIssues: LogIssue[];
  /** Prompted pull requests with no answer yet (prompt-answers.ts). */
  waitingForReview?: WaitingReview[];
  /** Decisions asked for, with their answers (decisions.ts). */
  decisions?: Decision[];
}

/** The most commits of a branch a digest day shows; the rest are counted. */
export const COMMITS_SHOWN = 20;

export type UnscheduledReason = "day off" | "not a workday";

export interface EndOfDayUpdate {
  /** As written; its sections are the render's business (parseUpdate), so a digest too long to quote them parses none. */
  text: string;
  url: string | null;
  at: string;
  /** Posted after an earlier digest had already reported on its day. */
  late: boolean;
}

export interface PullRequestEntry {
  repo: string;
  number: number;
  /** Title as of the latest event of the day. */
  title: string;
  url: string | null;
  /** State changes of the day, in time order, each once. */
  actions: PullRequestAction[];
}

export interface IssueEntry {
  repo: string;
  number: number;
  title: string;
  url: string | null;
  actions: IssueData["action"][];
}

export interface Interaction {
  kind: "review" | "review_comment" | "comment";
  actor: string;
  repo: string;
  number: number | null;
  /** Title of the issue or pull request. */
  title: string;
  url: string | null;
  at: string;
  /** Review state ("approved", "changes_requested", …); null for comments. */
  state: string | null;
  body: string;
}

export interface DigestDay {
  /** The contractor's working day, YYYY-MM-DD. */
  day: string;
  scheduled: boolean;
  unscheduledReason: UnscheduledReason | null;
  /** The day's hours had not ended at the posting instant. */
  inProgress: boolean;
  /** The day's hours as ISO instants in the contractor's zone. */
  hours: { start: string; end: string };
  updates: EndOfDayUpdate[];
  pullRequests: PullRequestEntry[];
  issues: IssueEntry[];
  commits: CommitGroup[];
  /** Reviews and comments by the contractor, end-of-day updates excluded. */
  given: Interaction[];
  /** Reviews and comments by others on the contractor's pull requests and issues. */
  feedback: Interaction[];
  /** Scheduled, hours ended since the previous digest, and no end-of-day update. */
  missingUpdate: boolean;
}

export interface ContractorDigest {
  login: string;
  timezone: string;
  /** Ascending. */
  days: DigestDay[];
}

export interface DigestTotals {
  contractors: number;
  commits: number;
  /** Distinct pull requests the contractors moved. */
  pullRequests: number;
  reviewsAndComments: number;
  missingUpdates: number;
}

export interface Digest {
  teamDate: string;
  at: string;
  /** In config order, only contractors with something to show. */
  contractors: ContractorDigest[];
  totals: DigestTotals;
  waitingForReview: WaitingReview[];
  decisions: DigestDecisions;
  /** Ids of every event the digest shows, ascending. */
  eventIds: number[];
}

const emptyDay = (day: string, contractor: Contractor, at: string): DigestDay => {
  const hours = hoursWindow(day, contractor);
  const scheduled = isScheduled(day, contractor);
  return {
    day,
    scheduled,
    unscheduledReason: scheduled ? null : contractor.workdays.includes(weekdayOf(day)) ? "day off" : "not a workday",
    inProgress: millis(at) < hours.end.toMillis(),
    hours: { start: hours.start.toISO()!, end: hours.end.toISO()! },
    updates: [],
    pullRequests: [],
    issues: [],
    commits: [],
    given: [],
    feedback: [],
    missingUpdate: false,
  };
};

const interaction = (event: DigestEvent & { kind: Interaction["kind"] }): Interaction => ({
  kind: event.kind,
  actor: event.actor,
  repo: event.repo,
  number: event.number,
  title: event.data.title,
  url: event.url,
  at: event.occurredAt,
  state: event.kind === "review" ? event.data.state : null,
  body: event.data.body,
});

const isInteraction = (event: DigestEvent): event is DigestEvent & { kind: Interaction["kind"] } =>
  event.kind === "review" || event.kind === "review_comment" || event.kind === "comment";

function addStateChange<A extends string>(
  entries: { repo: string; number: number; title: string; url: string | null; actions: A[] }[],
  event: DigestEvent & { number: number | null; data: { title: string; action: A } },
): void {
  const number = event.number ?? 0;
  let entry = entries.find((candidate) => candidate.repo === event.repo && candidate.number === number);
  if (entry === undefined) {
    entry = { repo: event.repo, number, title: event.data.title, url: event.url, actions: [] };
    entries.push(entry);
  }
  entry.title = event.data.title;
  entry.url = event.url ?? entry.url;
  if (!entry.actions.includes(event.data.action)) entry.actions.push(event.data.action);
}

/** Scheduled days of the contractor whose hours ended in (since, at] without an end-of-day update. */
function missingUpdateDays(contractor: Contractor, input: DigestInput, updatedDays: ReadonlySet<string>): string[] {
  const [since, at] = [millis(input.since), millis(input.at)];
  const missing: string[] = [];
  // Hours may lie before the day boundary or cross midnight, so look one day beyond each end.
  const last = addDays(workingDayOf(input.at, contractor), 1);
  for (let day = addDays(workingDayOf(input.since, contractor), -2); day <= last; day = addDays(day, 1)) {
    const hours = hoursWindow(day, contractor);
    const ended = hours.end.toMillis();
    if (ended > since && ended <= at && isScheduled(day, contractor) && !updatedDays.has(day) && dayBeganSince(day, contractor, input.configReadAt)) {
      missing.push(day);
    }
  }
  return missing;
}

function contractorDigest(
  contractor: Contractor,
  mine: { events: readonly DigestEvent[]; updates: readonly DigestEvent[] },
  input: DigestInput,
  shown: Set<number>,
): ContractorDigest {
  const { events } = mine;
  const days = new Map<string, DigestDay>();
  const workingDay = workingDayFinder(contractor);
  const dayOf = (day: string): DigestDay => days.get(day) ?? days.set(day, emptyDay(day, contractor, input.at)).get(day)!;
  const dayOfEvent = (event: DigestEvent): DigestDay => dayOf(workingDay(event.occurredAt));
  const isOwnUpdate = (event: DigestEvent): boolean =>
    sameLogin(event.actor, contractor.login) && isEndOfDayUpdate(event, input.logIssues);
  // Days with an update: those of the digest's events, found below, and of earlier ones.
  const updatedDays = new Set(mine.updates.filter(isOwnUpdate).map((update) => workingDay(update.occurredAt)));

  for (const event of events) {
    if (sameLogin(event.actor, contractor.login)) {
      if (event.kind === "comment" && isOwnUpdate(event)) {
        const target = dayOfEvent(event);
        updatedDays.add(target.day);
        const late = isLateUpdate(event, target.day, contractor, input.since, input.configReadAt);
        target.updates.push({ text: event.data.body, url: event.url, at: event.occurredAt, late });
      } else if (event.kind === "push") addPush(dayOfEvent(event).commits, event, COMMITS_SHOWN);
      else if (event.kind === "pull_request") addStateChange(dayOfEvent(event).pullRequests, event);
      else if (event.kind === "issue") addStateChange(dayOfEvent(event).issues, event);
      else dayOfEvent(event).given.push(interaction(event));
      shown.add(event.id);
    } else if (
      isInteraction(event) &&
      event.subjectAuthor !== null &&
      sameLogin(event.subjectAuthor, contractor.login) &&
      !isEndOfDayUpdate(event, input.logIssues)
    ) {
      dayOfEvent(event).feedback.push(interaction(event));
      shown.add(event.id);
    }
  }

  for (const day of missingUpdateDays(contractor, input, updatedDays)) dayOf(day).missingUpdate = true;

  return {
    login: contractor.login,
    timezone: contractor.timezone,
    days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
  };
}

/** Each login's events (as actor or as author of the subject), in the given order: a contractor reads only theirs. */
function eventsByLogin(events: readonly DigestEvent[]): Map<string, DigestEvent[]> {
  const byLogin = new Map<string, DigestEvent[]>();
  const add = (login: string, event: DigestEvent) => {
    const list = byLogin.get(login);
    if (list) list.push(event);
    else byLogin.set(login, [event]);
  };
  for (const event of events) {
    const actor = event.actor.toLowerCase();
    const subjectAuthor = event.subjectAuthor?.toLowerCase();
    add(actor, event);
    if (subjectAuthor !== undefined && subjectAuthor !== actor) add(subjectAuthor, event);
  }
  return byLogin;
}

/** The digest model: per contractor and working day, what to show. Pure: the instant and the events come in. */
export function buildDigest(input: DigestInput): Digest {
  const counts = inScope(input.config.repositories, input.logIssues);
  const events = sortedByTime(input.events.filter(counts));
  const shown = new Set<number>();
  const byLogin = eventsByLogin(events);
  const updatesByLogin = eventsByLogin(input.updates.filter(counts));
  const contractors = input.config.contractors
    .map((contractor) => {
      const login = contractor.login.toLowerCase();
      return contractorDigest(contractor, { events: byLogin.get(login) ?? [], updates: updatesByLogin.get(login) ?? [] }, input, shown);
    })
    .filter((entry) => entry.days.length > 0);

  const days = contractors.flatMap((entry) => entry.days);
  const pullRequests = new Set(days.flatMap((day) => day.pullRequests.map((pr) => `${pr.repo}#${pr.number}`.toLowerCase())));
  return {
    teamDate: input.teamDate,
    at: input.at,
    contractors,
    totals: {
      contractors: contractors.length,
      commits: days.reduce((sum, day) => sum + commitCount(day.commits), 0),
      pullRequests: pullRequests.size,
      reviewsAndComments: days.reduce((sum, day) => sum + day.given.length, 0),
      missingUpdates: days.filter((day) => day.missingUpdate).length,
    },
    waitingForReview: input.waitingForReview ?? [],
    decisions: decisionsForDigest(input.decisions ?? [], input, input.config.contractors),
    // A typed array sorts its numbers natively, with no call to a comparator a comparison.
    eventIds: Array.from(Float64Array.from(shown).sort()),
  };
}

/** The pushes whose commits the digest shows: what is read of their commits before it is rendered. */
export const digestPushes = (digest: Digest): GroupedPush[] =>
  digest.contractors.flatMap((contractor) => contractor.days.flatMap((day) => keptPushes(day.commits)));

/** Nothing to show: no event, no missing update, no pull request waiting for review and no open or newly answered decision. */
export function isEmptyDigest(digest: Digest): boolean {
  const { open, answered } = digest.decisions;
  return digest.eventIds.length === 0 && digest.totals.missingUpdates === 0 && digest.waitingForReview.length === 0 && open.length + answered.length === 0;
}
