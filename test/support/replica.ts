import { type ChildProcess, fork } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TickReport } from "../../src/scheduler/tick.js";

const script = fileURLToPath(new URL("./replica-process.ts", import.meta.url));
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
export const REPLICA_SECRET = "replica-secret";

export interface Replica {
  /** Where its webhooks go. */
  webhookUrl: string;
  /** Resolves once the replica's clock reads `at`. */
  setClock(at: string): Promise<void>;
  tick(at: string): Promise<TickReport[]>;
  /** SIGKILL: no cleanup, as a crash. */
  kill(): void;
  stop(): Promise<void>;
}

/**
 * Starts a real app process (see replica-process.ts) on `databaseUrl`, talking to the GitHub stand-in at `gitHubHost`,
 * with its webhook inbox in `inboxDir` (a process started again on the same one replays what the last left; a new
 * directory by default).
 */
export async function startReplica(options: { databaseUrl: string; gitHubHost: string; clock: string; inboxDir?: string }): Promise<Replica> {
  const child: ChildProcess = fork(script, [], {
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      DATABASE_URL: options.databaseUrl,
      GHE_HOST: options.gitHubHost,
      GHE_PROTOCOL: "http",
      APP_ID: "1",
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET: REPLICA_SECRET,
      LOG_LEVEL: "fatal",
      START_AT: options.clock,
      HANDOFF_INBOX_DIR: options.inboxDir ?? mkdtempSync(join(tmpdir(), "handoff-replica-inbox-")),
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const pending = new Map<number, { resolve: (reports: TickReport[]) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      pending.forEach(({ reject }) => reject(new Error("the replica died")));
      resolve();
    }),
  );
  const port = await new Promise<number>((resolve, reject) => {
    void exited.then(() => reject(new Error("the replica exited before it was ready")));
    child.on("message", (message: { type?: string; port?: number; id?: number; reports?: TickReport[] }) => {
      if (message.type === "ready") resolve(message.port!);
      else pending.get(message.id!)?.resolve(message.reports ?? []);
    });
  });
  const request = (type: "clock" | "tick", at: string) => {
    const id = nextId++;
    return new Promise<TickReport[]>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      child.send({ id, type, at });
    }).finally(() => pending.delete(id));
  };
  return {
    webhookUrl: `http://127.0.0.1:${port}/api/github/webhooks`,
    setClock: async (at) => void (await request("clock", at)),
    tick: (at) => request("tick", at),
    kill: () => void child.kill("SIGKILL"),
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
