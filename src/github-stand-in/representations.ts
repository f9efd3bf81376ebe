/** The JSON GitHub answers with, built from the stand-in's records. */
import { fullName, userNamed, type Comment, type Issue, type Label, type PullRequest, type Reaction, type Repo, type StandInState } from "./state.js";

function apiBase(state: StandInState, repo: Repo): string {
  return `${state.apiUrl}/repos/${fullName(repo)}`;
}

function htmlUrl(repo: Repo, issue: Issue): string {
  return `https://github.com/${fullName(repo)}/${issue.pull_request ? "pull" : "issues"}/${issue.number}`;
}

export function repoJson(state: StandInState, repo: Repo) {
  const accountType = state.installations.find((i) => i.account.toLowerCase() === repo.owner.toLowerCase())?.accountType;
  return {
    id: repo.id,
    node_id: `R_${repo.id}`,
    name: repo.name,
    full_name: fullName(repo),
    owner: { login: repo.owner, id: userNamed(state, repo.owner).id, type: accountType ?? "Organization" },
    private: false,
    default_branch: repo.defaultBranch,
    html_url: `https://github.com/${fullName(repo)}`,
    url: apiBase(state, repo),
  };
}

export function labelJson(state: StandInState, repo: Repo, label: Label) {
  const { id, name, color, description } = label;
  const url = `${apiBase(state, repo)}/labels/${encodeURIComponent(name)}`;
  return { id, node_id: `LA_${id}`, url, name, color, default: false, description };
}

export function issueJson(state: StandInState, repo: Repo, issue: Issue) {
  const url = `${apiBase(state, repo)}/issues/${issue.number}`;
  const labels = repo.labels.filter((label) => issue.labels.includes(label.name));
  const assignees = issue.assignees.map((login) => userNamed(state, login));
  const pull = issue.pull_request;
  return {
    id: issue.id,
    node_id: `I_${issue.id}`,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    state_reason: issue.state_reason,
    locked: false,
    user: issue.user,
    labels: labels.map((label) => labelJson(state, repo, label)),
    assignee: assignees[0] ?? null,
    assignees,
    comments: issue.comments.length,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    author_association: "NONE",
    url,
    repository_url: apiBase(state, repo),
    comments_url: `${url}/comments`,
    html_url: htmlUrl(repo, issue),
    ...(pull && {
      draft: pull.draft,
      pull_request: {
        url: `${apiBase(state, repo)}/pulls/${issue.number}`,
        html_url: htmlUrl(repo, issue),
        diff_url: `${htmlUrl(repo, issue)}.diff`,
        patch_url: `${htmlUrl(repo, issue)}.patch`,
        merged_at: pull.merged_at,
      },
    }),
  };
}

export function commentJson(state: StandInState, repo: Repo, issue: Issue, comment: Comment) {
  return {
    id: comment.id,
    node_id: `IC_${comment.id}`,
    body: comment.body,
    user: comment.user,
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    author_association: "NONE",
    url: `${apiBase(state, repo)}/issues/comments/${comment.id}`,
    html_url: `${htmlUrl(repo, issue)}#issuecomment-${comment.id}`,
    issue_url: `${apiBase(state, repo)}/issues/${issue.number}`,
  };
}

export function reactionJson(reaction: Reaction) {
  return { ...reaction, node_id: `REA_${reaction.id}` };
}

export function teamJson(slug: string) {
  return { slug, name: slug };
}

export function pullJson(state: StandInState, repo: Repo, pr: PullRequest) {
  const { head, base, draft, merged_at, requested_reviewers, requested_teams } = pr.pull_request;
  const issue = issueJson(state, repo, pr);
  return {
    id: pr.id,
    node_id: `PR_${pr.id}`,
    number: pr.number,
    state: pr.state,
    title: pr.title,
    body: pr.body,
    user: pr.user,
    labels: issue.labels,
    draft,
    head: { ref: head.ref, sha: head.sha, label: `${repo.owner}:${head.ref}`, repo: repoJson(state, repo) },
    base: { ref: base.ref, label: `${repo.owner}:${base.ref}`, repo: repoJson(state, repo) },
    requested_reviewers: requested_reviewers.map((login) => userNamed(state, login)),
    requested_teams: requested_teams.map(teamJson),
    merged: merged_at !== null,
    merged_at,
    closed_at: pr.closed_at,
    created_at: pr.created_at,
    updated_at: pr.updated_at,
    url: `${apiBase(state, repo)}/pulls/${pr.number}`,
    html_url: htmlUrl(repo, pr),
    issue_url: issue.url,
    comments_url: issue.comments_url,
  };
}
