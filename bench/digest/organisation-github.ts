import { generateKeyPairSync } from "node:crypto";
import { Probot, ProbotOctokit } from "probot";
import { octokitGitHub } from "../../src/github/github-port.js";
import { startGitHubStandIn, type GitHubStandIn } from "../../src/github-stand-in/index.js";
import type { TickContext } from "../../src/scheduler/tick-context.js";
import type { Db } from "../../src/store/schema.js";
import { INSTALLATION_ID, organisationConfig, OWNER, REPOSITORIES, type OrganisationWeek } from "./organisation-week.js";

/** The GitHub stand-in as the organisation's GitHub: the config, the digest repository and the week's pull requests. */
export async function startOrganisationGitHub(week: OrganisationWeek): Promise<GitHubStandIn> {
  const gh = await startGitHubStandIn();
  gh.addInstallation({ id: INSTALLATION_ID, account: OWNER });
  gh.addRepo(`${OWNER}/.github`, { files: { ".github/handoff.yml": organisationConfig() } });
  gh.addRepo(`${OWNER}/handoff`);
  for (const repo of REPOSITORIES) gh.addRepo(repo);
  const inOrder = [...week.pullRequests].sort((a, b) => a.number - b.number);
  for (const pr of inOrder) gh.addPullRequest(pr.repo, { number: pr.number, user: pr.author, title: pr.title, head: { ref: pr.branch } });
  return gh;
}

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

/** What a scheduler tick of the organisation's installation at `now` works with, GitHub being `gh`. */
export async function organisationTick(db: Db, gh: GitHubStandIn, now: string): Promise<TickContext> {
  const probot = new Probot({
    appId: 1,
    privateKey,
    baseUrl: gh.baseUrl,
    logLevel: "warn",
    // The stand-in has no rate limits to honour (retries stay on). A function, not an object: Probot's own defaults replace a `throttle` object wholesale.
    Octokit: ProbotOctokit.defaults((instance: Record<string, unknown>) => ({ ...instance, throttle: { ...(instance.throttle as object), enabled: false } })),
  });
  return { db, github: octokitGitHub(await probot.auth(INSTALLATION_ID)), installationId: INSTALLATION_ID, account: OWNER, now, owner: "bench", log: probot.log };
}
