/** Reading requests and writing replies with node:http. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Reply } from "./replies.js";

/** Percent-decoded, or as given when malformed. */
export function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The JSON object sent, `{}` for an empty body, undefined when it is not a JSON object. */
export async function readBody(incoming: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function send(outgoing: ServerResponse, reply: Reply): void {
  const headers = reply.headers ?? {};
  if (reply.raw !== undefined) {
    outgoing.writeHead(reply.status, { ...headers, "content-type": "text/plain; charset=utf-8" }).end(reply.raw);
  } else if (reply.body === undefined) {
    outgoing.writeHead(reply.status, headers).end();
  } else {
    outgoing.writeHead(reply.status, { ...headers, "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(reply.body));
  }
}
