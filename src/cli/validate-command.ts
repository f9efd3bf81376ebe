import { readFileSync } from "node:fs";
import { formatProblem, parseConfig } from "../config/parse-config.js";

/** `handoff validate <file>`: prints each problem with its path; exit code 1 when invalid. */
export function validateCommand(file: string | undefined, print: (line: string) => void): number {
  if (!file) {
    print("usage: handoff validate <file>");
    return 2;
  }
  const parsed = parseConfig(readFileSync(file, "utf8"));
  if (!parsed.ok) {
    print(`${file} is invalid:`);
    parsed.problems.forEach((p) => print(`  ${formatProblem(p)}`));
    return 1;
  }
  const { config } = parsed;
  print(`${file} is valid: team in ${config.team.timezone}, digest at ${config.team.digest_time}, ${config.contractors.length} contractor(s): ${config.contractors.map((c) => `${c.login} (${c.timezone})`).join(", ")}`);
  return 0;
}
