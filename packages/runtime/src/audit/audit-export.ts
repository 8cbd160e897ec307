import type { AuditEntry } from "./audit-entry.ts"

/** The columns of an export, in order: the entry's fields with `at` also as an ISO instant. */
export const auditColumns = [
  "sequence",
  "at",
  "time",
  "kind",
  "outcome",
  "personId",
  "post",
  "process",
  "instanceId",
  "commandType",
  "field",
  "level",
  "refusal",
  "reason",
] as const

const cellsOf = (entry: AuditEntry): Record<(typeof auditColumns)[number], string | number | undefined> => ({
  ...entry,
  time: new Date(entry.at).toISOString(),
})

/**
 * Entries as JSON Lines: one object per line, absent fields left out, Chinese kept as written
 * (JSON escapes only what it must), for log pipelines and SIEMs.
 */
export const auditJsonLines = (entries: ReadonlyArray<AuditEntry>): string =>
  entries.map((entry) => `${JSON.stringify(cellsOf(entry))}\n`).join("")

/** One CSV field as RFC 4180 quotes it: quoted when it holds a comma, quote, CR or LF. */
const csvField = (value: string | number | undefined): string => {
  const text = value === undefined ? "" : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * Entries as CSV (RFC 4180: CRLF line ends, a header row, quoted fields), UTF-8 with the Chinese
 * intact. `header: false` continues an export page by page.
 */
export const auditCsv = (
  entries: ReadonlyArray<AuditEntry>,
  options: { readonly header?: boolean } = {},
): string => {
  const lines = entries.map((entry) => {
    const cells = cellsOf(entry)
    return auditColumns.map((column) => csvField(cells[column])).join(",")
  })
  return [...(options.header === false ? [] : [auditColumns.join(",")]), ...lines]
    .map((line) => `${line}\r\n`)
    .join("")
}
