import { DateTime } from "luxon";
import type { NewEvent } from "../../src/domain/events.js";
import { seededRandom, type SeededRandom } from "../seeded-random.js";

export const OWNER = "acme";
export const INSTALLATION_ID = 1;
const ZONES = [
  "Asia/Jakarta",
  "Asia/Kolkata",
  "Asia/Manila",
  "Asia/Ho_Chi_Minh",
  "Europe/Warsaw",
  "Europe/Lisbon",
  "Europe/Kyiv",
  "Africa/Lagos",
  "America/Argentina/Buenos_Aires",
  "America/Bogota",
];
const CONTRACTORS = Array.from({ length: 50 }, (_, i) => ({ login: `dev-${String(i + 1).padStart(2, "0")}`, timezone: ZONES[i % ZONES.length]! }));
const REVIEWERS = ["alice", "bob", "chen", "dana", "erik"];
const REPOS = Array.from({ length: 30 }, (_, i) => `${OWNER}/service-${i + 1}`);
/** The contractors' working days: Monday 2 to Friday 6 November 2026. */
const DAYS = ["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06"];
const PULL_REQUESTS_EACH = 3;
/** Of each contractor-day's events, these are not commits. */
const INTERACTIONS_PER_DAY = { reviews: 20, reviewComments: 25, feedbackComments: 25, ownComments: 25 };

/** Before the week: the first tick reads the config then, so every day of the week is tracked. */
export const CONFIG_READ_AT = "2026-11-01T00:00:00.000Z";
/** Monday 9 November, 08:30 in Los Angeles: the digest measured, covering the whole week. */
export const DIGEST_AT = "2026-11-09T16:30:00.000Z";
/** The running server's tick before the digest's, a minute earlier (HANDOFF_TICK_SECONDS' default). */
export const TICK_BEFORE_DIGEST_AT = "2026-11-09T16:29:00.000Z";
export const DIGEST_DATE = "2026-11-09";

/** `.github/handoff.yml`: 50 contractors in 10 zones; reminders and briefs off, so the digest tick does the digest only. */
export function organisationConfig(): string {
  const contractors = CONTRACTORS.map((c) => `  - login: ${c.login}\n    timezone: ${c.timezone}\n    hours: "09:00-17:00"`).join("\n");
  return [
    "team:",
    "  timezone: America/Los_Angeles",
    '  digest_time: "08:30"',
    `  reviewers: [${REVIEWERS.slice(0, 2).join(", ")}]`,
    "digest:",
    "  repository: handoff",
    "contractors:",
    contractors,
    "end_of_day:",
    "  remind: false",
    "start_of_day_brief:",
    "  enabled: false",
    "",
  ].join("\n");
}

export interface DeliveryBatch {
  deliveryId: string;
  receivedAt: string;
  events: NewEvent[];
}

interface PullRequest {
  repo: string;
  number: number;
  title: string;
  branch: string;
  openedOn: number;
}

const iso = (t: DateTime): string => t.toUTC().toISO()!;

function pullRequestEvent(login: string, actor: string, pr: PullRequest, action: "opened" | "review_requested" | "merged", at: string): NewEvent {
  return {
    key: `pr:${pr.repo}#${pr.number}:${action}:${at}`,
    kind: "pull_request",
    actor,
    repo: pr.repo,
    number: pr.number,
    subjectAuthor: login,
    occurredAt: at,
    url: `https://github.com/${pr.repo}/pull/${pr.number}`,
    data: { action, title: pr.title, draft: false, headBranch: pr.branch, requestedReviewers: [REVIEWERS[pr.number % REVIEWERS.length]!], requestedTeams: [] },
  };
}

function dayOfWork(random: SeededRandom, login: string, zone: string, dayIndex: number, prs: PullRequest[], perDay: number, nextId: () => number): NewEvent[] {
  const start = DateTime.fromISO(`${DAYS[dayIndex]}T09:00`, { zone });
  const during = (): string => new Date(start.toMillis() + random.int(0, 8 * 3600 - 1) * 1000).toISOString();
  const events: NewEvent[] = [];
  const open = prs.filter((pr) => pr.openedOn <= dayIndex);
  for (const pr of prs.filter((candidate) => candidate.openedOn === dayIndex)) {
    events.push(pullRequestEvent(login, login, pr, "opened", iso(start.plus({ minutes: 30 }))));
    events.push(pullRequestEvent(login, login, pr, "review_requested", iso(start.plus({ minutes: 31 }))));
  }
  // The first pull request is merged by a reviewer on Thursday.
  if (dayIndex === 3) events.push(pullRequestEvent(login, REVIEWERS[0]!, prs[0]!, "merged", iso(start.plus({ hours: 6 }))));

  // Every text differs, as people's do: nothing that parses a text is spared by remembering an earlier answer.
  const interaction = (kind: "review" | "review_comment" | "comment", actor: string, pr: PullRequest, text: string): NewEvent => {
    const id = nextId();
    const body = text.startsWith("/eod") ? text : `${text} (${id})`;
    const base = { actor, repo: pr.repo, number: pr.number, subjectAuthor: login, occurredAt: during(), url: `https://github.com/${pr.repo}/pull/${pr.number}#c${id}` };
    if (kind === "review") return { ...base, key: `review:${id}`, kind, data: { state: random.pick(["approved", "commented", "changes_requested"]), body, title: pr.title } };
    if (kind === "review_comment") return { ...base, key: `review_comment:${id}`, kind, data: { body, title: pr.title, path: "src/handler.ts" } };
    return { ...base, key: `comment:${id}`, kind, data: { body, title: pr.title, onPullRequest: true } };
  };
  for (let i = 0; i < INTERACTIONS_PER_DAY.reviews; i++) events.push(interaction("review", random.pick(REVIEWERS), random.pick(open), "Looks right; see the inline notes."));
  for (let i = 0; i < INTERACTIONS_PER_DAY.reviewComments; i++) events.push(interaction("review_comment", random.pick(REVIEWERS), random.pick(open), "Could this be a constant?"));
  for (let i = 0; i < INTERACTIONS_PER_DAY.feedbackComments; i++) events.push(interaction("comment", random.pick(REVIEWERS), random.pick(open), "Can we talk about the retry policy tomorrow?"));
  for (let i = 0; i < INTERACTIONS_PER_DAY.ownComments; i++) events.push(interaction("comment", login, random.pick(open), "Pushed a fix for the flaky test."));
  // Four days in five end with a written update.
  if ((dayIndex + login.length) % 5 !== 0) {
    const update = interaction("comment", login, open[0]!, `/eod\n**Done** retries for ${open[0]!.title}, day ${dayIndex + 1}\n**Next** the export\n**Blockers** none`);
    events.push({ ...update, occurredAt: iso(start.plus({ hours: 8, minutes: 5 })) });
  }

  const pushes: { branch: string; repo: string }[] = [...open.map((pr) => ({ branch: pr.branch, repo: pr.repo })), { branch: `spike/${login}-${DAYS[dayIndex]}`, repo: random.pick(REPOS) }];
  // The rest of the day's events are commits, in pushes of 1 to 20 like the ingest mix; a push counts one per commit.
  for (let count = events.length; count < perDay; ) {
    const target = random.pick(pushes);
    const commits = Array.from({ length: Math.min(random.int(1, 20), perDay - count) }, () => ({ sha: random.hex(40), message: `Handle case ${random.int(1, 9999)} of the export` }));
    count += commits.length;
    events.push({
      key: `push:${target.repo}:${target.branch}:${commits.at(-1)!.sha}:${login}`,
      kind: "push",
      actor: login,
      repo: target.repo,
      number: null,
      subjectAuthor: null,
      occurredAt: during(),
      url: `https://github.com/${target.repo}`,
      data: { branch: target.branch, pusher: login, count: commits.length, commits },
    });
  }
  return events;
}

export interface OrganisationWeek {
  /** The pull requests the contractors open during the week; GitHub must know them for the review prompts. */
  pullRequests: (PullRequest & { author: string })[];
  /** One batch per contractor and day, recorded at the end of that day. */
  batches(): Generator<DeliveryBatch>;
}

/**
 * A week of work of 50 contractors in 10 zones, about `total` events: pull requests, commits on their
 * branches, reviews and comments by the team (feedback), the contractors' own comments, and most days
 * an end-of-day update.
 */
export function organisationWeek(total = 200_000, seed = 42): OrganisationWeek {
  const random = seededRandom(seed);
  let id = 1_000_000;
  const nextId = () => id++;
  const numbers = new Map<string, number>();
  const perDay = Math.round(total / (CONTRACTORS.length * DAYS.length));
  const prsOf = new Map(
    CONTRACTORS.map((c) => [
      c.login,
      Array.from({ length: PULL_REQUESTS_EACH }, (_, i): PullRequest => {
        const repo = random.pick(REPOS);
        const number = (numbers.get(repo) ?? 0) + 1;
        numbers.set(repo, number);
        return { repo, number, title: `Export step ${i + 1} for ${c.login}`, branch: `feat/${c.login}-${i + 1}`, openedOn: i };
      }),
    ]),
  );
  return {
    pullRequests: [...prsOf].flatMap(([author, prs]) => prs.map((pr) => ({ ...pr, author }))),
    *batches() {
      for (let day = 0; day < DAYS.length; day++) {
        for (const contractor of CONTRACTORS) {
          const events = dayOfWork(random, contractor.login, contractor.timezone, day, prsOf.get(contractor.login)!, perDay, nextId);
          const end = DateTime.fromISO(`${DAYS[day]}T17:30`, { zone: contractor.timezone });
          yield { deliveryId: `week-${DAYS[day]}-${contractor.login}`, receivedAt: iso(end), events };
        }
      }
    },
  };
}

export const REPOSITORIES = REPOS;
