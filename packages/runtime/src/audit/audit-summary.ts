import type { AuditEntry, AuditOutcome } from "./audit-entry.ts"

/** What a review looks at first: how many entries, by outcome and by post. */
export interface AuditSummary {
  readonly entries: number
  readonly byOutcome: Readonly<Record<AuditOutcome, number>>
  /** Entries per post, most first; entries with no post (a timer, an approval) under `(none)`. */
  readonly byPost: ReadonlyArray<{ readonly post: string; readonly entries: number }>
}

/** The summary of entries, built page by page: start from `emptyAuditSummary`. */
export const summarizeAudit = (
  entries: ReadonlyArray<AuditEntry>,
  previous: AuditSummary = emptyAuditSummary,
): AuditSummary => {
  const byOutcome = { ...previous.byOutcome }
  const byPost = new Map(previous.byPost.map((row) => [row.post, row.entries]))
  for (const entry of entries) {
    byOutcome[entry.outcome] += 1
    const post = entry.post ?? "(none)"
    byPost.set(post, (byPost.get(post) ?? 0) + 1)
  }
  return {
    entries: previous.entries + entries.length,
    byOutcome,
    byPost: [...byPost]
      .map(([post, count]) => ({ post, entries: count }))
      .sort((a, b) => b.entries - a.entries || a.post.localeCompare(b.post)),
  }
}

/** No entries yet. */
export const emptyAuditSummary: AuditSummary = {
  entries: 0,
  byOutcome: { accepted: 0, refused: 0, failed: 0 },
  byPost: [],
}

/** The summary as one line, as `tixi audit` ends with it. */
export const formatAuditSummary = (summary: AuditSummary): string =>
  `${summary.entries} entries: ${summary.byOutcome.accepted} accepted, ${summary.byOutcome.refused} refused, ${summary.byOutcome.failed} failed; by post: ${
    summary.byPost.length === 0
      ? "none"
      : summary.byPost.map((row) => `${row.post} ${row.entries}`).join(", ")
  }`

/** Entries as a table for a terminal, one line each. */
export const formatAuditTable = (entries: ReadonlyArray<AuditEntry>): ReadonlyArray<string> =>
  entries.map((entry) =>
    [
      String(entry.sequence).padStart(6),
      new Date(entry.at).toISOString(),
      entry.kind.padEnd(8),
      entry.outcome.padEnd(8),
      `${entry.personId ?? "-"}@${entry.post ?? "-"}`,
      `${entry.process ?? "-"}/${entry.instanceId ?? "-"}`,
      entry.commandType ?? (entry.field === undefined ? "-" : `${entry.field} (${entry.level ?? "?"})`),
      entry.refusal === undefined ? "" : `${entry.refusal}: ${entry.reason ?? ""}`,
    ].join("  "),
  )
