import { z } from "zod";
import { CONFIG_REPO } from "../config/parse-config.js";

/** A pull request commit whose `.github/handoff.yml` the tick checks (when the pull request changes that file). */
export interface ConfigCheckRequest {
  repo: string;
  number: number;
  headSha: string;
}

// A new head SHA is a new version of the file to check.
const CHECKED_ACTIONS: readonly (string | undefined)[] = ["opened", "reopened", "synchronize"];

export const isConfigCheckAction = (action: string | undefined): boolean => CHECKED_ACTIONS.includes(action);

/** The fields of a `pull_request` payload that a config check needs; the rest is dropped unread, as events-from-webhook.ts does. */
export const pullRequestHead = z.object({
  repository: z.object({ name: z.string(), full_name: z.string() }),
  pull_request: z.object({ number: z.number(), head: z.object({ sha: z.string() }) }),
});

/**
 * The config check a pull request asks for when it lives in the owner's `.github` repository. Whether
 * it touches the config is only known from GitHub, so the tick finds out; the webhook path calls nobody.
 */
export function configCheckRequest(body: z.output<typeof pullRequestHead>): ConfigCheckRequest | null {
  if (body.repository.name !== CONFIG_REPO) return null;
  return { repo: body.repository.full_name, number: body.pull_request.number, headSha: body.pull_request.head.sha };
}
