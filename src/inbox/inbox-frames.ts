/** A delivery as the webhook route received it: its headers' id and event name, when, and the raw body. */
export interface InboxRecord {
  id: string;
  name: string;
  receivedAt: string;
  body: Buffer;
}

// A frame: the head's length and the body's (32-bit little-endian), the head as JSON, then the body as received.
const PREFIX = 8;

/** One record as the two pieces of its frame, the body not copied: written to the inbox in one call. */
export function framePieces(record: InboxRecord): [Buffer, Buffer] {
  const head = JSON.stringify({ id: record.id, name: record.name, receivedAt: record.receivedAt });
  const headLength = Buffer.byteLength(head);
  const start = Buffer.allocUnsafe(PREFIX + headLength);
  start.writeUInt32LE(headLength, 0);
  start.writeUInt32LE(record.body.length, 4);
  start.write(head, PREFIX);
  return [start, record.body];
}

export const encodeFrame = (record: InboxRecord): Buffer => Buffer.concat(framePieces(record));

/** The length of the frame starting at `at`, once its prefix is in `bytes`. */
export function frameLength(bytes: Buffer, at: number): number | undefined {
  if (bytes.length - at < PREFIX) return undefined;
  return PREFIX + bytes.readUInt32LE(at) + bytes.readUInt32LE(at + 4);
}

/** The whole frames at the start of `bytes`, and how many bytes they take; a frame cut short is left for later. */
export function decodeFrames(bytes: Buffer): { records: InboxRecord[]; consumed: number } {
  const records: InboxRecord[] = [];
  let at = 0;
  for (let length = frameLength(bytes, at); length !== undefined && at + length <= bytes.length; length = frameLength(bytes, at)) {
    const headEnd = at + PREFIX + bytes.readUInt32LE(at);
    const head = JSON.parse(bytes.toString("utf8", at + PREFIX, headEnd)) as Omit<InboxRecord, "body">;
    records.push({ ...head, body: bytes.subarray(headEnd, at + length) });
    at += length;
  }
  return { records, consumed: at };
}
