import { type ConfidentialityLevel, isClearedFor } from "@tixi/core"
import { Clock, Context, Effect, Layer, Schema } from "effect"
import { SqlClient } from "effect/sql"
import { RuntimeStorageFailure } from "../engine/errors.ts"
import type {
  AuditEntry,
  AuditedRead,
  AuditedRecord,
  AuditKind,
  AuditOutcome,
  AuditQuery,
  AuditReader,
  AuditRecord,
  MaskedField,
} from "./audit-entry.ts"

/** A query the trail cannot run (a limit out of range, an empty time window), naming the field. */
export class InvalidAuditQuery extends Schema.TaggedError<InvalidAuditQuery>()("InvalidAuditQuery", {
  field: Schema.String,
  detail: Schema.String,
}) {
  override get message(): string {
    return `audit query: ${this.field} ${this.detail}`
  }
}

/** The most entries one page may hold: a larger export pages. */
export const maxAuditPage = 10_000

/** The durable, append-only audit trail of a runner's database. */
export interface AuditTrailService {
  /**
   * Appends one entry stamped with the runtime's clock. The runtime's own wrapper records what
   * it refuses before a command is stored; the database records every turn itself.
   */
  readonly record: (entry: AuditRecord) => Effect.Effect<void, RuntimeStorageFailure>
  /**
   * Records what a read path served: one entry per shown field at 秘密 or 机密 (outcome
   * `accepted`) and one per masked field, whatever its level (outcome `refused`, with the
   * projection's reason). Fields at 公开 and 内部 shown are not recorded: they are the bulk of
   * every read and no review asks for them. All rows of one read are written together.
   */
  readonly recordRead: (
    reader: AuditReader,
    record: AuditedRecord,
    maskedFields: ReadonlyArray<MaskedField>,
  ) => Effect.Effect<void, RuntimeStorageFailure>
  /**
   * Records a read that showed several records at once (`tixi status --as`) as `recordRead`
   * records each, all rows in one statement: the trail never holds half a read.
   */
  readonly recordReads: (
    reader: AuditReader,
    reads: ReadonlyArray<AuditedRead>,
  ) => Effect.Effect<void, RuntimeStorageFailure>
  /**
   * Entries matching the query, oldest first, after `after`. On PostgreSQL with several runners a
   * sequence can become visible after a higher one (concurrent transactions commit out of order);
   * an exporter that must miss nothing pages up to entries older than a few seconds.
   */
  readonly query: (
    query: AuditQuery,
  ) => Effect.Effect<ReadonlyArray<AuditEntry>, InvalidAuditQuery | RuntimeStorageFailure>
}

/** The audit trail service. */
export class AuditTrail extends Context.Service<AuditTrail, AuditTrailService>()(
  "@tixi/runtime/AuditTrail",
) {}

interface AuditRow {
  readonly sequence: string | number
  readonly at: string | number
  readonly kind: string
  readonly outcome: string
  readonly person_id: string | null
  readonly post: string | null
  readonly process: string | null
  readonly instance_id: string | null
  readonly command_type: string | null
  readonly field: string | null
  readonly level: string | null
  readonly refusal: string | null
  readonly reason: string | null
}

const entryOf = (row: AuditRow): AuditEntry => ({
  sequence: Number(row.sequence),
  at: Number(row.at),
  kind: row.kind as AuditKind,
  outcome: row.outcome as AuditOutcome,
  personId: row.person_id ?? undefined,
  post: row.post ?? undefined,
  process: row.process ?? undefined,
  instanceId: row.instance_id ?? undefined,
  commandType: row.command_type ?? undefined,
  field: row.field ?? undefined,
  level: (row.level ?? undefined) as ConfidentialityLevel | undefined,
  refusal: row.refusal ?? undefined,
  reason: row.reason ?? undefined,
})

/** The outcomes an entry may have, for validating a query's. */
export const auditOutcomes: ReadonlyArray<AuditOutcome> = ["accepted", "refused", "failed"]

/** Whether a shown field is one a read of must be recorded: 秘密 or 机密. */
const isSecret = (level: ConfidentialityLevel) => !isClearedFor("internal", level)

const validated = (query: AuditQuery): Effect.Effect<AuditQuery, InvalidAuditQuery> => {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > maxAuditPage)
    return Effect.fail(
      new InvalidAuditQuery({ field: "limit", detail: `must be a whole number from 1 to ${maxAuditPage}` }),
    )
  for (const field of ["from", "to", "after"] as const) {
    const value = query[field]
    if (value !== undefined && !Number.isSafeInteger(value))
      return Effect.fail(new InvalidAuditQuery({ field, detail: "must be a whole number" }))
  }
  if (query.outcome !== undefined && !auditOutcomes.includes(query.outcome))
    return Effect.fail(
      new InvalidAuditQuery({ field: "outcome", detail: `must be one of ${auditOutcomes.join(", ")}` }),
    )
  if (query.from !== undefined && query.to !== undefined && query.to <= query.from)
    return Effect.fail(new InvalidAuditQuery({ field: "to", detail: "must be after from" }))
  return Effect.succeed(query)
}

/**
 * The rows one record's read leaves: one per shown field at 秘密 or 机密 (accepted) and one per
 * masked field, whatever its level (refused, with the projection's reason).
 */
const readRecords = (
  reader: AuditReader,
  record: AuditedRecord,
  maskedFields: ReadonlyArray<MaskedField>,
): ReadonlyArray<AuditRecord> => {
  const base = {
    kind: "read" as const,
    personId: reader.personId,
    post: reader.post,
    process: record.process,
    instanceId: record.instanceId,
    commandType: undefined,
  }
  const shown = (record.shownFields ?? [])
    .filter((field) => isSecret(field.level))
    .map((field): AuditRecord => ({ ...base, outcome: "accepted", field: field.field, level: field.level }))
  const masked = maskedFields.map(
    (field): AuditRecord => ({
      ...base,
      outcome: "refused",
      field: field.field,
      level: field.level,
      refusal: "Masked",
      reason: field.reason,
    }),
  )
  return [...shown, ...masked]
}

/** The audit trail over the runner's database (tixi's tables must exist: `ensureSchema`). */
export const makeAuditTrail: Effect.Effect<AuditTrailService, never, SqlClient.SqlClient> = Effect.gen(
  function* () {
    const sql = yield* SqlClient.SqlClient
    const storage = (operation: string) =>
      Effect.mapError(
        (error: { readonly message: string }) =>
          new RuntimeStorageFailure({ operation, detail: error.message }),
      )
    const insert = (entries: ReadonlyArray<AuditRecord>) =>
      Effect.gen(function* () {
        if (entries.length === 0) return
        const at = yield* Clock.currentTimeMillis
        const [first, ...rest] = entries.map(
          (entry): Record<string, unknown> => ({
            at,
            kind: entry.kind,
            outcome: entry.outcome,
            person_id: entry.personId ?? null,
            post: entry.post ?? null,
            process: entry.process ?? null,
            instance_id: entry.instanceId ?? null,
            command_type: entry.commandType ?? null,
            field: entry.field ?? null,
            level: entry.level ?? null,
            refusal: entry.refusal ?? null,
            reason: entry.reason ?? null,
          }),
        )
        yield* sql`INSERT INTO tixi_audit ${sql.insert([first!, ...rest])}`
      }).pipe(storage("audit"))

    return {
      record: (entry) => insert([entry]),
      recordRead: (reader, record, maskedFields) => insert(readRecords(reader, record, maskedFields)),
      recordReads: (reader, reads) =>
        insert(reads.flatMap((read) => readRecords(reader, read.record, read.maskedFields))),
      query: (query) =>
        Effect.flatMap(validated(query), (valid) => {
          const clauses = [
            valid.personId === undefined ? undefined : sql`person_id = ${valid.personId}`,
            valid.process === undefined ? undefined : sql`process = ${valid.process}`,
            valid.instanceId === undefined ? undefined : sql`instance_id = ${valid.instanceId}`,
            valid.from === undefined ? undefined : sql`at >= ${valid.from}`,
            valid.to === undefined ? undefined : sql`at < ${valid.to}`,
            valid.outcome === undefined ? undefined : sql`outcome = ${valid.outcome}`,
            valid.after === undefined ? undefined : sql`sequence > ${valid.after}`,
          ].filter((clause) => clause !== undefined)
          const where = clauses.length === 0 ? sql`` : sql`WHERE ${sql.and(clauses)}`
          return sql<AuditRow>`
            SELECT * FROM tixi_audit ${where} ORDER BY sequence LIMIT ${valid.limit}
          `.pipe(
            Effect.map((rows) => rows.map(entryOf)),
            storage("audit query"),
          )
        }),
    }
  },
)

/** The audit trail as a layer, for programs that read it without running processes (`tixi audit`). */
export const auditTrailLayer: Layer.Layer<AuditTrail, never, SqlClient.SqlClient> = Layer.effect(
  AuditTrail,
  makeAuditTrail,
)
