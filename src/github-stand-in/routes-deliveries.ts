import { notFound, type Reply } from "./replies.js";
import { numberParam, type RouteRequest } from "./request.js";
import { route } from "./router.js";
import type { HookDelivery } from "./state.js";

function deliveryJson(delivery: HookDelivery) {
  const ok = delivery.status_code >= 200 && delivery.status_code < 300;
  return {
    action: null,
    redelivery: false,
    installation_id: null,
    repository_id: null,
    ...delivery,
    status: ok ? "OK" : `Invalid HTTP Response: ${delivery.status_code}`,
    duration: 0.1,
    throttled_at: null,
  };
}

/** Newest first, with GitHub's cursor pagination: `cursor=v1_<id>` continues after that delivery. */
function listDeliveries(req: RouteRequest): Reply {
  const newestFirst = [...req.state.deliveries].sort(
    (a, b) => Date.parse(b.delivered_at) - Date.parse(a.delivered_at) || b.id - a.id,
  );
  const cursor = req.query.get("cursor");
  const after = cursor === null ? -1 : newestFirst.findIndex((delivery) => `v1_${delivery.id}` === cursor);
  if (cursor !== null && after === -1) return { status: 200, body: [] };
  const perPage = Math.min(Number(req.query.get("per_page")) || 30, 100);
  const page = newestFirst.slice(after + 1, after + 1 + perPage);

  const last = page.at(-1);
  if (!last || last === newestFirst.at(-1)) return { status: 200, body: page.map(deliveryJson) };
  const next = new URL(req.url);
  next.searchParams.set("cursor", `v1_${last.id}`);
  return { status: 200, body: page.map(deliveryJson), headers: { link: `<${next.href}>; rel="next"` } };
}

function redeliver(req: RouteRequest): Reply {
  const id = numberParam(req, "id");
  const delivery = req.state.deliveries.find((candidate) => candidate.id === id);
  if (!delivery) throw notFound();
  req.state.redeliveries.push({ id, guid: delivery.guid });
  return { status: 202, body: {} };
}

export const deliveryRoutes = [
  route("GET", "/app/hook/deliveries", listDeliveries),
  route("POST", "/app/hook/deliveries/:id/attempts", redeliver),
];
