import { startGitHubStandIn, type Comment, type GitHubStandIn, type Issue } from "../../src/github-stand-in/index.js";
import { fixtureConfig } from "../fixtures/configs.js";
import { startHarness, type Harness } from "./app-harness.js";
import type { TestDatabase } from "./test-databases.js";

/** The real app, a real store and the GitHub stand-in, with the end-of-day config; the clock is set by the test. */
export interface EndOfDayWorld {
  gh: GitHubStandIn;
  app: Harness;
  /** When the next webhook is received. */
  receivedAt: string;
  /** The log issues of `login`, oldest first. */
  logIssues(login: string): Issue[];
  /** The days of the reminders posted for `login`, in posting order, over all their log issues. */
  reminderDays(login: string): string[];
  /** Every comment the app posted on the log issues of `login` whose body holds `text`. */
  appComments(login: string, text: string): Comment[];
  digests(): Issue[];
  /** A new process on the same database. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the world and has the app read its config at `firstTick`, before the days under test begin. */
export async function startEndOfDayWorld(database: TestDatabase, options: { config?: string; firstTick: string }): Promise<EndOfDayWorld> {
  const gh = await startGitHubStandIn();
  gh.addInstallation({ id: 1, account: "acme" });
  gh.addRepo("acme/.github", { files: { ".github/handoff.yml": options.config ?? fixtureConfig("end-of-day") } });
  gh.addRepo("acme/handoff");
  gh.addRepo("acme/api");
  const harness = (db: Parameters<typeof startHarness>[0]["db"]) => startHarness({ db, receivedAt: () => world.receivedAt, baseUrl: gh.baseUrl });
  const logIssues = (login: string) => gh.issues("acme/handoff").filter((issue) => issue.title === `Handoff log: ${login}`);
  const appComments = (login: string, text: string) =>
    logIssues(login).flatMap((issue) => issue.comments.filter((comment) => comment.user.type === "Bot" && comment.body.includes(text)));
  const world: EndOfDayWorld = {
    gh,
    app: undefined as unknown as Harness,
    receivedAt: options.firstTick,
    logIssues,
    appComments,
    reminderDays: (login) => appComments(login, `handoff:eod-reminder login=${login} `).map((comment) => /day=(\S+) -->/.exec(comment.body)![1]!),
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
  await world.app.tick(options.firstTick);
  return world;
}
