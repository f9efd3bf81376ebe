import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Marked, type TokenizerAndRendererExtension } from "marked";

const require = createRequire(import.meta.url);
const MARKDOWN_CSS = readFileSync(require.resolve("github-markdown-css/github-markdown-light.css"), "utf8");

/** `@login` and `@org/team` as GitHub shows them; a neutralised mention ("@\u200Bname") is left as text. */
const mention: TokenizerAndRendererExtension = {
  name: "mention",
  level: "inline",
  start: (src) => {
    const at = src.search(/(?:^|[^\w`])@[A-Za-z0-9]/);
    return at < 0 ? undefined : src[at] === "@" ? at : at + 1;
  },
  tokenizer(src) {
    const match = /^@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\/[A-Za-z0-9-]+)?)/.exec(src);
    return match ? { type: "mention", raw: match[0], login: match[1] } : undefined;
  },
  renderer: (token) => `<a class="user-mention" href="#">@${String(token.login)}</a>`,
};

// GitHub renders a line break in an issue or comment as a line break.
const markdown = new Marked({ gfm: true, breaks: true, extensions: [mention] });

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export interface CommentPage {
  /** "acme/handoff" */
  repo: string;
  number: number;
  /** The issue or pull request the comment is on. */
  title: string;
  /** The issue itself rather than a comment on it. */
  isIssue: boolean;
  /** "Wed 28 Oct 2026" */
  date: string;
  labels?: string[];
  body: string;
}

/** A page that shows one post of the app the way GitHub shows it: the issue's title bar, then the comment box. */
export function commentPage(page: CommentPage): string {
  const labels = (page.labels ?? []).map((label) => `<span class="label">${escape(label)}</span>`).join(" ");
  return `<!doctype html>
<html><head><meta charset="utf-8"><style>
${MARKDOWN_CSS}
body { margin: 0; background: #fff; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", "Liberation Sans", Helvetica, Arial, sans-serif; color: #1f2328; }
.frame { width: 860px; padding: 24px; box-sizing: border-box; background: #fff; }
.repo { font-size: 14px; color: #59636e; margin-bottom: 6px; }
.title { font-size: 26px; font-weight: 400; margin: 0 0 8px; line-height: 1.25; }
.title .number { color: #59636e; font-weight: 300; }
.meta { font-size: 14px; color: #59636e; padding-bottom: 16px; margin-bottom: 16px; border-bottom: 1px solid #d1d9e0; display: flex; gap: 8px; align-items: center; }
.state { background: #1f883d; color: #fff; border-radius: 2em; padding: 4px 12px; font-weight: 500; }
.label { background: #ededed; color: #1f2328; border-radius: 2em; padding: 0 8px; font-size: 12px; font-weight: 500; line-height: 20px; border: 1px solid #d1d9e0; }
.comment { display: flex; gap: 12px; align-items: flex-start; }
.avatar { flex: none; width: 40px; height: 40px; border-radius: 8px; background: linear-gradient(135deg, #0969da, #8250df); color: #fff; font-weight: 600; font-size: 18px; display: flex; align-items: center; justify-content: center; }
.box { flex: 1; min-width: 0; border: 1px solid #d1d9e0; border-radius: 6px; }
.box-header { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0; padding: 8px 16px; font-size: 14px; color: #59636e; }
.box-header strong { color: #1f2328; }
.bot { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 7px; font-size: 12px; font-weight: 500; margin: 0 4px; }
.markdown-body { padding: 16px; font-size: 14px; }
.markdown-body .user-mention { font-weight: 600; color: #1f2328; text-decoration: none; }
</style></head><body><div class="frame">
<div class="repo">${escape(page.repo)}</div>
<h1 class="title">${escape(page.title)} <span class="number">#${page.number}</span></h1>
<div class="meta"><span class="state">Open</span>${labels}</div>
<div class="comment"><div class="avatar">H</div><div class="box">
<div class="box-header"><strong>handoff-digest</strong><span class="bot">bot</span> ${page.isIssue ? "opened this issue" : "commented"} on ${escape(page.date)}</div>
<article class="markdown-body">${markdown.parse(page.body) as string}</article>
</div></div>
</div></body></html>`;
}
