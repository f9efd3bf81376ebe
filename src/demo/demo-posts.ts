import type { GitHubStandIn, Issue } from "../github-stand-in/index.js";

export type PostKind = "digest" | "digest-part" | "log-issue" | "reminder" | "review-prompt" | "brief" | "days-off-reply" | "config-error" | "other";

/** One issue or comment the app posted. */
export interface AppPost {
  kind: PostKind;
  /** When GitHub created it (UTC ISO). */
  at: string;
  /** GitHub's id of the issue or comment: ids grow in creation order. */
  id: number;
  repo: string;
  number: number;
  /** Set for a comment; unset for the issue itself. */
  commentId?: number;
  /** The contractor it is for: the login of a reminder, brief or log issue, the author of a prompted pull request. */
  login?: string;
  /** The `date=` or `day=` of its marker. */
  date?: string;
  /** Title of the issue or pull request it is (on). */
  title: string;
  body: string;
}

const KINDS: Record<string, PostKind> = {
  digest: "digest",
  "digest-part": "digest-part",
  log: "log-issue",
  "eod-reminder": "reminder",
  "review-prompt": "review-prompt",
  brief: "brief",
  "days-off": "days-off-reply",
  "config-error": "config-error",
};

function classify(body: string): { kind: PostKind; attributes: Map<string, string> } {
  const marker = /^<!-- handoff:([a-z-]+)((?: [a-z]+=\S+)*) -->/.exec(body);
  const attributes = new Map([...(marker?.[2] ?? "").matchAll(/([a-z]+)=(\S+)/g)].map((match) => [match[1]!, match[2]!]));
  return { kind: (marker && KINDS[marker[1]!]) ?? "other", attributes };
}

const logOwner = (issue: Issue): string | undefined => /^Handoff log: (\S+)$/.exec(issue.title)?.[1];

/** Every issue and comment the app (a Bot) posted in `repos`, oldest first. */
export function appPosts(gh: GitHubStandIn, repos: readonly string[]): AppPost[] {
  const posts = repos.flatMap((repo) =>
    [...gh.issues(repo), ...gh.pullRequests(repo)].flatMap((issue): AppPost[] => {
      const forWhom = issue.pull_request ? issue.user.login : logOwner(issue);
      const post = (body: string, at: string, id: number, commentId?: number): AppPost => {
        const { kind, attributes } = classify(body);
        const login = attributes.get("login") ?? forWhom;
        const date = attributes.get("date") ?? attributes.get("day");
        return { kind, at, id, repo, number: issue.number, title: issue.title, body, ...(commentId !== undefined && { commentId }), ...(login && { login }), ...(date && { date }) };
      };
      const own = issue.user.type === "Bot" ? [post(issue.body ?? "", issue.created_at, issue.id)] : [];
      const comments = gh.comments(repo, issue.number).filter((comment) => comment.user.type === "Bot").map((comment) => post(comment.body, comment.created_at, comment.id, comment.id));
      return [...own, ...comments];
    }),
  );
  return posts.sort((a, b) => a.id - b.id);
}

export type PostCounts = Record<PostKind, number>;

export function countPosts(posts: readonly AppPost[]): PostCounts {
  const counts = Object.fromEntries(Object.values(KINDS).concat("other").map((kind) => [kind, 0])) as PostCounts;
  for (const post of posts) counts[post.kind] += 1;
  return counts;
}
