import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApplicationFunction, createNodeMiddleware, type Probot } from "probot";
import { DEFAULT_WEBHOOK_PATH } from "./webhook-receiver.js";

export interface RunningServer {
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves the app over HTTP: its own handlers first (the webhook route, /healthz), then Probot's. Probot's `run()`
 * would put Probot's webhook route before the app's, so the server is built from its middleware instead.
 */
export async function startServer(appFn: ApplicationFunction, probot: Probot, listen: { port: number; host?: string; webhookPath?: string; webhookProxy?: string }): Promise<RunningServer> {
  const middleware = await createNodeMiddleware(appFn, { probot });
  const server = createServer((req, res) => void middleware(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listen.port, listen.host, resolve);
  });
  const { address, port, family } = server.address() as AddressInfo;
  const url = `http://${family === "IPv6" ? `[${address}]` : address}:${port}`;
  probot.log.info(`Listening on ${url}`);
  if (listen.webhookProxy) {
    // Probot's run() starts a smee client for WEBHOOK_PROXY_URL; this server is not run() (see above).
    probot.log.warn(`WEBHOOK_PROXY_URL is set: forward its webhooks with \`npx smee-client --url ${listen.webhookProxy} --target ${url}${listen.webhookPath ?? DEFAULT_WEBHOOK_PATH}\``);
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
