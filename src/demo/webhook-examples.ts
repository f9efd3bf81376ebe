import { createRequire } from "node:module";
import type { WebhookDefinition } from "@octokit/webhooks-examples";

export type WebhookName = WebhookDefinition["name"];
/** A payload of webhook `N` (any of its actions), as in the examples package. */
export type ExamplePayload<N extends WebhookName> = WebhookDefinition<N>["examples"][number];

let definitions: WebhookDefinition[] | undefined;

/** Real payloads contributed to `@octokit/webhooks-examples`, loaded on first use. */
function loadDefinitions(): WebhookDefinition[] {
  try {
    definitions ??= createRequire(import.meta.url)("@octokit/webhooks-examples") as WebhookDefinition[];
  } catch (error) {
    throw new Error(
      "The demo builds its webhooks from the real payloads in @octokit/webhooks-examples, a dev dependency that is not installed here. " +
        "Run `npm ci` (without --omit=dev) and try again.",
      { cause: error },
    );
  }
  return definitions;
}

/**
 * A mutable deep copy of the first example of webhook `name` (with `action`, when given) that `where` accepts:
 * `examplePayload("push", undefined, (push) => push.commits.length > 0)`. Throws, listing the actions there are, when none matches.
 */
export function examplePayload<N extends WebhookName>(name: N, action?: string, where: (payload: ExamplePayload<N>) => boolean = () => true): ExamplePayload<N> {
  const definition = loadDefinitions().find((candidate) => candidate.name === name);
  if (!definition) throw new Error(`@octokit/webhooks-examples has no "${name}" webhook`);
  const example = (definition.examples as ExamplePayload<N>[]).find(
    (candidate) => (action === undefined || ("action" in candidate && candidate.action === action)) && where(candidate),
  );
  if (!example) {
    const actions = [...new Set(definition.examples.map((candidate) => ("action" in candidate ? candidate.action : "-")))];
    throw new Error(`@octokit/webhooks-examples has no matching "${action ? `${name}.${action}` : name}" example; its actions: ${actions.join(", ")}`);
  }
  return structuredClone(example);
}
