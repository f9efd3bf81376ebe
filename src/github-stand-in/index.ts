export { startGitHubStandIn, type GitHubStandIn, type GitHubStandInOptions, type RequestRecord } from "./server.js";
export { sendWebhook, type WebhookDelivery, type WebhookResponse } from "./send-webhook.js";
export type { Fault } from "./faults.js";
export type { IssueSeed, PullRequestChange, PullRequestSeed, RepoSeed, InstallationSeed } from "./seed.js";
export type { CheckRun, Comment, Commit, HookDelivery, Issue, Label, PullRequest } from "./state.js";
