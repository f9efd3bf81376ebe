/** Responses in GitHub's shapes; handlers throw `GitHubError` to answer with an error. */

export interface Reply {
  status: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as text/plain instead of `body` (raw media type). */
  raw?: string;
  headers?: Record<string, string>;
}

const DOCUMENTATION_URL = "https://docs.github.com/rest";

export class GitHubError extends Error {
  constructor(readonly reply: Reply) {
    super(`GitHub stand-in: ${reply.status}`);
  }
}

export function errorReply(status: number, message: string, headers?: Record<string, string>): Reply {
  return { status, headers, body: { message, documentation_url: DOCUMENTATION_URL, status: String(status) } };
}

export function notFound(): GitHubError {
  return new GitHubError(errorReply(404, "Not Found"));
}

export interface ValidationError {
  resource: string;
  code: "missing_field" | "invalid" | "already_exists" | "custom";
  field: string;
  message?: string;
}

export function validationFailed(...errors: ValidationError[]): GitHubError {
  return new GitHubError({
    status: 422,
    body: { message: "Validation Failed", errors, documentation_url: DOCUMENTATION_URL, status: "422" },
  });
}
