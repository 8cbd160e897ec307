/**
 * `tixi audit`: the audit trail, filtered, as a table, JSON Lines or CSV, with a summary line
 * (counts by outcome and post). From the database, or from the runner holding the embedded one.
 */
import { createWriteStream, type WriteStream } from "node:fs"
import { parseArgs } from "node:util"
import { Effect, Layer, ManagedRuntime } from "effect"
import type { AuditEntry, AuditOutcome, AuditQuery } from "../audit/audit-entry.ts"
import { auditCsv, auditJsonLines } from "../audit/audit-export.ts"
import {
  emptyAuditSummary,
  formatAuditSummary,
  formatAuditTable,
  summarizeAudit,
} from "../audit/audit-summary.ts"
import { AuditTrail, auditOutcomes, auditTrailLayer } from "../audit/audit-trail.ts"
import type { TixiConfig } from "../config/define-config.ts"
import { databaseLayer } from "../runner/runner-layer.ts"
import { ensureSchema } from "../storage/schema.ts"
import { remoteAudit } from "./admin-client.ts"
import { usesRunningEmbedded } from "./commands.ts"
import { loadConfig } from "./load-config.ts"

/** How `tixi audit` prints entries. */
export type AuditFormat = "table" | "json" | "csv"

/** What the command line asks for. */
export interface AuditArguments {
  readonly config: string | undefined
  readonly filter: Omit<AuditQuery, "limit" | "after">
  readonly format: AuditFormat
  readonly output: string | undefined
}

/** The page size `tixi audit` reads the trail in. */
const pageSize = 1_000

/** A date or instant given on the command line (`2026-12-01`, `2026-12-01T08:00:00+08:00`), in millis. */
const instantOf = (flag: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined
  const millis = Date.parse(text)
  if (Number.isNaN(millis))
    throw new Error(`tixi audit: --${flag} ${JSON.stringify(text)} is not a date (e.g. 2026-12-01)`)
  return millis
}

/** Reads the command line; throws an Error naming the flag that is wrong. */
export function parseAuditArguments(argv: ReadonlyArray<string>): AuditArguments {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      config: { type: "string" },
      person: { type: "string" },
      process: { type: "string" },
      instance: { type: "string" },
      since: { type: "string" },
      until: { type: "string" },
      outcome: { type: "string" },
      format: { type: "string", default: "table" },
      output: { type: "string" },
    },
  })
  const format = values.format
  if (format !== "table" && format !== "json" && format !== "csv")
    throw new Error(`tixi audit: --format ${JSON.stringify(format)} must be table, json or csv`)
  const outcome = values.outcome
  if (outcome !== undefined && !auditOutcomes.includes(outcome as AuditOutcome))
    throw new Error(
      `tixi audit: --outcome ${JSON.stringify(outcome)} must be one of ${auditOutcomes.join(", ")}`,
    )
  return {
    config: values.config,
    filter: {
      personId: values.person,
      process: values.process,
      instanceId: values.instance,
      from: instantOf("since", values.since),
      to: instantOf("until", values.until),
      outcome: outcome as AuditOutcome | undefined,
    },
    format,
    output: values.output,
  }
}

/** Reads the trail page by page, from the database or the runner holding it; `close` when done. */
const openTrail = (config: TixiConfig) => {
  if (usesRunningEmbedded(config))
    return { page: (query: AuditQuery) => remoteAudit(config, query), close: async () => {} }
  const runtime = ManagedRuntime.make(
    auditTrailLayer.pipe(
      Layer.provideMerge(Layer.effectDiscard(ensureSchema)),
      Layer.provideMerge(Layer.orDie(databaseLayer(config))),
    ),
  )
  return {
    page: (query: AuditQuery) =>
      runtime.runPromise(Effect.flatMap(AuditTrail, (trail) => trail.query(query))),
    close: () => runtime.dispose(),
  }
}

const rendered = (format: AuditFormat, entries: ReadonlyArray<AuditEntry>, first: boolean): string =>
  format === "json"
    ? auditJsonLines(entries)
    : format === "csv"
      ? auditCsv(entries, { header: first })
      : formatAuditTable(entries)
          .map((line) => `${line}\n`)
          .join("")

/**
 * Runs `tixi audit`; answers the exit code. Entries go to `--output` or standard output; the
 * summary line goes to standard output, or to standard error when the entries are JSON or CSV on
 * standard output, so a pipe gets the export alone.
 */
export async function runAudit(
  argv: ReadonlyArray<string>,
  streams: { readonly out: (text: string) => void; readonly err: (text: string) => void },
): Promise<number> {
  const parsed = parseAuditArguments(argv)
  const trail = openTrail(await loadConfig(parsed.config))
  const file: WriteStream | undefined =
    parsed.output === undefined ? undefined : createWriteStream(parsed.output)
  const write = (text: string) => (file === undefined ? streams.out(text) : file.write(text))
  let summary = emptyAuditSummary
  try {
    let after: number | undefined
    let first = true
    while (true) {
      const entries = await trail.page({ ...parsed.filter, limit: pageSize, after })
      if (entries.length > 0 || (first && parsed.format === "csv"))
        write(rendered(parsed.format, entries, first))
      summary = summarizeAudit(entries, summary)
      first = false
      if (entries.length < pageSize) break
      after = entries.at(-1)!.sequence
    }
  } finally {
    await trail.close()
    if (file !== undefined)
      await new Promise<void>((resolve, reject) =>
        file.end((error?: Error | null) => (error ? reject(error) : resolve())),
      )
  }
  const line = `${formatAuditSummary(summary)}\n`
  if (file === undefined && parsed.format !== "table") streams.err(line)
  else streams.out(line)
  return 0
}
