import type { Comment, Issue } from "../../src/github-stand-in/index.js";
import { fixtureConfig } from "../fixtures/configs.js";
import type { TestDatabase } from "./test-databases.js";
import { startWorld, type World } from "./world.js";

/** The world with the end-of-day config, and what the app posted on log issues. */
export interface EndOfDayWorld extends World {
  /** The log issues of `login`, oldest first. */
  logIssues(login: string): Issue[];
  /** The days of the reminders posted for `login`, in posting order, over all their log issues. */
  reminderDays(login: string): string[];
  /** Every comment the app posted on the log issues of `login` whose body holds `text`. */
  appComments(login: string, text: string): Comment[];
}

/** Starts the world and has the app read its config at `firstTick`, before the days under test begin. */
export async function startEndOfDayWorld(database: TestDatabase, options: { config?: string; firstTick: string }): Promise<EndOfDayWorld> {
  const world = await startWorld(database, { config: options.config ?? fixtureConfig("end-of-day"), firstTick: options.firstTick });
  const logIssues = (login: string) => world.gh.issues("acme/handoff").filter((issue) => issue.title === `Handoff log: ${login}`);
  const appComments = (login: string, text: string) =>
    logIssues(login).flatMap((issue) => issue.comments.filter((comment) => comment.user.type === "Bot" && comment.body.includes(text)));
  return Object.assign(world, {
    logIssues,
    appComments,
    reminderDays: (login: string) => appComments(login, `handoff:eod-reminder login=${login} `).map((comment) => /day=(\S+) -->/.exec(comment.body)![1]!),
  });
}
