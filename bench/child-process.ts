import { type ChildProcess, fork } from "node:child_process";

// BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each child there, for finding where its time goes.
const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];

/** Runs a bench TypeScript file in a process of its own (through tsx) and waits for its first message. */
export async function startChild<T>(file: string, args: readonly string[]): Promise<{ child: ChildProcess; first: T }> {
  const child = fork(new URL(file, import.meta.url), [...args], { execArgv: ["--import", "tsx", ...profile], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const first = await new Promise<T>((resolve, reject) => {
    child.once("message", (message) => resolve(message as T));
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${file} exited with code ${code} before reporting; its output above says why`)));
  });
  return { child, first };
}

/** Asks a child started with `startChild` to stop, and waits until it has. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.send("stop");
  await exited;
}

/** Sends `message` to a child started with `startChild` and waits for its answer. */
export async function ask<T>(child: ChildProcess, message: string): Promise<T> {
  const answer = new Promise<T>((resolve) => child.once("message", (reply) => resolve(reply as T)));
  child.send(message);
  return answer;
}
