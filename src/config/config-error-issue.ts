import { type ConfigProblem, CONFIG_PATH, formatProblem } from "./parse-config.js";

export const CONFIG_ERROR_TITLE = "Handoff configuration error";
export const CONFIG_ERROR_MARKER = "<!-- handoff:config-error -->";

/** Body of the issue that tells the owner what is wrong with `.github/handoff.yml`. */
export function renderConfigErrorIssue(problems: readonly ConfigProblem[]): string {
  return [
    CONFIG_ERROR_MARKER,
    `Handoff could not use \`${CONFIG_PATH}\` in this repository, so it posts no digest, reminder or prompt for this account until the file is fixed. Activity is still recorded.`,
    "",
    "Problems:",
    "",
    ...problems.map((p) => `- \`${formatProblem(p).replace(/`/g, "'")}\``),
    "",
    "Fix the file on the default branch; this issue closes itself once the configuration is valid. `npm run --silent handoff -- validate handoff.yml` checks a file locally.",
  ].join("\n");
}
