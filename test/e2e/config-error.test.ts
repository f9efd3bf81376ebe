import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { fixtureConfig } from "../fixtures/configs.js";
import { type TestDatabase, testDatabases } from "../support/test-databases.js";
import { startWorld, type World } from "../support/world.js";
import { webhookPayload } from "../fixtures/webhooks.js";

const installation = { id: 1, node_id: "MDIzOkludGVncmF0aW9uMQ==" };

/** A push to acme/.github that touches the config file (a real example, moved there). */
function configPush() {
  const payload = webhookPayload("push", {});
  payload.ref = "refs/heads/main";
  payload.repository.name = ".github";
  payload.repository.full_name = "acme/.github";
  payload.commits = [{ ...payload.head_commit!, id: "c0ffee", modified: [".github/handoff.yml"], added: [], removed: [] }];
  return { ...payload, installation };
}

describe.each(testDatabases())("configuration errors end to end on %s", (_kind, make) => {
  let database: TestDatabase;
  let world: World;

  beforeEach(async () => {
    database = make();
    world = await startWorld(database, { config: fixtureConfig("invalid"), receivedAt: "2026-10-29T12:00:00.000Z" });
    world.gh.addInstallation({ id: 2, account: "globex" });
    world.gh.addRepo("globex/.github", { files: { ".github/handoff.yml": fixtureConfig("acme") } });
    world.gh.addRepo("globex/handoff");
  });
  afterEach(async () => {
    await world.close();
    await database.dispose();
  });

  it("opens one issue listing every problem, keeps other installations working, and closes it once the file is fixed", async () => {
    const { app, gh } = world;
    const reports = await app.tick("2026-10-29T15:30:00Z");
    expect(reports.map((r) => ("config" in r ? [r.account, r.config] : r))).toEqual([
      ["acme", "invalid"],
      ["globex", "valid"],
    ]);
    const [issue] = gh.issues("acme/.github");
    expect(gh.issues("acme/.github")).toHaveLength(1);
    expect(issue!.title).toBe("Handoff configuration error");
    expect(issue!.body).toContain("<!-- handoff:config-error -->");
    expect(issue!.body).toContain('`contractors[0].timezone: "Asia/Jakarta2" is not an IANA time zone`');
    expect(issue!.body).toContain("`team.digest_tme: unknown key (check its spelling and level)`");
    expect(gh.issues("acme/handoff")).toEqual([]);

    // The cached config is not read again on the next tick; a push to the file makes it read again.
    await app.tick("2026-10-29T15:45:00Z");
    expect(gh.issues("acme/.github")).toHaveLength(1);
    gh.setFile("acme/.github", ".github/handoff.yml", fixtureConfig("acme"));
    expect(await app.send("push", configPush())).toBe(200);
    const [fixed] = await app.tick("2026-10-29T16:00:00Z");
    expect(fixed).toMatchObject({ account: "acme", config: "valid" });
    expect(gh.issues("acme/.github").map((i) => i.state)).toEqual(["closed"]);
    expect(gh.unhandled).toEqual([]);
  });

  it("after a reinstall purged the store, updates the issue still open on GitHub instead of opening a second, and closes it once fixed", async () => {
    const { app, gh } = world;
    await app.tick("2026-10-29T15:30:00Z");
    const [first] = gh.issues("acme/.github");
    expect(first!.state).toBe("open");

    // Uninstalled and installed again: the store forgets the issue; the file is now wrong in other ways.
    const uninstall = webhookPayload("installation.deleted", { installation: { id: 1 } });
    expect(await app.send("installation", uninstall)).toBe(200);
    gh.setFile("acme/.github", ".github/handoff.yml", fixtureConfig("unknown-keys"));
    const [again] = await app.tick("2026-10-29T16:00:00Z");
    expect(again).toMatchObject({ account: "acme", config: "invalid" });
    const [updated, ...others] = gh.issues("acme/.github");
    expect(others).toEqual([]);
    expect(updated).toMatchObject({ number: first!.number, state: "open", title: "Handoff configuration error" });
    expect(updated!.body).toContain("<!-- handoff:config-error -->");
    expect(updated!.body).toContain("`digest.close_previos: unknown key (check its spelling and level)`");
    expect(updated!.body).not.toContain("Asia/Jakarta2");
    expect(gh.requests.filter((r) => r.method === "POST" && r.path === "/repos/acme/.github/issues")).toHaveLength(1);

    gh.setFile("acme/.github", ".github/handoff.yml", fixtureConfig("acme"));
    expect(await app.send("push", configPush())).toBe(200);
    const [fixed] = await app.tick("2026-10-29T16:15:00Z");
    expect(fixed).toMatchObject({ account: "acme", config: "valid" });
    expect(gh.issues("acme/.github").map((i) => [i.number, i.state])).toEqual([[first!.number, "closed"]]);
    expect(gh.unhandled).toEqual([]);
  });
});
