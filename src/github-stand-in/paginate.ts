import type { RouteRequest } from "./request.js";

export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

/** GitHub's page-number pagination: `per_page` (capped at 100), `page`, and a Link header with first/prev/next/last. */
export function paginate<T>(items: T[], req: RouteRequest, defaultPerPage = 30): Page<T> {
  const requested = Number(req.query.get("per_page"));
  const perPage = req.query.has("per_page") && requested > 0 ? Math.min(requested, 100) : defaultPerPage;
  const page = Math.max(1, Number(req.query.get("page")) || 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const pageItems = items.slice((page - 1) * perPage, page * perPage);

  const links: string[] = [];
  const link = (target: number, rel: string) => {
    const url = new URL(req.url);
    url.searchParams.set("page", String(target));
    links.push(`<${url.href}>; rel="${rel}"`);
  };
  if (page > 1) link(page - 1, "prev");
  if (page < lastPage) link(page + 1, "next");
  if (page < lastPage) link(lastPage, "last");
  if (page > 1) link(1, "first");
  return { items: pageItems, headers: links.length > 0 ? { link: links.join(", ") } : {} };
}
