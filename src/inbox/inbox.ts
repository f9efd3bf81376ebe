import { closeSync, ftruncateSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writevSync } from "node:fs";
import { join } from "node:path";
import { perTurn } from "./per-turn.js";
import { framePieces, type InboxRecord } from "./inbox-frames.js";
import { lockInbox } from "./inbox-lock.js";

/** Part of a segment file for the projector to record: bytes `from` to `end`; `sealed` when nothing more is written to it. */
export interface SegmentFeed {
  path: string;
  from: number;
  end: number;
  sealed: boolean;
}

/** What the projector tells the inbox: a segment recorded up to `offset`; or it started again and needs every unrecorded part. */
export interface ProjectorEvents {
  settled(path: string, offset: number): void;
  restarted(): void;
}

export interface ProjectorPort {
  feed(segment: SegmentFeed): void;
  close(): Promise<void>;
}

export type StartProjector = (events: ProjectorEvents) => ProjectorPort;

export interface Inbox {
  /** Writes the delivery to the inbox file with the others of this turn; once it resolves, the delivery survives a crash of this process. */
  append(record: InboxRecord): Promise<void>;
  /** Resolves once every delivery appended so far is recorded in the store (or set aside). */
  settled(): Promise<void>;
  /** Waits up to `waitMs` for the projector to catch up, then stops it; what it has not recorded is replayed at the next start. */
  close(waitMs: number): Promise<void>;
}

/** Deliveries a segment file holds about (16 MB of webhooks at GitHub's ~17 KB average) before the next file starts. */
const SEGMENT_BYTES = 16 * 1024 * 1024;
// Sorts in the order written.
const segmentName = (n: number) => `${String(n).padStart(12, "0")}.log`;
const SEGMENT = /^\d{12}\.log$/;
/** Deliveries the projector set aside after repeated failures (inbox-projector.ts); replayed at each start. */
export const SET_ASIDE = "set-aside.log";

interface Written {
  resolve(): void;
  reject(error: unknown): void;
}

interface Segment {
  path: string;
  end: number;
  settled: number;
  sealed: boolean;
}

/**
 * The webhook inbox: deliveries are appended to segment files in `dir` before they are answered, and a projector
 * records them in the store from there. Segments left by an earlier run (a crash, or deliveries not yet recorded
 * at shutdown) are replayed first; recording is idempotent by delivery id, so a replay never doubles anything.
 */
export function openInbox(dir: string, startProjector: StartProjector): Inbox {
  mkdirSync(dir, { recursive: true });
  const release = lockInbox(dir);
  const names = readdirSync(dir).filter((name) => SEGMENT.test(name)).sort();
  let next = names.length === 0 ? 1 : Number(names[names.length - 1]!.slice(0, 12)) + 1;
  try {
    renameSync(join(dir, SET_ASIDE), join(dir, segmentName(next)));
    names.push(segmentName(next++));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const segments: Segment[] = names.map((name) => {
    const path = join(dir, name);
    return { path, end: statSync(path).size, settled: 0, sealed: true };
  });
  let waiters: (() => void)[] = [];

  const openSegment = (): { segment: Segment; fd: number } => {
    const segment = { path: join(dir, segmentName(next++)), end: 0, settled: 0, sealed: false };
    segments.push(segment);
    return { segment, fd: openSync(segment.path, "a") };
  };
  let active = openSegment();

  const allSettled = () => segments.every((s) => s.settled >= s.end);
  const feed = (s: Segment) => projector.feed({ path: s.path, from: s.settled, end: s.end, sealed: s.sealed });
  const projector = startProjector({
    settled(path, offset) {
      const segment = segments.find((s) => s.path === path);
      if (!segment) return;
      segment.settled = Math.max(segment.settled, offset);
      if (segment.sealed && segment.settled >= segment.end) {
        rmSync(segment.path, { force: true });
        segments.splice(segments.indexOf(segment), 1);
      }
      if (allSettled()) for (const resolve of waiters.splice(0)) resolve();
    },
    restarted: () => segments.forEach(feed),
  });
  segments.forEach(feed);
  /**
   * The deliveries of one turn of the event loop go to the file in one write, then to the projector in one
   * message: a write a delivery cost more time than the rest of the webhook route (docs/performance.md).
   */
  const write = perTurn((items: { record: InboxRecord; written: Written }[]) => {
    const pieces = items.flatMap(({ record }) => framePieces(record));
    const length = pieces.reduce((sum, piece) => sum + piece.length, 0);
    try {
      const written = writevSync(active.fd, pieces);
      if (written < length) throw new Error(`only ${written} of ${length} bytes reached ${active.segment.path}: is the disk full?`);
    } catch (error) {
      // No frame cut short stays behind to misalign the next: the file goes back to its last whole frame.
      ftruncateSync(active.fd, active.segment.end);
      for (const { written } of items) written.reject(error);
      return;
    }
    active.segment.end += length;
    for (const { written } of items) written.resolve();
    if (active.segment.end < SEGMENT_BYTES) return feed(active.segment);
    closeSync(active.fd);
    active.segment.sealed = true;
    feed(active.segment);
    active = openSegment();
  });

  return {
    append(record) {
      return new Promise<void>((resolve, reject) => write({ record, written: { resolve, reject } }));
    },
    settled() {
      return allSettled() ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
    async close(waitMs) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.settled(), new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
      clearTimeout(timer);
      await projector.close();
      closeSync(active.fd);
      if (active.segment.settled >= active.segment.end) rmSync(active.segment.path, { force: true });
      waiters = [];
      release();
    },
  };
}
