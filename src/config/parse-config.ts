import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { configSchema, type HandoffConfig } from "./schema.js";
import { yamlLineOfPath } from "./yaml-line-of-path.js";

export const CONFIG_REPO = ".github";
export const CONFIG_PATH = ".github/handoff.yml";

export interface ConfigProblem {
  /** Path in the YAML document, e.g. ["contractors", 1, "timezone"]; empty for the whole file. */
  path: (string | number)[];
  message: string;
  /** 1-based line of the file the problem points at. */
  line?: number;
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
    if (issue.code === "invalid_type") {
      const wrongKind = `${path.length === 0 ? "the file " : ""}is ${yamlKindOf(issue.input)}, expected ${YAML_KINDS[issue.expected] ?? issue.expected}`;
      const message = issue.input === undefined ? "is required" : wrongKind;
      return [{ path, message }];
    }
    return [{ path, message: issue.message }];
  });
}

const YAML_KINDS: Record<string, string> = { object: "a mapping (key: value)", array: "a list", string: "text", boolean: "true or false", number: "a number", int: "a whole number" };

function yamlKindOf(value: unknown): string {
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

// A handoff.yml is a few kilobytes; anything far larger is the wrong file or an attack on the parser.
const MAX_CONFIG_CHARS = 64 * 1024;
// Nodes one alias may expand to (yaml's own default, stated here because it is what stops an anchor bomb).
const MAX_ALIAS_COUNT = 100;

/** Parses and validates `.github/handoff.yml`, collecting every problem with its path and line. */
export function parseConfig(text: string): ParsedConfig {
  if (text.length > MAX_CONFIG_CHARS) {
    return { ok: false, problems: [{ path: [], message: `the file has ${text.length} characters; a handoff.yml has at most ${MAX_CONFIG_CHARS}`, line: 1 }] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        path: [],
        message: `YAML syntax error: ${e.message.split("\n")[0]!.replace(/:$/, "")}`,
        line: e.linePos?.[0].line ?? 1,
      })),
    };
  }
  let input: unknown;
  try {
    input = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const message = `YAML aliases (*name) expand to too many values (over ${MAX_ALIAS_COUNT} per alias), as in a "billion laughs" attack; write the values out instead`;
    return { ok: false, problems: [{ path: [], message, line: 1 }] };
  }
  const result = configSchema.safeParse(input ?? {}, { reportInput: true });
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, problems: problemsOf(result.error).map((p) => ({ ...p, line: yamlLineOfPath(doc, lineCounter, p.path) })) };
}
