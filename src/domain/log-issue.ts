import { DAYS_OFF_USAGE } from "./days-off-commands.js";

export const LOG_LABEL = { name: "handoff-log", color: "0e8a16", description: "A contractor's end-of-day updates (Handoff)" };

export const logIssueTitle = (login: string): string => `Handoff log: ${login}`;

/** Logins are case-insensitive on GitHub; the marker is not, so it holds the lower-case login. */
export const logIssueMarker = (login: string): string => `<!-- handoff:log login=${login.toLowerCase()} -->`;

/** The log issue's body: where the contractor posts end-of-day updates, and how. No mention: opening it pings nobody. */
export function logIssueBody(login: string): string {
  return `${logIssueMarker(login)}
This is the end-of-day log of **${login}**. Handoff reads it for the morning digest of the team.

**Post your end-of-day update as a comment here** (or comment \`/eod\` followed by the update on any issue or pull request). Sections are recognised from headings or bold labels, in any case:

\`\`\`markdown
## Done
- Export endpoint: CSV and JSON

## Decisions needed
- Should archived rows be exported?

## Next
- Pagination

## Blockers
- None
\`\`\`

- When no update has come in by the end of your hours, Handoff reminds you here, with a draft from your recorded activity.
- \`/decision <text>\` in any comment flags a decision for the team; \`/decided <text>\` from someone else in the same thread, or closing it, answers it.
- Days off: comment ${DAYS_OFF_USAGE} here.
`;
}
