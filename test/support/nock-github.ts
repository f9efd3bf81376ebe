import nock from "nock";

export const API = "https://api.github.com";

export interface PostedIssue {
  repo: string;
  title: string;
  body: string;
  labels: string[];
}

/**
 * Importing this module turns nock's interception on for the test file: stand-in tests must not import it.
 * nock scopes for the calls a tick makes: list installations, an installation token, the config file,
 * and issue creation, which records what was posted.
 */
export function githubMock(account = "acme", installationId = 1) {
  const scope = nock(API);
  const posted: PostedIssue[] = [];
  let nextNumber = 1;
  return {
    scope,
    posted,
    /** The sweep for missed webhook deliveries: nothing failed. */
    deliveries(times = 1) {
      scope.get("/app/hook/deliveries").query(true).times(times).reply(200, []);
      return this;
    },
    installations(times = 1) {
      scope.get("/app/installations").query(true).times(times).reply(200, [{ id: installationId, account: { login: account } }]);
      return this;
    },
    token() {
      scope.post(`/app/installations/${installationId}/access_tokens`).reply(201, { token: "test-token", expires_at: "2099-01-01T00:00:00Z" });
      return this;
    },
    config(text: string | null) {
      const path = `/repos/${account}/.github/contents/${encodeURIComponent(".github/handoff.yml")}`;
      if (text === null) scope.get(path).reply(404, { message: "Not Found" });
      else scope.get(path).reply(200, { type: "file", encoding: "base64", content: Buffer.from(text).toString("base64") });
      return this;
    },
    createIssue(repo: string) {
      // nock 15.0.0 on Node 20 hangs on a reply callback that takes the request body; a body matcher reads it fine.
      scope
        .post(`/repos/${account}/${repo}/issues`, (issue: { title: string; body: string; labels?: string[] }) => {
          posted.push({ repo, title: issue.title, body: issue.body, labels: issue.labels ?? [] });
          return true;
        })
        .reply(201, () => {
          const number = nextNumber++;
          return { number, html_url: `https://github.com/${account}/${repo}/issues/${number}` };
        });
      return this;
    },
  };
}
