/**
 * The projector's read buffers, each used again once the chunk read into it is recorded. A new buffer a chunk
 * costs first-touch page faults, and V8 counts it as external memory, which starts full collections of the
 * thread's heap (docs/performance.md).
 */
export interface ChunkBuffers {
  /** A buffer of the pool's size: one given back earlier, or a new one. */
  take(): Buffer;
  /** Gives back a buffer from `take` once nothing reads from it any more. */
  give(buffer: Buffer): void;
}

/** Keeps up to `keep` buffers of `size` bytes for the next chunks. */
export function chunkBuffers(size: number, keep: number): ChunkBuffers {
  const spare: Buffer[] = [];
  return {
    take: () => spare.pop() ?? Buffer.allocUnsafeSlow(size),
    give(buffer) {
      if (spare.length < keep) spare.push(buffer);
    },
  };
}
