/** What the fill child reports. */
export interface FilledWeek {
  events: number;
}

/** What the digest child reports. */
export interface DigestTickResult {
  /** The digest tick, less the time spent waiting on GitHub. */
  digestMs: number;
  githubWaitMs: number;
  /** Requests of the tick other than for a token or the config file. */
  githubCalls: number;
  reviewPrompts: number;
  /** Digest issue plus its continuation comments. */
  digestParts: number;
  /** The digest process's maximum resident set size. */
  peakRssMb: number;
  outcome: unknown;
}

/** The digest child's report, with the raw read of the rows the digest covered. */
export interface DigestResult extends DigestTickResult {
  /** The week's events, a push counting one per commit. */
  weekEvents: number;
  /** Rows the digest covered (a push is one row). */
  digestRows: number;
  /** Reading those rows raw in one query, median of three. */
  scanMs: number;
}
