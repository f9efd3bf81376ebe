import { describe, expect, it } from "@jest/globals";
import { effectsOfWebhook, MalformedPayloadError } from "../../src/github/events-from-webhook.js";
import { webhookPayload } from "../fixtures/webhooks.js";

const SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821"; // pull_request.head.sha of the examples

/** A real `pull_request` example in repository `acme/<repo>`. */
function pullRequest(action: string, repo: string, overrides: { senderType?: "Bot" | "User" } = {}) {
  return webhookPayload(`pull_request.${action}` as "pull_request.opened", {
    repository: { name: repo, full_name: `acme/${repo}` },
    sender: { type: overrides.senderType ?? "User" },
  });
}

describe("config check requests from pull_request webhooks", () => {
  it.each(["opened", "reopened", "synchronize"])("asks for a check on pull_request.%s in the .github repository", (action) => {
    expect(effectsOfWebhook("pull_request", pullRequest(action, ".github")).configCheck).toEqual({ repo: "acme/.github", number: 2, headSha: SHA });
  });

  it("records a pushed head as a check request only, not as activity", () => {
    expect(effectsOfWebhook("pull_request", pullRequest("synchronize", ".github")).insert).toEqual([]);
  });

  it("checks a bot's config pull request, though a bot's pull request is not activity", () => {
    const effects = effectsOfWebhook("pull_request", pullRequest("opened", ".github", { senderType: "Bot" }));
    expect([effects.insert, effects.configCheck]).toEqual([[], { repo: "acme/.github", number: 2, headSha: SHA }]);
  });

  it.each([
    ["opened", "api"],
    ["synchronize", "api"],
    ["closed", ".github"],
    ["labeled", ".github"],
  ])("asks for no check on pull_request.%s in acme/%s", (action, repo) => {
    expect(effectsOfWebhook("pull_request", pullRequest(action, repo)).configCheck).toBeNull();
  });

  it("names the missing field of a malformed synchronize payload", () => {
    const payload = pullRequest("synchronize", ".github") as { pull_request: { head: { sha?: string } } };
    delete payload.pull_request.head.sha;
    expect(() => effectsOfWebhook("pull_request", payload)).toThrow(new MalformedPayloadError("pull_request.synchronize payload: pull_request.head.sha is missing"));
  });
});
