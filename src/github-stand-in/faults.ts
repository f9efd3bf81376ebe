import { errorReply, type Reply } from "./replies.js";

export interface Fault {
  /** Any method when omitted. */
  method?: string;
  /** Tested against the decoded path without `/api/v3` and without the query; any path when omitted. */
  path?: RegExp;
  status: number;
  /** How many matching requests fail; default 1. */
  times?: number;
  /** E.g. `{ "retry-after": 1 }` or `{ "x-ratelimit-remaining": 0, "x-ratelimit-reset": <epoch seconds> }`. */
  headers?: Record<string, string | number>;
  /** The error message; defaults to GitHub's for the status. */
  message?: string;
  /** Handle the request first (its effect lands), then answer with the fault: a response lost after GitHub acted. */
  afterHandling?: boolean;
}

const MESSAGES: Record<number, string> = {
  403: "API rate limit exceeded for installation.",
  404: "Not Found",
  429: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
  500: "Server Error",
  502: "Bad Gateway",
};

export interface TakenFault {
  reply: Reply;
  afterHandling: boolean;
}

export class FaultQueue {
  private readonly pending: { fault: Fault; left: number }[] = [];

  add(fault: Fault): void {
    const times = fault.times ?? 1;
    if (fault.status < 400 || !Number.isInteger(times) || times < 1) {
      throw new Error(`GitHub stand-in: failNext needs an error status (400-599) and times >= 1, got status ${fault.status}, times ${times}`);
    }
    this.pending.push({ fault, left: times });
  }

  /** The first pending fault that matches the request, used up once. */
  take(method: string, path: string): TakenFault | undefined {
    const entry = this.pending.find(({ fault }) => (!fault.method || fault.method.toUpperCase() === method) && (!fault.path || fault.path.test(path)));
    if (!entry) return undefined;
    entry.left -= 1;
    if (entry.left === 0) this.pending.splice(this.pending.indexOf(entry), 1);
    const { status, headers = {}, message = MESSAGES[status] ?? "Error", afterHandling = false } = entry.fault;
    const textHeaders = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)]));
    return { reply: errorReply(status, message, textHeaders), afterHandling };
  }
}
