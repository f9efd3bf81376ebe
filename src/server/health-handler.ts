import type { IncomingMessage, ServerResponse } from "node:http";
import { pingStore } from "../store/ping-store.js";
import type { Db } from "../store/schema.js";

/** GET /healthz: 200 when the store answers, 503 otherwise. */
export function healthHandler(db: Db) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/healthz") return false;
    try {
      await pingStore(db);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "ok" }));
    } catch (error) {
      res.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify({ status: "store unavailable", error: String(error) }));
    }
    return true;
  };
}
