import type { Reply } from "./replies.js";
import type { RouteRequest } from "./request.js";

export type Handler = (req: RouteRequest) => Reply;

export interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

/** `path` segments: `:name` matches one segment, `*name` the rest of the path (slashes included). */
export function route(method: string, path: string, handler: Handler): Route {
  const names: string[] = [];
  const source = path.replace(/[:*](\w+)/g, (whole, name: string) => {
    names.push(name);
    return whole.startsWith("*") ? "(.+)" : "([^/]+)";
  });
  return { method, pattern: new RegExp(`^${source}$`), names, handler };
}

export function matchRoute(
  routes: Route[],
  method: string,
  path: string,
): { handler: Handler; params: Map<string, string> } | undefined {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    const params = new Map(candidate.names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? "")]));
    return { handler: candidate.handler, params };
  }
  return undefined;
}
