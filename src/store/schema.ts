import type { Generated, Kysely } from "kysely";

/** Instants are stored as UTC ISO-8601 text ("2026-10-29T09:00:00.000Z") so they compare as strings on both databases. */
export interface InstallationTable {
  id: number;
  account: string;
  /** "unknown" until read, then "missing" | "invalid" | "valid". */
  config_state: string;
  /** The validated config (JSON) when valid. */
  config_json: string | null;
  /** The problems (JSON string[]) when invalid. */
  config_problems: string | null;
  /** Set by a push that touches the config file; the next tick reads it again. */
  config_dirty: number;
  config_read_at: string | null;
  /** When a valid config was first read: days that began earlier get no reminder and no "missing" line. */
  first_config_at: string | null;
  /** The last permanent failure (no permission, a missing repository), with what to fix; null once a tick succeeds. */
  last_problem: string | null;
  last_problem_at: string | null;
}

export interface DeliveryTable {
  delivery_id: string;
  installation_id: number;
  received_at: string;
}

export interface EventTable {
  id: Generated<number>;
  installation_id: number;
  key: string;
  kind: string;
  actor: string;
  repo: string;
  number: number | null;
  subject_author: string | null;
  occurred_at: string;
  recorded_at: string;
  url: string | null;
  data: string;
  /** A push's commits (JSON), apart from `data`: a digest reads them only for the pushes whose commits it shows. */
  commits: string | null;
  /** When the edit whose text `data` holds was made (the comment's `updated_at`); null as created. */
  edited_at: string | null;
}

export interface PostTable {
  installation_id: number;
  /** What is posted, e.g. "digest:2026-10-29", "digest:2026-10-29:part:2". */
  key: string;
  /** "claimed" | "posted" | "skipped" */
  state: string;
  attempts: number;
  lease_until: string;
  claimed_by: string;
  /** JSON: what the post decided (digest cut-off, covered window) and where it went (issue number, url). */
  detail: string;
  updated_at: string;
}

/** Pull request heads in the owner's `.github` repository whose config the next tick checks; deleted once handled. */
export interface ConfigCheckTable {
  installation_id: number;
  head_sha: string;
  /** "owner/.github" */
  repo: string;
  number: number;
  requested_at: string;
}

/** App-wide state shared by replicas, e.g. when the last sweep for missed deliveries ran. */
export interface AppStateTable {
  key: string;
  value: string;
}

export interface Database {
  installations: InstallationTable;
  deliveries: DeliveryTable;
  events: EventTable;
  posts: PostTable;
  app_state: AppStateTable;
  config_checks: ConfigCheckTable;
}

export type Db = Kysely<Database>;
