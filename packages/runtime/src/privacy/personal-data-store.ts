import { Information } from "@tixi/core"
import { Clock, Effect, Result, Schema } from "effect"
import { SqlClient } from "effect/sql"
import type { AuditEntry } from "../audit/audit-entry.ts"
import { AuditTrail } from "../audit/audit-trail.ts"
import { RuntimeStorageFailure } from "../engine/errors.ts"
import {
  existingPersonalDataColumns,
  maskStoredText,
  readMentioningRows,
  writeMasked,
} from "./personal-data-sweep.ts"

type StoredEvent = Information.StoredEvent
type PersonalRecordLocation = Information.PersonalRecordLocation

/** A request the store will not run (an empty person key or reason), naming the field. */
export class InvalidPersonalDataRequest extends Schema.TaggedError<InvalidPersonalDataRequest>()(
  "InvalidPersonalDataRequest",
  { field: Schema.String, detail: Schema.String },
) {
  override get message(): string {
    return `personal data request: ${this.field} ${this.detail}`
  }
}

/** A row outside the event log that holds a copy of the person's values, named for the export. */
export interface StoredPersonalCopy {
  readonly table: string
  readonly column: string
  /** The row's key (`process/instance#sequence`, a dead letter's id, `source/event_id` …). */
  readonly row: string
  /** The person's values the row holds (the id not included), with their kinds. */
  readonly values: ReadonlyArray<Information.KnownPersonalValue>
}

/**
 * What tixi's database holds about a person: the values in stored events and in the commands the
 * inbox keeps (each with its form's zh/en caption), the other rows holding copies of them (raw
 * webhook bodies, dead letters, the cluster engine's messages), and the audit rows naming the person.
 */
export interface StoredPersonalDataExport {
  readonly subject: string
  readonly values: ReadonlyArray<Information.PersonalValue>
  readonly copies: ReadonlyArray<StoredPersonalCopy>
  readonly auditEntries: ReadonlyArray<AuditEntry>
}

/** Who asks for an erasure and why: both go to the audit trail with the count of values erased. */
export interface ErasureRequest {
  readonly reason: string
  readonly requestedBy: string
  /** Compute and return the plan only, writing nothing. */
  readonly dryRun?: boolean
}

/** What an erasure did (or, for a dry run, would do): how many values, per process and field; never the values. */
export interface ErasureReport {
  readonly subject: string
  readonly dryRun: boolean
  /** Every value masked, in every table. */
  readonly erasedValues: number
  /** `process → eventType.field → count` for the mapped form fields, so an operator can check the scope before running it. */
  readonly counts: Readonly<Record<string, Readonly<Record<string, number>>>>
  /** `table → values masked` (mapped fields and copies found by value), the figure the audit row records. */
  readonly tables: Readonly<Record<string, number>>
  /** The instances whose stored state was dropped (embedded engine) or masked (cluster engine), to be rebuilt from the erased events. */
  readonly instances: ReadonlyArray<{ readonly process: string; readonly instanceId: string }>
}

interface PayloadRow {
  readonly process: string
  readonly instance_id: string
  readonly sequence: number
  readonly payload: unknown
}

const storedOf = (row: PayloadRow): StoredEvent => ({
  process: row.process,
  instanceId: row.instance_id,
  sequence: Number(row.sequence),
  event: (typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload) as StoredEvent["event"],
})

const storage = (operation: string) =>
  Effect.mapError(
    (error: { readonly message: string }) => new RuntimeStorageFailure({ operation, detail: error.message }),
  )

const validKey = (field: string, value: string) =>
  value.trim() === ""
    ? Effect.fail(new InvalidPersonalDataRequest({ field, detail: "must not be empty" }))
    : Effect.succeed(value)

/**
 * The stored events and inbox commands whose text mentions the person: a person's data sits in a
 * record that names them, so rows not mentioning the key hold none of it.
 */
const readMentioning = (subject: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const events = yield* sql<PayloadRow>`
      SELECT process, instance_id, sequence, event AS payload FROM tixi_events
      WHERE strpos(event::text, ${subject}) > 0 ORDER BY process, instance_id, sequence`
    const commands = yield* sql<PayloadRow>`
      SELECT process, instance_id, position AS sequence, command AS payload FROM tixi_inbox
      WHERE strpos(command::text, ${subject}) > 0 ORDER BY process, instance_id, position`
    return { events: events.map(storedOf), commands: commands.map(storedOf) }
  })

/** The person's values in the mapped records, and the same values as text to look for elsewhere. */
const findValues = (subject: string, locations: ReadonlyArray<PersonalRecordLocation>) =>
  Effect.gen(function* () {
    const { events, commands } = yield* readMentioning(subject)
    const values = [
      ...Information.findPersonalData(subject, events, locations),
      ...Information.findPersonalData(subject, commands, locations),
    ]
    return { events, commands, values, known: Information.knownPersonalValues(values) }
  })

/** What the database holds about `subject`, over every hosted process's personal-data locations. */
export const exportStoredPersonalData = (
  subject: string,
  locations: ReadonlyArray<PersonalRecordLocation> = Information.hostedPersonalLocations,
) =>
  Effect.gen(function* () {
    yield* validKey("person", subject)
    const trail = yield* AuditTrail
    const { copies, values } = yield* Effect.gen(function* () {
      const { values, known } = yield* findValues(subject, locations)
      const copies: Array<StoredPersonalCopy> = []
      for (const column of yield* existingPersonalDataColumns) {
        // The event log and the inbox are exported field by field above.
        if (column.table === "tixi_events" || column.table === "tixi_inbox") continue
        const rows = yield* readMentioningRows(column, subject, known, true)
        copies.push(
          ...rows.map(
            ({ column, key, text }): StoredPersonalCopy => ({
              table: column.table,
              column: column.column,
              row: key,
              values: known.filter(({ value }) => text.includes(value)),
            }),
          ),
        )
      }
      return { values, copies }
    }).pipe(storage("personal data export"))
    const auditEntries = yield* trail.query({ personId: subject, limit: 10_000 })
    return { subject, values, copies, auditEntries } satisfies StoredPersonalDataExport
  })

const countsOf = (
  plans: ReadonlyArray<{ stored: ReadonlyArray<StoredEvent>; plan: Information.ErasurePlan }>,
) => {
  const counts: Record<string, Record<string, number>> = {}
  for (const { stored, plan } of plans)
    for (const replacement of plan.replacements) {
      const event = stored.find(
        (row) => row.instanceId === replacement.instanceId && row.sequence === replacement.sequence,
      )
      const key = `${event?.event.type ?? "?"}.${replacement.path.join(".")}`
      const perProcess = counts[replacement.process] ?? {}
      perProcess[key] = (perProcess[key] ?? 0) + 1
      counts[replacement.process] = perProcess
    }
  return counts
}

const instanceKey = (row: { process: string; instanceId: string }) => `${row.process}\u0000${row.instanceId}`

/** Ends a dry run's transaction with its report, so the database rolls every write back. */
class DryRunComplete {
  readonly _tag = "DryRunComplete"
  readonly report: ErasureReport
  constructor(report: ErasureReport) {
    this.report = report
  }
}

/** The engine that runs the database's instances (recorded when a runtime starts; embedded before any). */
const claimedEngine = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const [claimed] = yield* sql<{ value: string }>`SELECT value FROM tixi_meta WHERE key = 'engine'`
  return claimed?.value ?? "embedded"
})

/**
 * Erases `subject`'s data (PIPL art. 47) from the database in one transaction: event payloads and
 * inbox commands rewritten with `Erased` markers field by field; then every other copy of the
 * values those fields held (stored state, the outbox, dead letters' requests and error text, raw
 * webhook bodies, the cluster engine's messages and replies: `personalDataColumns`) masked in
 * place, so rows that de-duplication or replay needs stay; the embedded engine's stored state
 * dropped so it is rebuilt from the erased events (the cluster engine replays its masked messages);
 * and one `erasure` audit row with the count per table. All or nothing; a dry run does all of it
 * and rolls it back; running it again finds nothing left and writes nothing.
 */
export const eraseStoredPersonalData = (
  subject: string,
  request: ErasureRequest,
  locations: ReadonlyArray<PersonalRecordLocation> = Information.hostedPersonalLocations,
) =>
  Effect.gen(function* () {
    yield* validKey("person", subject)
    yield* validKey("reason", request.reason)
    yield* validKey("requestedBy", request.requestedBy)
    const sql = yield* SqlClient.SqlClient
    const dryRun = request.dryRun === true
    const run = Effect.gen(function* () {
      const { events, commands, known } = yield* findValues(subject, locations)
      const plans = [
        {
          table: "tixi_events" as const,
          stored: events,
          plan: Information.planErasure(subject, events, locations),
        },
        {
          table: "tixi_inbox" as const,
          stored: commands,
          plan: Information.planErasure(subject, commands, locations),
        },
      ]
      const tables: Record<string, number> = {}
      const add = (table: string, count: number) => {
        if (count > 0) tables[table] = (tables[table] ?? 0) + count
      }
      const touched = new Map<string, { process: string; instanceId: string }>()
      for (const { table, stored, plan } of plans) {
        add(table, plan.replacements.length)
        for (const replacement of plan.replacements) touched.set(instanceKey(replacement), replacement)
        const applied = Information.applyErasure(stored, plan)
        // The plan was made from these very rows inside this transaction, so a mismatch is a bug.
        if (Result.isFailure(applied)) return yield* Effect.die(applied.failure)
        for (const [index, row] of applied.success.entries()) {
          if (row === stored[index]) continue
          const payload = JSON.stringify(row.event)
          if (table === "tixi_events")
            yield* sql`UPDATE tixi_events SET event = ${payload}::jsonb
              WHERE process = ${row.process} AND instance_id = ${row.instanceId} AND sequence = ${row.sequence}`
          else
            yield* sql`UPDATE tixi_inbox SET command = ${payload}::jsonb
              WHERE process = ${row.process} AND instance_id = ${row.instanceId} AND position = ${row.sequence}`
        }
      }
      // Copies the forms do not map: found by the values the mapped fields held, masked in place.
      for (const column of yield* existingPersonalDataColumns)
        for (const row of yield* readMentioningRows(column, subject, known, true)) {
          const { masked, count } = maskStoredText(row.text, column.format, subject, known)
          if (count === 0) continue
          add(column.table, count)
          yield* writeMasked(row, masked)
          if (column.table === "tixi_events" && row.process !== null && row.instanceId !== null)
            touched.set(instanceKey({ process: row.process, instanceId: row.instanceId }), {
              process: row.process,
              instanceId: row.instanceId,
            })
        }
      const erasedValues = Object.values(tables).reduce((total, count) => total + count, 0)
      const report: ErasureReport = {
        subject,
        dryRun,
        erasedValues,
        counts: countsOf(plans),
        tables,
        instances: [...touched.values()].map(({ process, instanceId }) => ({ process, instanceId })),
      }
      if (erasedValues === 0) return report
      // The embedded engine rebuilds a dropped state from the erased events; the cluster engine's
      // state is only a copy for readers, masked above, and its next turn replays the masked messages.
      if ((yield* claimedEngine) === "embedded")
        for (const { process, instanceId } of report.instances)
          yield* sql`UPDATE tixi_instances SET state = NULL, state_sequence = NULL
            WHERE process = ${process} AND instance_id = ${instanceId}`
      const perTable = Object.entries(tables)
        .map(([table, count]) => `${table} ${count}`)
        .join(", ")
      const at = yield* Clock.currentTimeMillis
      yield* sql`INSERT INTO tixi_audit (at, kind, outcome, person_id, command_type, reason)
        VALUES (${at}, 'erasure', 'accepted', ${request.requestedBy}, 'ErasePersonalData',
          ${`${erasedValues} values of ${subject} erased (${perTable}): ${request.reason}`})`
      if (dryRun) return yield* Effect.fail(new DryRunComplete(report))
      return report
    })
    return yield* sql.withTransaction(run).pipe(
      Effect.catchTag("DryRunComplete", (complete) => Effect.succeed(complete.report)),
      storage("personal data erasure"),
    )
  })
