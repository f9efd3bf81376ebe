/** What went wrong in a tick, and whether waiting for the next tick can fix it. */
export interface Failure {
  /** No permission, a missing repository, a rejected request: retrying will not help until someone acts. */
  permanent: boolean;
  message: string;
}

interface RequestErrorLike {
  status?: number;
  message?: string;
  request?: { method?: string; url?: string };
  response?: { headers?: Record<string, string | undefined>; data?: { message?: string } };
}

const isRateLimit = (e: RequestErrorLike) =>
  e.status === 429 || (e.status === 403 && (e.response?.headers?.["x-ratelimit-remaining"] === "0" || /rate limit/i.test(e.response?.data?.message ?? e.message ?? "")));

/** Turns an Octokit error into an instruction for the person who installed the app. */
export function describeFailure(error: unknown): Failure {
  const e = (error ?? {}) as RequestErrorLike;
  const where = e.request?.method && e.request.url ? `${e.request.method} ${e.request.url.replace(/^https?:\/\/[^/]+(\/api\/v3)?/, "")}` : "";
  const said = e.response?.data?.message ?? e.message ?? String(error);
  if (e.status === undefined || e.status >= 500 || isRateLimit(e)) {
    return { permanent: false, message: `${where ? `${where}: ` : ""}${said}; retried at the next tick` };
  }
  const fix =
    e.status === 404
      ? "the repository does not exist or the app is not installed on it: create it, or give the app access to it in the installation settings (digest.repository in .github/handoff.yml)"
      : e.status === 401 || e.status === 403
        ? "the app lacks a permission: accept the permissions of app.yml (Issues: write, Pull requests: read, Contents: read, Checks: write) in the installation settings"
        : "GitHub rejected the request";
  return { permanent: true, message: `${where}: ${e.status} ${said}: ${fix}` };
}
