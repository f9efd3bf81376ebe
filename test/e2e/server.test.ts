import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sendWebhook, type GitHubStandIn } from "../../src/github-stand-in/index.js";
import { openDatabase } from "../../src/store/open-database.js";
import { fixtureConfig } from "../fixtures/configs.js";
import { startAcmeStandIn } from "../support/world.js";
import { branchPushPayload } from "../fixtures/webhooks.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

/** `npm start` as deployed: src/index.ts with Probot's env settings, pointed at the GitHub stand-in. */
describe("the server (npm start)", () => {
  let gh: GitHubStandIn;
  let server: ChildProcess;
  let dir: string;
  let url: string;
  let output = "";

  beforeAll(async () => {
    gh = await startAcmeStandIn(fixtureConfig("acme"));
    dir = mkdtempSync(join(tmpdir(), "handoff-server-"));
    const port = 30_000 + Math.floor(Math.random() * 20_000);
    server = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
      cwd: root,
      env: {
        ...process.env,
        NODE_OPTIONS: "",
        APP_ID: "1",
        PRIVATE_KEY: privateKey,
        WEBHOOK_SECRET: "server-secret",
        GHE_HOST: gh.host,
        GHE_PROTOCOL: "http",
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: join(dir, "handoff.sqlite"),
        HANDOFF_TICK_SECONDS: "3600",
        LOG_LEVEL: "info",
        LOG_FORMAT: "json",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (chunk) => (output += String(chunk)));
    server.stderr!.on("data", (chunk) => (output += String(chunk)));
    url = `http://127.0.0.1:${port}`;
    const up = () => fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    for (let i = 0; i < 100 && !(await up()); i++) await new Promise((r) => setTimeout(r, 200));
  }, 60_000);
  afterAll(async () => {
    if (server.exitCode === null) server.kill("SIGKILL");
    await gh.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers /healthz, records a signed webhook, ticks at start-up, and stops cleanly on SIGTERM", async () => {
    const health = await fetch(`${url}/healthz`);
    expect([health.status, await health.json()]).toEqual([200, { status: "ok" }]);

    const push = { ...branchPushPayload(), installation: { id: 1, node_id: "x" } };
    const delivery = await sendWebhook({ url: `${url}/api/github/webhooks`, secret: "server-secret", name: "push", payload: push });
    expect(delivery.status).toBe(200);
    const forged = await sendWebhook({ url: `${url}/api/github/webhooks`, secret: "wrong", name: "push", payload: push });
    expect(forged.status).toBe(400);

    // The scheduler's first tick runs at start-up: it lists the installations and reads the config.
    const read = () => gh.requests.some((r) => r.path === "/repos/acme/.github/contents/.github/handoff.yml");
    for (let i = 0; i < 100 && !read(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(gh.requests.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(["GET /app/installations", "GET /repos/acme/.github/contents/.github/handoff.yml"]),
    );

    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    server.kill("SIGTERM");
    expect(await exited).toBe(0);

    // The acknowledged delivery is in the store the process closed.
    const db = openDatabase({ kind: "sqlite", location: join(dir, "handoff.sqlite") });
    const rows = await db.selectFrom("deliveries").select("delivery_id").execute();
    await db.destroy();
    expect(rows).toEqual([{ delivery_id: delivery.deliveryId }]);
  }, 60_000);
});
