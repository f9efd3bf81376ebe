/**
 * The scripted week. `when` is the local time of `who`: a contractor's own zone, the team's zone for
 * alice and ben. budi's Wednesday update is missing, and he takes Friday off with `/handoff off`.
 */
export type PullRequestRef = `${"api" | "web"}#${number}`;
/** A pull request, or the log issue of a contractor ("log:budi"). */
export type CommentTarget = PullRequestRef | `log:${string}`;

export type DemoStep = { who: string; when: string } & (
  | { do: "push"; repo: "api" | "web"; branch: string; commits: string[] }
  | { do: "open"; pr: PullRequestRef; title: string; branch: string; body: string; reviewers?: string[]; draft?: boolean }
  | { do: "ready" | "merge"; pr: PullRequestRef }
  | { do: "review"; pr: PullRequestRef; state: "approved" | "changes_requested" | "commented"; body: string }
  | { do: "comment"; on: CommentTarget; body: string }
);

const eod = (done: string[], next: string[], blockers = ["None"]) =>
  ["## Done", ...done.map((line) => `- ${line}`), "", "## Next", ...next.map((line) => `- ${line}`), "", "## Blockers", ...blockers.map((line) => `- ${line}`)].join("\n");

export const DEMO_WEEK: DemoStep[] = [
  // Monday 26 October
  { who: "budi", when: "Mon 26 Oct 09:20", do: "push", repo: "api", branch: "feat/csv-export", commits: ["Add a CSV writer for invoice rows", "Route GET /exports/invoices.csv"] },
  { who: "asha", when: "Mon 26 Oct 10:30", do: "push", repo: "web", branch: "feat/zone-picker", commits: ["Zone picker component", "Keep the chosen zone in user settings"] },
  { who: "budi", when: "Mon 26 Oct 14:05", do: "open", pr: "api#1", title: "CSV export of invoices", branch: "feat/csv-export", reviewers: ["alice"], body: "Adds `GET /exports/invoices.csv`. The file is built in memory for now." },
  { who: "asha", when: "Mon 26 Oct 15:00", do: "open", pr: "web#1", title: "Time zone picker on the settings page", branch: "feat/zone-picker", body: "Lets each user pick their zone; nothing uses it yet." },
  { who: "budi", when: "Mon 26 Oct 16:40", do: "push", repo: "api", branch: "feat/csv-export", commits: ["Test the CSV header row"] },
  { who: "budi", when: "Mon 26 Oct 17:20", do: "comment", on: "api#1", body: "/eod\n**Done:** CSV export endpoint, opened #1\n**Next:** quoting of commas and line breaks\n**Blockers:** none" },
  { who: "asha", when: "Mon 26 Oct 17:45", do: "comment", on: "web#1", body: `/eod\n${eod(["Zone picker, opened #1"], ["Show both zones next to timestamps"])}` },
  { who: "carla", when: "Mon 26 Oct 10:15", do: "push", repo: "api", branch: "fix/invoice-cents", commits: ["Store invoice amounts as integer cents"] },
  { who: "carla", when: "Mon 26 Oct 11:00", do: "open", pr: "api#2", title: "Store invoice amounts as integer cents", branch: "fix/invoice-cents", reviewers: ["ben"], body: "Floats lost a cent on some totals. Migration included." },
  { who: "alice", when: "Mon 26 Oct 10:40", do: "review", pr: "api#1", state: "changes_requested", body: "Please stream the rows instead of building the file in memory: some accounts export 200k invoices." },
  { who: "ben", when: "Mon 26 Oct 13:00", do: "comment", on: "web#1", body: "Nice! Could it default to the browser's zone?" },
  { who: "carla", when: "Mon 26 Oct 15:30", do: "comment", on: "api#2", body: "The legacy amounts have fractions of a cent.\n/decision Round half-even (banker's rounding) or half-up when converting them?" },
  { who: "carla", when: "Mon 26 Oct 17:50", do: "comment", on: "api#2", body: "/eod\n**Done:** cents migration, opened #2\n**Next:** backfill script for legacy amounts\n**Blockers:** the rounding decision on #2" },

  // Tuesday 27 October
  { who: "budi", when: "Tue 27 Oct 10:15", do: "push", repo: "api", branch: "feat/csv-export", commits: ["Stream rows instead of buffering the file", "Quote fields with commas and line breaks"] },
  { who: "budi", when: "Tue 27 Oct 10:30", do: "comment", on: "api#1", body: "Switched to streaming in the last two commits; memory stays flat at 200k rows." },
  { who: "asha", when: "Tue 27 Oct 11:00", do: "push", repo: "web", branch: "feat/zone-picker", commits: ["Default to the browser's zone"] },
  { who: "budi", when: "Tue 27 Oct 17:25", do: "comment", on: "log:budi", body: eod(["Streaming CSV export and quoting (#1)"], ["Paging for very large exports"]) },
  { who: "asha", when: "Tue 27 Oct 17:50", do: "comment", on: "log:asha", body: `${eod(["The picker defaults to the browser's zone (#1)"], ["Both zones on timestamps"])}\n\n## Decisions needed\n- List all ~400 IANA zones in the picker, or a curated list of about 40 with search?` },
  { who: "ben", when: "Tue 27 Oct 10:00", do: "review", pr: "web#1", state: "approved", body: "Looks good." },
  { who: "carla", when: "Tue 27 Oct 11:00", do: "push", repo: "api", branch: "fix/invoice-cents", commits: ["Backfill script for legacy amounts"] },
  { who: "alice", when: "Tue 27 Oct 14:30", do: "comment", on: "api#2", body: "/decided Half-even, to match the ledger service." },
  { who: "alice", when: "Tue 27 Oct 15:00", do: "review", pr: "api#1", state: "approved", body: "Streaming looks right. Ship it." },
  { who: "ben", when: "Tue 27 Oct 15:30", do: "review", pr: "api#2", state: "changes_requested", body: "Please run the backfill in batches of 1,000: the table has 3M rows." },
  { who: "carla", when: "Tue 27 Oct 17:40", do: "comment", on: "api#2", body: "/eod\n**Done:** backfill script\n**Next:** tests for the backfill\n**Blockers:** none" },

  // Wednesday 28 October: budi posts no update.
  { who: "budi", when: "Wed 28 Oct 09:40", do: "push", repo: "api", branch: "feat/export-paging", commits: ["Page the export by 10k rows"] },
  { who: "asha", when: "Wed 28 Oct 10:20", do: "merge", pr: "web#1" },
  { who: "asha", when: "Wed 28 Oct 11:00", do: "push", repo: "web", branch: "feat/dual-time", commits: ["Show the viewer's and the author's zone on timestamps"] },
  { who: "budi", when: "Wed 28 Oct 13:10", do: "open", pr: "api#3", title: "Paginate large exports", branch: "feat/export-paging", draft: true, body: "Pages of 10k rows with a resume token." },
  { who: "asha", when: "Wed 28 Oct 14:30", do: "open", pr: "web#2", title: "Show both zones on timestamps", branch: "feat/dual-time", reviewers: ["ben"], body: "Each timestamp shows the viewer's zone, then the author's." },
  { who: "budi", when: "Wed 28 Oct 15:00", do: "push", repo: "api", branch: "feat/export-paging", commits: ["Resume token for paged exports"] },
  { who: "asha", when: "Wed 28 Oct 17:40", do: "comment", on: "log:asha", body: eod(["Merged the zone picker (#1)", "Opened #2: both zones on timestamps"], ["Whatever the zone-list decision says"]) },
  { who: "alice", when: "Wed 28 Oct 09:30", do: "merge", pr: "api#1" },
  { who: "carla", when: "Wed 28 Oct 10:30", do: "push", repo: "api", branch: "fix/invoice-cents", commits: ["Backfill in batches of 1,000"] },
  { who: "alice", when: "Wed 28 Oct 16:00", do: "comment", on: "log:asha", body: "/decided A curated list of about 40 zones with search; the full list behind “More…”." },
  { who: "ben", when: "Wed 28 Oct 16:00", do: "review", pr: "api#2", state: "approved", body: "Batches look good." },
  { who: "carla", when: "Wed 28 Oct 17:45", do: "comment", on: "log:carla", body: eod(["Backfill runs in batches of 1,000 (#2)"], ["Partial refunds"]) },

  // Thursday 29 October: budi takes Friday off.
  { who: "budi", when: "Thu 29 Oct 09:10", do: "comment", on: "log:budi", body: "/handoff off 2026-10-30\nFamily event on Friday; back on Monday." },
  { who: "budi", when: "Thu 29 Oct 10:00", do: "ready", pr: "api#3" },
  { who: "asha", when: "Thu 29 Oct 10:30", do: "push", repo: "web", branch: "feat/dual-time", commits: ["Curated zone list with search"] },
  { who: "budi", when: "Thu 29 Oct 11:30", do: "push", repo: "api", branch: "feat/export-paging", commits: ["Document the paging parameters"] },
  { who: "budi", when: "Thu 29 Oct 17:15", do: "comment", on: "log:budi", body: eod(["Yesterday (sorry, no update): paging by 10k rows with a resume token", "#3 is ready for review"], ["Off on Friday; on Monday, retries for failed pages"]) },
  { who: "asha", when: "Thu 29 Oct 17:30", do: "comment", on: "log:asha", body: eod(["Curated zone list with search (#2)"], ["Dim the second zone"]) },
  { who: "alice", when: "Thu 29 Oct 09:00", do: "merge", pr: "api#2" },
  { who: "carla", when: "Thu 29 Oct 11:00", do: "push", repo: "api", branch: "feat/refunds", commits: ["Refund model and migration"] },
  { who: "ben", when: "Thu 29 Oct 11:00", do: "review", pr: "web#2", state: "commented", body: "Nice. Could the second zone be dimmed?" },
  { who: "carla", when: "Thu 29 Oct 14:00", do: "open", pr: "api#4", title: "Partial refunds", branch: "feat/refunds", reviewers: ["alice"], body: "Refund part of an invoice; totals stay in cents." },
  { who: "alice", when: "Thu 29 Oct 16:00", do: "review", pr: "api#4", state: "commented", body: "Should refunds above the invoice total be rejected or capped?" },
  { who: "carla", when: "Thu 29 Oct 17:50", do: "comment", on: "log:carla", body: eod(["Opened #4: partial refunds"], ["Answer alice on #4"]) },

  // Friday 30 October: budi is off.
  { who: "asha", when: "Fri 30 Oct 11:00", do: "push", repo: "web", branch: "feat/dual-time", commits: ["Dim the second zone"] },
  { who: "asha", when: "Fri 30 Oct 17:45", do: "comment", on: "log:asha", body: eod(["The second zone is dimmed (#2)"], ["Merge #2 once approved"]) },
  { who: "alice", when: "Fri 30 Oct 10:00", do: "review", pr: "api#3", state: "changes_requested", body: "Make the page size a query parameter (default 10k, at most 50k)." },
  { who: "carla", when: "Fri 30 Oct 10:30", do: "push", repo: "api", branch: "feat/refunds", commits: ["Reject refunds above the invoice total"] },
  { who: "carla", when: "Fri 30 Oct 11:00", do: "comment", on: "api#4", body: "Rejected with a 422 that names the invoice total; see the last commit." },
  { who: "ben", when: "Fri 30 Oct 14:00", do: "review", pr: "web#2", state: "approved", body: "Ship it." },
  { who: "alice", when: "Fri 30 Oct 16:00", do: "review", pr: "api#4", state: "approved", body: "Thanks, a 422 is right." },
  { who: "carla", when: "Fri 30 Oct 17:55", do: "comment", on: "log:carla", body: eod(["Refunds above the total are rejected (#4)"], ["Refund emails"]) },

  // The weekend: carla fixes something on Saturday; Los Angeles leaves DST on Sunday.
  { who: "carla", when: "Sat 31 Oct 11:00", do: "push", repo: "api", branch: "feat/refunds", commits: ["Fix refund rounding in the invoice summary"] },

  // Monday 2 November
  { who: "budi", when: "Mon 2 Nov 10:00", do: "push", repo: "api", branch: "feat/export-paging", commits: ["Page size as a query parameter, at most 50k"] },
  { who: "asha", when: "Mon 2 Nov 10:30", do: "merge", pr: "web#2" },
  { who: "carla", when: "Mon 2 Nov 10:40", do: "push", repo: "api", branch: "feat/refund-emails", commits: ["Refund email template"] },
  { who: "budi", when: "Mon 2 Nov 17:10", do: "comment", on: "log:budi", body: eod(["Page size is a query parameter (#3)"], ["Retries for failed pages"]) },
  { who: "asha", when: "Mon 2 Nov 17:30", do: "comment", on: "log:asha", body: eod(["Merged #2"], ["Zone-aware date picker"]) },
];
