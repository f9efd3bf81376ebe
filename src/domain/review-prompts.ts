import type { Contractor, HandoffConfig } from "../config/schema.js";
import { isEndOfDayUpdate, sameLogin, sortedByTime } from "./end-of-day.js";
import { addPush, type CommitGroup } from "./commit-groups.js";
import type { DigestEvent, PullRequestAction } from "./events.js";
import { pullRequestKey, type PullRequestState } from "./pull-request-state.js";
import { nextBrief } from "./schedule.js";
import { inScope } from "./scope.js";
import { slashCommands } from "./slash-commands.js";

/** The most commits of a branch a prompt shows; the rest are counted. */
export const PROMPT_COMMITS_SHOWN = 10;

/** A pull request with contractor activity in a digest: it gets a prompt if it is open and not a draft. */
export interface PromptCandidate {
  repo: string;
  number: number;
  /** Whose next working day is the deadline: the author when a contractor moved it, else the first contractor (config order) who did. */
  contractor: string;
  /** The contractors' activity on it in the digest, in time order. */
  events: DigestEvent[];
}

export interface PromptNote {
  kind: "end-of-day update" | "decision";
  /** The contractor who wrote it. */
  by: string;
  text: string;
  url: string | null;
}

export interface ReviewPrompt {
  repo: string;
  number: number;
  title: string;
  url: string | null;
  teamDate: string;
  contractor: string;
  contractorZone: string;
  /** "@login" and "@org/team", ready to post; empty when nobody is requested and team.reviewers is empty. */
  mentions: string[];
  mentionSource: "requested" | "team.reviewers" | "none";
  /** The contractor's state changes, in time order, each once. */
  stateChanges: PullRequestAction[];
  /** Per branch: how many commits, and the pushes holding the first PROMPT_COMMITS_SHOWN. */
  commits: CommitGroup[];
  notes: PromptNote[];
  /** The PR's previous prompt: this one says what is new since. */
  previous: { teamDate: string; url: string | null } | null;
  /** Start of the contractor's next scheduled working day (ISO); null when none is scheduled within a year. */
  deadline: string | null;
}

export interface PromptInput {
  /** Contractors' `days_off` include those added with `/handoff off` (withExtraDaysOff). */
  config: HandoffConfig;
  teamDate: string;
  /** The digest's posting instant. */
  at: string;
  candidates: readonly PromptCandidate[];
  /** Current state of each pull request, by `pullRequestKey`; a candidate without one gets no prompt. */
  states: ReadonlyMap<string, PullRequestState>;
  /** The latest earlier prompt of each pull request, by `pullRequestKey`. */
  previous: ReadonlyMap<string, { teamDate: string; url: string | null }>;
}

const USER_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const TEAM = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]+$/;
/** The `/eod` that makes a comment an update; the note quotes what follows it. */
const EOD_LINE = /^\s*\/eod[ \t]*(\r?\n)?/i;

/** A contractor's own notes in a comment on a pull request: an `/eod` update (whole), else each `/decision` it flags. */
function notesOf(event: DigestEvent): PromptNote[] {
  if (event.kind !== "comment" || !event.data.onPullRequest) return [];
  // Log issues are issues, never pull requests: only `/eod` makes a comment on a PR an update.
  if (isEndOfDayUpdate(event, [])) return [{ kind: "end-of-day update", by: event.actor, text: event.data.body.replace(EOD_LINE, ""), url: event.url }];
  return slashCommands(event.data.body)
    .filter((command) => command.name === "decision" && command.argument !== "")
    .map((command) => ({ kind: "decision", by: event.actor, text: command.argument, url: event.url }));
}

/**
 * The pull requests a digest's events moved: PR events by a contractor, their notes on a PR, and
 * their commits on the head branch of a pull request that `known` (recorded pull_request events) shows open.
 */
export function promptCandidates(input: {
  config: HandoffConfig;
  events: readonly DigestEvent[];
  known: ReadonlyMap<string, PullRequestState>;
}): PromptCandidate[] {
  const { config } = input;
  const byPullRequest = new Map<string, { repo: string; number: number; events: DigestEvent[] }>();
  const add = (repo: string, number: number, event: DigestEvent): void => {
    const key = pullRequestKey(repo, number);
    const entry = byPullRequest.get(key) ?? byPullRequest.set(key, { repo, number, events: [] }).get(key)!;
    entry.events.push(event);
  };
  // Looked up once per event: a digest may hold hundreds of thousands.
  const contractors = new Set(config.contractors.map((c) => c.login.toLowerCase()));
  const headKey = (repo: string, branch: string): string => `${repo.toLowerCase()}\n${branch}`;
  const openByHead = new Map<string, PullRequestState[]>();
  for (const pr of input.known.values()) {
    if (pr.open) openByHead.set(headKey(pr.repo, pr.headBranch), [...(openByHead.get(headKey(pr.repo, pr.headBranch)) ?? []), pr]);
  }

  const counts = inScope(config.repositories, []);
  for (const event of sortedByTime(input.events)) {
    if (!contractors.has(event.actor.toLowerCase()) || !counts(event)) continue;
    if (event.kind === "pull_request" && event.number !== null) add(event.repo, event.number, event);
    else if (event.number !== null && notesOf(event).length > 0) add(event.repo, event.number, event);
    else if (event.kind === "push") {
      for (const pr of openByHead.get(headKey(event.repo, event.data.branch)) ?? []) add(pr.repo, pr.number, event);
    }
  }

  return [...byPullRequest.entries()].map(([key, entry]) => {
    const author = input.known.get(key)?.author ?? null;
    const actors = new Set(entry.events.map((event) => event.actor.toLowerCase()));
    const active = config.contractors.filter((c) => actors.has(c.login.toLowerCase()));
    const contractor = active.find((c) => author !== null && sameLogin(c.login, author)) ?? active[0]!;
    return { ...entry, contractor: contractor.login };
  });
}

function mentionsOf(state: PullRequestState, config: HandoffConfig, contractor: Contractor): Pick<ReviewPrompt, "mentions" | "mentionSource"> {
  const requested = [
    ...state.requestedReviewers.filter((login) => USER_LOGIN.test(login)),
    ...state.requestedTeams.filter((team) => TEAM.test(team)),
  ];
  if (requested.length > 0) return { mentions: requested.map((name) => `@${name}`), mentionSource: "requested" };
  const team = config.team.reviewers.filter((login) => !sameLogin(login, contractor.login));
  if (team.length > 0) return { mentions: team.map((login) => `@${login}`), mentionSource: "team.reviewers" };
  return { mentions: [], mentionSource: "none" };
}

function promptOf(candidate: PromptCandidate, state: PullRequestState, contractor: Contractor, input: PromptInput, deadline: string | null): ReviewPrompt {
  const stateChanges: PullRequestAction[] = [];
  const commits: CommitGroup[] = [];
  const notes: PromptNote[] = [];
  for (const event of candidate.events) {
    if (event.kind === "pull_request" && !stateChanges.includes(event.data.action)) stateChanges.push(event.data.action);
    if (event.kind === "push") addPush(commits, event, PROMPT_COMMITS_SHOWN);
    notes.push(...notesOf(event));
  }
  return {
    repo: state.repo,
    number: state.number,
    title: state.title,
    url: state.url,
    teamDate: input.teamDate,
    contractor: contractor.login,
    contractorZone: contractor.timezone,
    ...mentionsOf(state, input.config, contractor),
    stateChanges,
    commits,
    notes,
    previous: input.previous.get(pullRequestKey(candidate.repo, candidate.number)) ?? null,
    deadline,
  };
}

/** One prompt per candidate that is open and not a draft; none when `review_prompts.enabled` is false. */
export function reviewPrompts(input: PromptInput): ReviewPrompt[] {
  if (!input.config.review_prompts.enabled) return [];
  // A contractor's prompts share their deadline, each a walk over the days in the contractor's zone.
  const deadlines = new Map<Contractor, string | null>();
  const deadlineOf = (contractor: Contractor): string | null => {
    let deadline = deadlines.get(contractor);
    if (deadline === undefined) deadlines.set(contractor, (deadline = nextBrief(input.at, contractor)?.toUTC().toISO() ?? null));
    return deadline;
  };
  return input.candidates.flatMap((candidate) => {
    const state = input.states.get(pullRequestKey(candidate.repo, candidate.number));
    const contractor = input.config.contractors.find((c) => sameLogin(c.login, candidate.contractor));
    if (!state || !state.open || state.draft || !contractor) return [];
    return [promptOf(candidate, state, contractor, input, deadlineOf(contractor))];
  });
}
