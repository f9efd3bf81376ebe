import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dispatch } from "./dispatch.js";
import { FaultQueue, type Fault } from "./faults.js";
import { decodePath, readBody, send } from "./http-io.js";
import { errorReply } from "./replies.js";
import * as seed from "./seed.js";
import { createState, type CheckRun, type Comment, type Commit, type HookDelivery, type Issue, type Label, type PullRequest } from "./state.js";

export interface GitHubStandInOptions {
  /** Clock for `created_at`, `updated_at` and token expiry; defaults to the system clock. */
  now?: () => Date;
}

export interface RequestRecord {
  method: string;
  /** Decoded, without the `/api/v3` prefix and without the query. */
  path: string;
  status: number;
}

export interface GitHubStandIn {
  port: number;
  /** "127.0.0.1:PORT", for `GHE_HOST` (with `GHE_PROTOCOL=http`). */
  host: string;
  /** "http://127.0.0.1:PORT/api/v3", for an Octokit `baseUrl`. */
  baseUrl: string;
  /** Every request answered, in order. */
  requests: RequestRecord[];
  /** Requests no route matched (answered 404). */
  unhandled: { method: string; path: string }[];
  /** Deliveries the app asked GitHub to redeliver. */
  redeliveries: { id: number; guid: string }[];
  addInstallation(installation: seed.InstallationSeed): void;
  addRepo(fullName: string, options?: seed.RepoSeed): void;
  setFile(fullName: string, path: string, text: string | null, ref?: string): void;
  addIssue(fullName: string, issue: seed.IssueSeed): Issue;
  addComment(fullName: string, number: number, comment: { body: string; user: string }): Comment;
  addPullRequest(fullName: string, pr: seed.PullRequestSeed): PullRequest;
  changePullRequest(fullName: string, number: number, change: seed.PullRequestChange): PullRequest;
  addCommits(fullName: string, commits: Commit[], branch?: string): void;
  addHookDelivery(delivery: HookDelivery): void;
  /** Issues without pull requests, oldest first, each with its comments. Copies: changing them changes nothing. */
  issues(fullName: string): Issue[];
  pullRequests(fullName: string): PullRequest[];
  /** Comments of an issue or pull request, oldest first. */
  comments(fullName: string, number: number): Comment[];
  labels(fullName: string): Label[];
  checkRuns(fullName: string): CheckRun[];
  /** Answer the next matching request(s) with an error instead. */
  failNext(fault: Fault): void;
  /** Runs after a request took effect and before its response is sent: lets a test kill the app in between. */
  setBeforeReply(hook: BeforeReply | null): void;
  close(): Promise<void>;
}

export type BeforeReply = (request: RequestRecord) => void | Promise<void>;

export async function startGitHubStandIn(options: GitHubStandInOptions = {}): Promise<GitHubStandIn> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  const baseUrl = `http://${host}/api/v3`;
  const state = createState(options.now ?? (() => new Date()), baseUrl);
  const faults = new FaultQueue();
  const requests: RequestRecord[] = [];
  const unhandled: { method: string; path: string }[] = [];
  let beforeReply: BeforeReply | null = null;

  server.on("request", (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const url = new URL(incoming.url ?? "/", `http://${host}`);
    const method = incoming.method ?? "GET";
    const rawPath = url.pathname.replace(/^\/api\/v3(?=\/|$)/, "").replace(/\/+$/, "") || "/";
    const path = decodePath(rawPath);
    const accept = incoming.headers.accept ?? "";
    void readBody(incoming)
      .then((body) => {
        if (body === undefined) return { reply: errorReply(400, "Problems parsing JSON"), routed: true };
        const request = { method, path: rawPath, url, params: new Map(), query: url.searchParams, body, accept, state };
        return dispatch(request, faults.take(method, path));
      })
      .catch((error: unknown) => ({ reply: errorReply(500, `GitHub stand-in failed: ${String(error)}`), routed: true }))
      .then(async ({ reply, routed }) => {
        requests.push({ method, path, status: reply.status });
        if (!routed) unhandled.push({ method, path });
        await beforeReply?.({ method, path, status: reply.status });
        send(outgoing, reply);
      });
  });

  const repo = (fullName: string) => seed.repoNamed(state, fullName);
  return {
    port,
    host,
    baseUrl,
    requests,
    unhandled,
    redeliveries: state.redeliveries,
    addInstallation: (installation) => seed.addInstallation(state, installation),
    addRepo: (fullName, repoOptions) => seed.addRepo(state, fullName, repoOptions),
    setFile: (fullName, path, text, ref) => seed.setFile(state, fullName, path, text, ref),
    addIssue: (fullName, issue) => structuredClone(seed.addIssue(state, fullName, issue)),
    addComment: (fullName, number, comment) => structuredClone(seed.addComment(state, fullName, number, comment)),
    addPullRequest: (fullName, pr) => structuredClone(seed.addPullRequest(state, fullName, pr)),
    changePullRequest: (fullName, number, change) => structuredClone(seed.changePullRequest(state, fullName, number, change)),
    addCommits: (fullName, commits, branch) => seed.addCommits(state, fullName, commits, branch),
    addHookDelivery: (delivery) => seed.addHookDelivery(state, delivery),
    issues: (fullName) => structuredClone(repo(fullName).issues.filter((issue) => !issue.pull_request)),
    pullRequests: (fullName) => structuredClone(repo(fullName).issues.filter((issue): issue is PullRequest => !!issue.pull_request)),
    comments: (fullName, number) => structuredClone(seed.issueNumbered(state, fullName, number).comments),
    labels: (fullName) => structuredClone(repo(fullName).labels),
    checkRuns: (fullName) => structuredClone(repo(fullName).checkRuns),
    failNext: (fault) => faults.add(fault),
    setBeforeReply: (hook) => {
      beforeReply = hook;
    },
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
