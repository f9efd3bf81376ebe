import type { Db } from "./schema.js";

const CURRENT = "log:";
const RETIRED = "log-retired:";

/** The post key of a contractor's current log issue. */
export const logIssueKey = (login: string): string => `${CURRENT}${login.toLowerCase()}`;

export interface LogIssueRecord {
  /** Lower case, as in the key. */
  login: string;
  number: number;
  url: string;
  /** "owner/name" */
  repo: string;
  /** False for an issue that was closed (or deleted) and replaced: its comments still count. */
  current: boolean;
  /** The stored detail as written, so that retiring it cannot retire a newer issue. */
  detail: string;
}

/** Every log issue the app opened for the installation, current and retired. */
export async function recordedLogIssues(db: Db, installationId: number): Promise<LogIssueRecord[]> {
  const rows = await db
    .selectFrom("posts")
    .select(["key", "detail"])
    .where("installation_id", "=", installationId)
    .where("state", "=", "posted")
    .where((eb) => eb.or([eb("key", "like", `${CURRENT}%`), eb("key", "like", `${RETIRED}%`)]))
    .orderBy("key")
    .execute();
  return rows.flatMap((row) => {
    const { number, url, repo } = JSON.parse(row.detail) as { number?: unknown; url?: unknown; repo?: unknown };
    if (typeof number !== "number" || typeof repo !== "string") return [];
    const current = row.key.startsWith(CURRENT);
    const login = current ? row.key.slice(CURRENT.length) : row.key.slice(RETIRED.length).split(":")[0]!;
    return [{ login, number, url: String(url ?? ""), repo, current, detail: row.detail }];
  });
}

/**
 * Moves a closed or deleted log issue out of the way, so that `log:<login>` can be posted afresh. Only the
 * record as read is moved: when another replica has already replaced it, nothing changes.
 */
export async function retireLogIssue(db: Db, installationId: number, record: LogIssueRecord): Promise<void> {
  await db
    .updateTable("posts")
    .set({ key: `${RETIRED}${record.login}:${record.number}` })
    .where("installation_id", "=", installationId)
    .where("key", "=", logIssueKey(record.login))
    .where("state", "=", "posted")
    .where("detail", "=", record.detail)
    .execute();
}

/** Keys of the finished posts whose key starts with `prefix`. */
export async function finishedPostKeys(db: Db, installationId: number, prefix: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("posts")
    .select("key")
    .where("installation_id", "=", installationId)
    .where("key", "like", `${prefix}%`)
    .where("state", "in", ["posted", "skipped"])
    .execute();
  return new Set(rows.map((row) => row.key));
}
