import { parseDocument } from "yaml";
import type { z } from "zod";
import { configSchema, type HandoffConfig } from "./schema.js";

export const CONFIG_REPO = ".github";
export const CONFIG_PATH = ".github/handoff.yml";

export interface ConfigProblem {
  /** Path in the YAML document, e.g. ["contractors", 1, "timezone"]; empty for the whole file. */
  path: (string | number)[];
  message: string;
}

export type ParsedConfig = { ok: true; config: HandoffConfig } | { ok: false; problems: ConfigProblem[] };

/** `contractors[1].timezone` */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

export function formatProblem(problem: ConfigProblem): string {
  return problem.path.length > 0 ? `${formatPath(problem.path)}: ${problem.message}` : problem.message;
}

function problemsOf(error: z.ZodError): ConfigProblem[] {
  return error.issues.flatMap((issue): ConfigProblem[] => {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: [...path, key], message: "unknown key (check its spelling and level)" }));
    }
    if (issue.code === "invalid_type" && issue.input === undefined) return [{ path, message: "is required" }];
    return [{ path, message: issue.message }];
  });
}

/** Parses and validates `.github/handoff.yml`, collecting every problem with its path. */
export function parseConfig(text: string): ParsedConfig {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({ path: [], message: `YAML syntax error: ${e.message.split("\n")[0]!.replace(/:$/, "")}` })),
    };
  }
  const result = configSchema.safeParse(doc.toJS() ?? {});
  return result.success ? { ok: true, config: result.data } : { ok: false, problems: problemsOf(result.error) };
}
