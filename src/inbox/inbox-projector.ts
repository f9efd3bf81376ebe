import { appendFileSync, closeSync, openSync, readSync } from "node:fs";
import type { CompareCommits } from "../github/compare-commits.js";
import { type MappedWebhook, mapWebhook, recordWebhook, type WebhookLog } from "../github/record-webhook.js";
import { pingStore } from "../store/ping-store.js";
import type { Db } from "../store/schema.js";
import { chunkBuffers } from "./chunk-buffers.js";
import { decodeFrames, encodeFrame, frameLength, type InboxRecord } from "./inbox-frames.js";
import type { ProjectorPort, SegmentFeed } from "./inbox.js";

export interface InboxLog extends WebhookLog {
  error(fields: object, message: string): void;
}

export interface ProjectorDeps {
  db: Db;
  /** The compare API as the installation, for a push cut at 2048 commits. */
  compare(installationId: number): CompareCommits;
  log: InboxLog;
  settled(path: string, offset: number): void;
  /** Where a delivery goes after failing ATTEMPTS times while the store answers (inbox.ts replays it at the next start). */
  setAsidePath: string;
  /** The wait before the next attempt after `failures` failed ones. */
  retryDelayMs?: (failures: number) => number;
}

/** Attempts at a delivery that fails while the store answers (a compare GitHub keeps failing, a row the store refuses). */
const ATTEMPTS = 3;
/** Bytes read at a time: about 250 deliveries, recorded together in batches of the store's size. */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Deliveries mapped in one turn of the event loop (see mapAll). */
const MAPPED_PER_TURN = 32;
const defaultDelay = (failures: number) => Math.min(60_000, 1000 * 2 ** failures);

interface Queued extends SegmentFeed {
  /** Recorded up to here. */
  offset: number;
  /** Read up to here: a chunk ahead of `offset` while the store writes it. */
  readAt: number;
  fd?: number;
}

/** Part of a segment handed to the store: the segment is recorded up to `to` once `recorded` resolves true. */
interface Chunk {
  segment: Queued;
  to: number;
  /** Holds an `installation` delivery (an uninstallation purges the installation's rows). */
  uninstalls: boolean;
  recorded: Promise<boolean>;
}

/**
 * Records the inbox's deliveries in the store, segment by segment in the order written, each chunk's
 * deliveries together (the store batches them). A delivery that fails is tried again after a wait; while the
 * store does not answer it waits as long as it takes, and one that fails ATTEMPTS times while the store answers
 * is set aside, so it holds up no other. An uninstallation waits for what came before it and holds up what follows.
 */
export function inboxProjector(deps: ProjectorDeps): ProjectorPort {
  const queue: Queued[] = [];
  // Two chunks are in hand at most: one being written while the next is mapped.
  const buffers = chunkBuffers(CHUNK_BYTES, 2);
  const delay = deps.retryDelayMs ?? defaultDelay;
  let running: Promise<void> | null = null;
  let stopping = false;
  const sleeping = new Set<() => void>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleeping.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleeping.add(wake);
    });

  /** Parses and maps on its own, so that no payload outlives this call: only the small mapping waits for the store. */
  function mapRecord(record: InboxRecord): MappedWebhook | null {
    let payload: unknown;
    try {
      payload = JSON.parse(record.body.toString("utf8"));
    } catch (error) {
      deps.log.warn({ delivery: record.id, event: record.name }, `skipped a webhook whose body is not JSON: ${(error as Error).message}`);
      return null;
    }
    return mapWebhook({ id: record.id, name: record.name, payload }, deps.log);
  }

  /**
   * Maps a chunk's deliveries a few at a time with a turn of the event loop in between, in which the store's
   * replies for the chunk before come in: PostgreSQL writes that chunk while this thread maps. A delivery whose
   * mapping throws is left undefined, for `project` to map again and handle its error.
   */
  async function mapAll(records: readonly InboxRecord[]): Promise<(MappedWebhook | null | undefined)[]> {
    const mapped: (MappedWebhook | null | undefined)[] = [];
    for (const record of records) {
      if (mapped.length % MAPPED_PER_TURN === MAPPED_PER_TURN - 1) await new Promise(setImmediate);
      try {
        mapped.push(mapRecord(record));
      } catch {
        mapped.push(undefined);
      }
    }
    return mapped;
  }

  /** True once the delivery is recorded or set aside; false when the projector stopped first. */
  async function project(record: InboxRecord, mapped: MappedWebhook | null | undefined): Promise<boolean> {
    let webhook = mapped;
    for (let failures = 0, waits = 0; ; waits++) {
      try {
        if (webhook === undefined) webhook = mapRecord(record);
        if (webhook !== null) await recordWebhook(deps.db, webhook, record.receivedAt, deps.log, deps.compare(webhook.installationId));
        return true;
      } catch (error) {
        if (await pingStore(deps.db).then(() => true, () => false)) failures++;
        const reason = error instanceof Error ? error.message : String(error);
        if (failures >= ATTEMPTS) {
          appendFileSync(deps.setAsidePath, encodeFrame(record));
          deps.log.error({ delivery: record.id, event: record.name }, `a ${record.name} webhook failed ${failures} times and was set aside in ${deps.setAsidePath} (recorded when the app next starts): ${reason}`);
          return true;
        }
        if (stopping) return false;
        deps.log.warn({ delivery: record.id, event: record.name }, `recording a ${record.name} webhook failed, trying again in ${delay(waits) / 1000} s: ${reason}`);
        await sleep(delay(waits));
        if (stopping) return false;
      }
    }
  }

  async function projectAll(records: readonly InboxRecord[]): Promise<boolean> {
    const mapped = await mapAll(records);
    let done = true;
    let pending: Promise<boolean>[] = [];
    const flush = async () => {
      done = (await Promise.all(pending)).every(Boolean) && done;
      pending = [];
    };
    for (const [i, record] of records.entries()) {
      if (record.name !== "installation") pending.push(project(record, mapped[i]));
      else {
        await flush();
        pending.push(project(record, mapped[i]));
        await flush();
      }
    }
    await flush();
    return done;
  }

  /** The whole frames from where the segment was read up to, at least one when there is one, and the pool's buffer they are in. */
  function readFrames(segment: Queued): { records: InboxRecord[]; consumed: number; buffer: Buffer | null } | null {
    try {
      segment.fd ??= openSync(segment.path, "r");
    } catch (error) {
      // Deleted by the inbox once recorded: a restarted projector can be fed a segment that is already done.
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
    const read = (bytes: Buffer, length: number) => bytes.subarray(0, readSync(segment.fd!, bytes, 0, length, segment.readAt));
    const buffer = buffers.take();
    const chunk = read(buffer, Math.min(CHUNK_BYTES, segment.end - segment.readAt));
    const frames = decodeFrames(chunk);
    if (frames.consumed > 0) return { ...frames, buffer };
    // A frame longer than a chunk (a webhook near GitHub's 25 MB cap) is read into a buffer of its own.
    const length = frameLength(chunk, 0) ?? chunk.length;
    buffers.give(buffer);
    return { ...decodeFrames(read(Buffer.allocUnsafe(length), length)), buffer: null };
  }

  /** The next chunk's deliveries, read past, and the pool's buffer they are in; none when there is nothing left to record in the segment. */
  function nextRecords(segment: Queued): { records: InboxRecord[]; buffer: Buffer | null } {
    const frames = readFrames(segment);
    if (frames !== null && frames.consumed > 0) {
      segment.readAt += frames.consumed;
      return frames;
    }
    // Only a crash while writing leaves a frame cut short, and that delivery was never answered: GitHub has it as failed.
    if (frames !== null) deps.log.warn({}, `ignored the last ${segment.end - segment.readAt} bytes of ${segment.path}: a delivery cut short by a crash, which was never answered`);
    segment.readAt = segment.end;
    return { records: [], buffer: null };
  }

  function settle(segment: Queued, offset: number): void {
    segment.offset = offset;
    deps.settled(segment.path, offset);
    if (!segment.sealed || offset < segment.end) return;
    if (segment.fd !== undefined) closeSync(segment.fd);
    queue.splice(queue.indexOf(segment), 1);
  }

  /**
   * Reads and maps each chunk while the store writes the one before (on PostgreSQL this thread would otherwise
   * wait for it), and settles the chunks in the order written: an offset is reported once all before it is
   * recorded. A chunk holding an uninstallation waits for the one before, and the one after waits for it.
   */
  async function pump(): Promise<void> {
    let writing: Chunk | null = null;
    const settleWriting = async (): Promise<boolean> => {
      const chunk = writing;
      writing = null;
      if (chunk === null) return true;
      if (!(await chunk.recorded)) return false;
      settle(chunk.segment, chunk.to);
      return true;
    };
    while (!stopping) {
      // The first segment with something to read, or unsealed (more may come), or done and not being written.
      const segment = queue.find((s) => s.readAt < s.end || !s.sealed || s !== writing?.segment);
      if (segment === undefined || (segment.readAt >= segment.end && !segment.sealed)) break;
      if (segment.readAt >= segment.end) {
        settle(segment, segment.end);
        continue;
      }
      const { records, buffer } = nextRecords(segment);
      const uninstalls = records.some((r) => r.name === "installation");
      if ((uninstalls || writing?.uninstalls) && !(await settleWriting())) return;
      // Once its deliveries are recorded (or the projector stopped), nothing reads the chunk's buffer.
      const recorded = projectAll(records).finally(() => buffer && buffers.give(buffer));
      const chunk: Chunk = { segment, to: segment.readAt, uninstalls, recorded };
      if (!(await settleWriting())) {
        await chunk.recorded;
        return;
      }
      writing = chunk;
    }
    await settleWriting();
  }

  const run = () => {
    running ??= pump().then(
      () => {
        running = null;
        // Fed while the last chunk was being recorded.
        if (!stopping && queue.some((s) => s.readAt < s.end || s.sealed)) run();
      },
      (error: unknown) => deps.log.error({ err: error }, "the webhook inbox stopped recording (its deliveries stay in it): restart the app to replay it"),
    );
  };

  return {
    feed(feed) {
      const queued = queue.find((s) => s.path === feed.path);
      if (queued) {
        queued.end = Math.max(queued.end, feed.end);
        queued.sealed ||= feed.sealed;
      } else queue.push({ ...feed, offset: feed.from, readAt: feed.from });
      run();
    },
    async close() {
      stopping = true;
      for (const wake of sleeping) wake();
      await running;
      for (const segment of queue) if (segment.fd !== undefined) closeSync(segment.fd);
    },
  };
}
