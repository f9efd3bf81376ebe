import { startGitHubStandIn, type GitHubStandIn, type Issue } from "../../src/github-stand-in/index.js";
import { fixtureConfig } from "../fixtures/configs.js";
import { startHarness, type Harness } from "./app-harness.js";
import type { TestDatabase } from "./test-databases.js";

/** The real app over HTTP, a real store and the GitHub stand-in with installation 1 on "acme"; the clock is set by the test. */
export interface World {
  gh: GitHubStandIn;
  app: Harness;
  /** When the next webhook is received. */
  receivedAt: string;
  /** The digest issues in acme/handoff, oldest first. */
  digests(): Issue[];
  /** A new process on the same database. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface WorldOptions {
  /** The text of acme's `.github/handoff.yml`; default: the `acme` fixture. */
  config?: string;
  /** A first tick, so that the app reads its config before the days under test begin. */
  firstTick?: string;
  /** The initial `receivedAt`; default: `firstTick`, else the start of 2026. */
  receivedAt?: string;
  /** Probot's throttling and retries on, as in production. */
  resilient?: boolean;
}

/** The GitHub stand-in with installation 1 on "acme": its `.github` repository (holding `config`, when given), `handoff` and `api`. */
export async function startAcmeStandIn(config?: string): Promise<GitHubStandIn> {
  const gh = await startGitHubStandIn();
  gh.addInstallation({ id: 1, account: "acme" });
  gh.addRepo("acme/.github", config === undefined ? {} : { files: { ".github/handoff.yml": config } });
  gh.addRepo("acme/handoff");
  gh.addRepo("acme/api");
  return gh;
}

export async function startWorld(database: TestDatabase, options: WorldOptions = {}): Promise<World> {
  const gh = await startAcmeStandIn(options.config ?? fixtureConfig("acme"));
  const harness = (db: Parameters<typeof startHarness>[0]["db"]) =>
    startHarness({ db, receivedAt: () => world.receivedAt, baseUrl: gh.baseUrl, resilient: options.resilient });
  const world: World = {
    gh,
    app: undefined as unknown as Harness,
    receivedAt: options.receivedAt ?? options.firstTick ?? "2026-01-01T00:00:00.000Z",
    digests: () => gh.issues("acme/handoff").filter((issue) => issue.labels.includes("handoff-digest")),
    async restart() {
      await world.app.close();
      world.app = await harness(database.reopen());
    },
    async close() {
      await world.app.close();
      await gh.close();
    },
  };
  world.app = await harness(await database.open());
  if (options.firstTick) await world.app.tick(options.firstTick);
  return world;
}
