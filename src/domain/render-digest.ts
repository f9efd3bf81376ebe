import { DateTime } from "luxon";
import { commitCount, type CommitGroup, shownCommits } from "./commit-groups.js";
import { COMMITS_SHOWN, type Digest, type DigestDay, type Interaction, type IssueEntry, type PullRequestEntry } from "./digest.js";
import { codeSpan, inlineText } from "./markdown-safety.js";
import { memoize } from "./memoize.js";
import { renderDecisions } from "./render-decisions.js";
import { renderUpdate } from "./render-update.js";
import { renderWaitingForReview } from "./render-waiting-for-review.js";

const LOCALE = "en-US";

/**
 * Most characters of a digest: its issue and one continuation comment (less room for the cut between them,
 * which falls between lines), so that posting it costs a bounded number of calls however busy the
 * organisation was. A digest over it shows each day shorter (see DETAILS).
 */
export const DIGEST_BUDGET = 2 * 65_536 - 8_192;

export interface RenderOptions {
  /** IANA zone of the team, for the second label of each day's hours. */
  teamZone: string;
  /** Characters the body may take; DIGEST_BUDGET by default. */
  budget?: number;
}

/** How much of each day a digest shows: every entry; a few of each list; or one line of counts. */
type Detail = { entries: number; commitsPerBranch: number } | "counts";
const DETAILS: readonly Detail[] = [{ entries: Infinity, commitsPerBranch: COMMITS_SHOWN }, { entries: 5, commitsPerBranch: 3 }, "counts"];

export const calendarDate = (date: string): DateTime => DateTime.fromISO(date, { zone: "UTC", locale: LOCALE });
export const inZone = (instant: string, zone: string): DateTime => DateTime.fromISO(instant, { zone, locale: LOCALE });

const offsetNames = new Map<string, string>();
/** "PDT", "GMT+7": `zone`'s name for the offset `time` has. luxon builds an Intl formatter for each, so the few a zone has are remembered. */
function offsetName(zone: string, time: DateTime): string {
  const key = `${zone} ${time.offset}`;
  let name = offsetNames.get(key);
  if (name === undefined) {
    name = time.setZone(zone).toFormat("ZZZZ");
    offsetNames.set(key, name);
  }
  return name;
}

// Many stamps repeat (prompts with the same deadline, days with the same hours); the key's parts hold no newline.
const stamps = memoize((key) => {
  const [instant, zone, format] = key.split("\n") as [string, string, string];
  const time = inZone(instant, zone);
  return `${time.toFormat(format)} ${offsetName(zone, time)}`;
});

/** `instant` in `zone` as `format` ("EEE HH:mm"), then the zone's name for its offset: "Thu 19:00 PDT". */
export const stampInZone = (instant: string, zone: string, format: string): string => stamps(`${instant}\n${zone}\n${format}`);

/** An instant written with the offset it was in ("…T09:00:00.000+07:00"), on that clock: no time-zone lookup. */
const onItsOwnClock = (instant: string): DateTime => DateTime.fromISO(instant, { setZone: true, locale: LOCALE });

/** `Handoff digest — Mon 2 Nov 2026` for team date 2026-11-02. */
export function digestTitle(teamDate: string): string {
  return `Handoff digest — ${calendarDate(teamDate).toFormat("EEE d MMM yyyy")}`;
}

export const digestMarker = (teamDate: string): string => `<!-- handoff:digest date=${teamDate} -->`;

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

// URLs come from GitHub payloads; encoding the characters that end a link target keeps even a bad one inside it.
const safeUrl = (url: string): string => url.replace(/[\s()<>]/g, (char) => encodeURIComponent(char));
export const link = (label: string, url: string | null): string => (url === null ? label : `[${label}](${safeUrl(url)})`);
export const reference = (repo: string, number: number | null): string => (number === null ? repo : `${repo}#${number}`);

function summary(digest: Digest): string {
  const { totals } = digest;
  if (totals.contractors === 0) return "Overnight handoff · nothing new since the previous digest";
  const parts = [
    "Overnight handoff",
    plural(totals.contractors, "contractor"),
    plural(totals.commits, "commit"),
    plural(totals.pullRequests, "pull request"),
  ];
  if (totals.reviewsAndComments > 0) parts.push(plural(totals.reviewsAndComments, "review or comment", "reviews and comments"));
  if (totals.missingUpdates > 0) parts.push(plural(totals.missingUpdates, "missing end-of-day update"));
  return parts.join(" · ");
}

// Contractors who share a zone and hours share these labels: each is worked out once. Keys are ISO
// instants, dates and IANA zone names, none of which holds a space.
const hoursLabel = memoize((key) => {
  const [start, end, contractorZone, teamZone] = key.split(" ") as [string, string, string, string];
  // A day's hours are written in the contractor's zone, then in the team's.
  const [localStart, localEnd] = [onItsOwnClock(start), onItsOwnClock(end)];
  const local = `${localStart.toFormat("HH:mm")}–${localEnd.toFormat("HH:mm")} ${offsetName(contractorZone, localEnd)}`;
  return `${local} (${inZone(start, teamZone).toFormat("EEE HH:mm")} – ${stampInZone(end, teamZone, "EEE HH:mm")})`;
});
const dateLabel = memoize((date) => calendarDate(date).toFormat("EEE d MMM"));

function heading(login: string, contractorZone: string, day: DigestDay, teamZone: string): string {
  const labels = [login, dateLabel(day.day), hoursLabel(`${day.hours.start} ${day.hours.end} ${contractorZone} ${teamZone}`)];
  if (day.inProgress) labels.push("in progress");
  if (day.unscheduledReason !== null) labels.push(day.unscheduledReason);
  return `### ${labels.join(" · ")}`;
}

const PR_ACTIONS: Record<PullRequestEntry["actions"][number], string> = {
  opened: "opened",
  reopened: "reopened",
  ready_for_review: "ready for review",
  converted_to_draft: "converted to draft",
  merged: "merged",
  closed: "closed",
  review_requested: "review requested",
};

const stateChange = (entry: PullRequestEntry | IssueEntry, names: Record<string, string>): string =>
  `- ${link(reference(entry.repo, entry.number), entry.url)} ${inlineText(entry.title)} — ${entry.actions.map((action) => names[action] ?? action).join(", ")}`;

function commitLine(group: CommitGroup, commitsPerBranch: number): string {
  const shown = shownCommits(group, commitsPerBranch).map((commit) => `${link(codeSpan(commit.sha), commit.url)} ${inlineText(commit.message)}`);
  const rest = group.count - shown.length;
  if (rest > 0) shown.push(`… and ${rest} more`);
  return `- ${codeSpan(group.repo)} ${codeSpan(group.branch)} (${group.count}): ${shown.join(" · ")}`;
}

const REVIEW_STATES: Record<string, string> = {
  approved: "approved",
  changes_requested: "requested changes on",
  commented: "reviewed",
  dismissed: "dismissed a review on",
};

function interactionLine(entry: Interaction, withActor: boolean): string {
  const verb = entry.kind === "review" ? (REVIEW_STATES[entry.state ?? ""] ?? "reviewed") : entry.kind === "review_comment" ? "commented inline on" : "commented on";
  const who = withActor ? `${inlineText(entry.actor)} ` : "";
  const excerpt = entry.body.trim() === "" ? "" : `: ${inlineText(entry.body)}`;
  return `- ${who}${verb} ${link(reference(entry.repo, entry.number), entry.url)} ${inlineText(entry.title)}${excerpt}`;
}

/** The day in one line: what happened, counted, and a link to each end-of-day update. */
function countsLine(day: DigestDay): string {
  const commits = commitCount(day.commits);
  const counts = [
    commits > 0 ? `${plural(commits, "commit")} on ${plural(day.commits.length, "branch", "branches")}` : "",
    day.pullRequests.length > 0 ? plural(day.pullRequests.length, "pull request") : "",
    day.issues.length > 0 ? plural(day.issues.length, "issue") : "",
    day.given.length > 0 ? plural(day.given.length, "review or comment", "reviews and comments") : "",
    day.feedback.length > 0 ? `${day.feedback.length} feedback received` : "",
    ...day.updates.map((update) => link("end-of-day update", update.url)),
  ];
  return counts.filter((part) => part !== "").join(" · ");
}

function renderDay(title: string, zone: string, day: DigestDay, detail: Detail): string[] {
  const lines = ["", title];
  if (detail === "counts") {
    const counts = countsLine(day);
    if (counts !== "") lines.push(counts);
  } else {
    const section = (title: string, body: string[]): void => {
      const shown = body.length > detail.entries ? [...body.slice(0, detail.entries), `- … and ${body.length - detail.entries} more`] : body;
      if (body.length > 0) lines.push("", `**${title}**`, ...shown);
    };
    for (const update of day.updates) lines.push(...renderUpdate(update, zone));
    section("Pull requests", day.pullRequests.map((entry) => stateChange(entry, PR_ACTIONS)));
    section("Issues", day.issues.map((entry) => stateChange(entry, {})));
    section("Commits", day.commits.map((group) => commitLine(group, detail.commitsPerBranch)));
    section("Reviews and comments", day.given.map((entry) => interactionLine(entry, false)));
    section("Feedback received", day.feedback.map((entry) => interactionLine(entry, true)));
  }
  if (day.missingUpdate) lines.push("", "⚠️ No end-of-day update");
  return lines;
}

/**
 * Whether `detail`'s form of the days is sure to exceed `budget`, found without rendering it: each entry the
 * form lists is a line holding a link to the entry's URL, never shorter than the URL (safeUrl only lengthens).
 * A busy week then skips straight to a form that may fit, instead of rendering each longer one up to the budget.
 */
function surelyOver(digest: Digest, detail: Detail, budget: number): boolean {
  if (detail === "counts") return false;
  let length = 0;
  for (const contractor of digest.contractors) {
    for (const day of contractor.days) {
      for (const entries of [day.pullRequests, day.issues, day.given, day.feedback]) {
        const listed = Math.min(entries.length, detail.entries);
        for (let i = 0; i < listed; i++) length += entries[i]!.url?.length ?? 0;
        if (length > budget) return true;
      }
    }
  }
  return false;
}

const budgetOf = (options: RenderOptions): number => options.budget ?? DIGEST_BUDGET;

/** The forms of the days that may fit the budget, most detailed first; the counts always. */
const formsThatMayFit = (digest: Digest, options: RenderOptions): Detail[] => DETAILS.filter((detail) => !surelyOver(digest, detail, budgetOf(options)));

/**
 * Whether the rendered digest may show commits: whether a form that lists them may fit the budget. A busy
 * week's digest shows each day's counts only, and needs none of its pushes' commits read.
 */
export function mayShowCommits(digest: Digest, options: RenderOptions): boolean {
  return formsThatMayFit(digest, options).some((detail) => detail !== "counts");
}

/**
 * The digest issue body, with as much of each day as fits `options.budget` (a day's counts at the least).
 * User text goes through markdown-safety; logins carry no "@": the digest pings nobody.
 */
export function renderDigest(digest: Digest, options: RenderOptions): string {
  const budget = budgetOf(options);
  const top = [
    digestMarker(digest.teamDate),
    summary(digest),
    ...renderDecisions(digest.decisions, options.teamZone, digest.at),
    ...renderWaitingForReview(digest.waitingForReview, options.teamZone),
  ];
  let body = "";
  for (const detail of formsThatMayFit(digest, options)) {
    const lines = [...top];
    let length = lines.reduce((n, line) => n + line.length + 1, 0);
    // A form over the budget is abandoned as soon as it is: a busy week would otherwise render megabytes first.
    for (const contractor of digest.contractors) {
      for (const day of contractor.days) {
        for (const line of renderDay(heading(contractor.login, contractor.timezone, day, options.teamZone), contractor.timezone, day, detail)) {
          lines.push(line);
          length += line.length + 1;
        }
        if (length > budget && detail !== "counts") break;
      }
      if (length > budget && detail !== "counts") break;
    }
    body = `${lines.join("\n")}\n`;
    if (body.length <= budget) break;
  }
  return body;
}

export const partMarker = (teamDate: string, part: number): string => `<!-- handoff:digest-part date=${teamDate} part=${part} -->`;
export const CONTINUED_FOOTER = "_This digest continues in the comments below._";

export interface SplitOptions {
  /** Most characters a part may hold; GitHub's limit for issue bodies and comments by default. */
  limit?: number;
  teamDate: string;
}

/** Cuts `line` into pieces of at most `size` UTF-16 units, never between the halves of a surrogate pair. */
function hardCut(line: string, size: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > size) {
    const highSurrogateAtEnd = /[\uD800-\uDBFF]/.test(rest.charAt(size - 1));
    const cut = highSurrogateAtEnd && size > 1 ? size - 1 : size;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return [...pieces, rest];
}

/**
 * The issue body first, then continuation comments, each within `limit` characters (JS
 * length: UTF-16 units, never fewer than GitHub's characters). Cuts fall between lines;
 * only a line longer than a whole part is cut inside. Continuations start with their marker.
 */
export function splitBody(body: string, options: SplitOptions): string[] {
  const limit = options.limit ?? 65536;
  if (body.length <= limit) return [body];
  const footer = `\n\n${CONTINUED_FOOTER}`;
  const header = (part: number): string => `${partMarker(options.teamDate, part)}\n`;
  const budgetOf = (part: number): number => limit - (part === 1 ? footer.length : header(part).length);
  // A piece must fit any part, whatever the width of its number.
  const pieceSize = Math.min(budgetOf(1), budgetOf(99999));
  if (pieceSize < 1) throw new RangeError(`splitBody: a limit of ${limit} leaves no room next to the part marker; pass at least ${limit - pieceSize + 1}`);

  const parts: string[][] = [[]];
  let length = 0;
  for (const piece of body.split("\n").flatMap((line) => hardCut(line, pieceSize))) {
    const current = parts[parts.length - 1]!;
    const grown = current.length === 0 ? piece.length : length + 1 + piece.length;
    if (current.length > 0 && grown > budgetOf(parts.length)) {
      parts.push([piece]);
      length = piece.length;
    } else {
      current.push(piece);
      length = grown;
    }
  }
  return parts.map((lines, index) => (index === 0 ? `${lines.join("\n")}${footer}` : `${header(index + 1)}${lines.join("\n")}`));
}
