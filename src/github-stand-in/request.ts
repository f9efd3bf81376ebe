import { notFound, validationFailed } from "./replies.js";
import type { StandInState } from "./state.js";

export interface RouteRequest {
  method: string;
  /** Path as sent (percent-encoded), without the `/api/v3` prefix and without the query. */
  path: string;
  /** The URL as requested (prefix included), for Link headers. */
  url: URL;
  params: Map<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  accept: string;
  state: StandInState;
}

export function param(req: RouteRequest, name: string): string {
  const value = req.params.get(name);
  if (value === undefined) throw new Error(`GitHub stand-in: route has no :${name}`);
  return value;
}

/** A positive integer path parameter; anything else is GitHub's 404. */
export function numberParam(req: RouteRequest, name: string): number {
  const value = param(req, name);
  if (!/^\d+$/.test(value)) throw notFound();
  return Number(value);
}

export function bodyString(req: RouteRequest, field: string, resource: string): string | undefined {
  const value = req.body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw validationFailed({ resource, code: "invalid", field });
  return value;
}

export function requiredBodyString(req: RouteRequest, field: string, resource: string): string {
  const value = bodyString(req, field, resource);
  if (value === undefined) throw validationFailed({ resource, code: "missing_field", field });
  return value;
}

/** GitHub accepts label and user lists as strings or as objects with a `name`/`login`. */
export function bodyNames(req: RouteRequest, field: string, resource: string): string[] | undefined {
  const value = req.body[field];
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw validationFailed({ resource, code: "invalid", field });
  return value.map((item: unknown) => {
    if (typeof item === "string") return item;
    if (typeof item === "object" && item !== null) {
      const named = (item as { name?: unknown; login?: unknown }).name ?? (item as { login?: unknown }).login;
      if (typeof named === "string") return named;
    }
    throw validationFailed({ resource, code: "invalid", field });
  });
}
