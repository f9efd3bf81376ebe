import { hostname } from "node:os";
import { join } from "node:path";
import { readFileSync, rmSync, writeFileSync } from "node:fs";

// Inboxes this process holds: a second in the same directory would replay, then delete, the first's segments.
const held = new Set<string>();

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * Makes `dir` this process's inbox, or fails saying which process holds it: two processes sharing one inbox
 * would each replay and delete the other's deliveries. A lock left by a process that is gone (a crash) is taken
 * over. Returns the release.
 */
export function lockInbox(dir: string): () => void {
  const path = join(dir, "lock");
  const me = `${hostname()} ${process.pid}`;
  try {
    writeFileSync(path, me, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const [host, pid] = readFileSync(path, "utf8").split(" ");
    const mine = host === hostname() && Number(pid) === process.pid;
    const gone = host === hostname() && !mine && !alive(Number(pid));
    if (held.has(dir) || (!mine && !gone)) {
      throw new Error(
        `the webhook inbox ${dir} is in use by ${host === hostname() ? `process ${pid}` : `process ${pid} on ${host}`}: give each Handoff process its own HANDOFF_INBOX_DIR, or delete ${path} if that process is gone`,
      );
    }
    writeFileSync(path, me);
  }
  held.add(dir);
  return () => {
    held.delete(dir);
    rmSync(path, { force: true });
  };
}
