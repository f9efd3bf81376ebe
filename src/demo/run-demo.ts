import { DateTime } from "luxon";
import { join } from "node:path";
import { CONFIG_PATH, CONFIG_REPO } from "../config/parse-config.js";
import { DEMO_CONFIG_YAML, DEMO_END, DEMO_OWNER, DEMO_REPOS, DEMO_START, TICK_MINUTES, demoConfig } from "./demo-config.js";
import { appPosts, countPosts, type AppPost, type PostCounts } from "./demo-posts.js";
import { DEMO_WEEK } from "./demo-week.js";
import { startDemoWorld, type LogLevel } from "./demo-world.js";
import { contractorZone, instantOf, playStep, type DemoStage, type PlayedStep } from "./play-step.js";
import { renderDemoIndex } from "./render-demo-index.js";
import { issueFiles, writeDemoOutput } from "./write-demo-output.js";

export interface DemoOptions {
  /** Where the Markdown goes; its `.md` files from an earlier run are replaced. */
  outputDir: string;
  /** Probot's log level; the demo's own output is the summary. */
  logLevel?: LogLevel;
}

export interface DemoSummary {
  from: string;
  to: string;
  ticks: number;
  webhooks: number;
  posts: AppPost[];
  counts: PostCounts;
  /** The files written, index.md first. */
  files: string[];
  /** Problems a tick reported; a working app reports none. */
  tickErrors: string[];
  /** Requests the GitHub stand-in had no route for. */
  unhandledRequests: string[];
}

/** Instants from `from` to `to`, both included, every `minutes`. */
function* ticksBetween(from: string, to: string, minutes: number): Generator<string> {
  for (let t = DateTime.fromISO(from); t <= DateTime.fromISO(to); t = t.plus({ minutes })) yield t.toUTC().toISO()!;
}

/**
 * The whole app over a scripted week: the real Probot server and store against the GitHub stand-in,
 * on a simulated clock. Steps are played at their instants and the scheduler ticks every 15 minutes;
 * then every issue and comment the app posted is written as Markdown, with an index and a timeline.
 */
export async function runDemo(options: DemoOptions): Promise<DemoSummary> {
  const config = demoConfig();
  const world = await startDemoWorld({ start: DEMO_START, logLevel: options.logLevel ?? "warn" });
  try {
    const { gh } = world;
    gh.addInstallation({ id: 1, account: DEMO_OWNER });
    gh.addRepo(`${DEMO_OWNER}/${CONFIG_REPO}`, { files: { [CONFIG_PATH]: DEMO_CONFIG_YAML } });
    for (const repo of DEMO_REPOS) gh.addRepo(`${DEMO_OWNER}/${repo}`);

    let webhooks = 0;
    let reviewId = 9000;
    const stage: DemoStage = {
      world,
      config,
      owner: DEMO_OWNER,
      deliver: async ({ name, payload }) => {
        webhooks += 1;
        await world.send(name, payload);
      },
      nextReviewId: () => ++reviewId,
    };
    const pending = DEMO_WEEK.map((step) => ({ step, at: instantOf(step, config) })).sort((a, b) => a.at.localeCompare(b.at));
    const played: PlayedStep[] = [];
    const tickErrors: string[] = [];
    let ticks = 0;
    for (const instant of ticksBetween(DEMO_START, DEMO_END, TICK_MINUTES)) {
      while (pending.length > 0 && pending[0]!.at <= instant) {
        const { step, at } = pending.shift()!;
        world.setClock(at);
        played.push(await playStep(stage, step));
      }
      world.setClock(instant);
      for (const report of await world.tick()) if ("error" in report) tickErrors.push(`${instant}: ${report.error}`);
      ticks += 1;
    }

    const repos = [CONFIG_REPO, ...DEMO_REPOS].map((repo) => `${DEMO_OWNER}/${repo}`);
    const posts = appPosts(gh, repos);
    const counts = countPosts(posts);
    const files = issueFiles({ gh, posts, steps: played, teamZone: config.team.timezone, zoneOf: (login) => contractorZone(config, login) });
    const index = renderDemoIndex({ config, configYaml: DEMO_CONFIG_YAML, from: DEMO_START, to: DEMO_END, ticks, webhooks, posts, counts, steps: played, files });
    writeDemoOutput(options.outputDir, [{ file: "index.md", text: index }, ...files]);
    return {
      from: DEMO_START,
      to: DEMO_END,
      ticks,
      webhooks,
      posts,
      counts,
      files: ["index.md", ...files.map((file) => file.file)].map((file) => join(options.outputDir, file)),
      tickErrors,
      unhandledRequests: gh.unhandled.map((request) => `${request.method} ${request.path}`),
    };
  } finally {
    await world.close();
  }
}
