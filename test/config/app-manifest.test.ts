import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const manifest = parse(readFileSync(new URL("../../app.yml", import.meta.url), "utf8")) as Record<string, unknown>;

describe("app.yml", () => {
  it("asks for the least permissions Handoff works with", () => {
    expect(manifest.default_permissions).toEqual({ issues: "write", pull_requests: "read", contents: "read", checks: "write", metadata: "read" });
  });

  it("subscribes to the events Handoff records or checks", () => {
    expect(manifest.default_events).toEqual(["push", "pull_request", "pull_request_review", "pull_request_review_comment", "issue_comment", "issues"]);
  });

  it("registers a private app and leaves the webhook URL to Probot's setup (smee in development)", () => {
    expect(manifest).toMatchObject({ name: "Handoff", public: false });
    expect(manifest).not.toHaveProperty("hook_attributes");
  });
});
