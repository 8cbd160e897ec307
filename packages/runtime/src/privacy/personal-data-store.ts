import { Information } from "@tixi/core"
import { Clock, Effect, Result, Schema } from "effect"
import { SqlClient } from "effect/sql"
import type { AuditEntry } from "../audit/audit-entry.ts"
import { AuditTrail } from "../audit/audit-trail.ts"
import { RuntimeStorageFailure } from "../engine/errors.ts"

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

/**
 * What tixi's database holds about a person: the values in stored events and in the commands the
 * inbox keeps (each with its form's zh/en caption), and the audit rows that name the person.
 */
export interface StoredPersonalDataExport {
  readonly subject: string
  readonly values: ReadonlyArray<Information.PersonalValue>
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
  readonly erasedValues: number
  /** `process → eventType.field → count`, so an operator can check the scope before running it. */
  readonly counts: Readonly<Record<string, Readonly<Record<string, number>>>>
  /** The instances whose stored state was dropped, to be rebuilt from the erased events. */
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

/** What the database holds about `subject`, over every hosted process's personal-data locations. */
export const exportStoredPersonalData = (
  subject: string,
  locations: ReadonlyArray<PersonalRecordLocation> = Information.hostedPersonalLocations,
) =>
  Effect.gen(function* () {
    yield* validKey("person", subject)
    const trail = yield* AuditTrail
    const { events, commands } = yield* readMentioning(subject).pipe(storage("personal data export"))
    const values = [
      ...Information.findPersonalData(subject, events, locations),
      ...Information.findPersonalData(subject, commands, locations),
    ]
    const auditEntries = yield* trail.query({ personId: subject, limit: 10_000 })
    return { subject, values, auditEntries } satisfies StoredPersonalDataExport
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

/**
 * Erases `subject`'s data (PIPL art. 47) from the database in one transaction: event payloads and
 * inbox commands rewritten with `Erased` markers, the affected instances' stored state dropped so
 * the engine rebuilds it from the erased events, and one `erasure` audit row (who, why, how many).
 * All or nothing; running it again finds nothing left and writes nothing.
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
    const run = Effect.gen(function* () {
      const { events, commands } = yield* readMentioning(subject)
      const plans = [
        {
          table: "event" as const,
          stored: events,
          plan: Information.planErasure(subject, events, locations),
        },
        {
          table: "command" as const,
          stored: commands,
          plan: Information.planErasure(subject, commands, locations),
        },
      ]
      const erasedValues = plans.reduce((total, { plan }) => total + plan.replacements.length, 0)
      const touched = new Map<string, { process: string; instanceId: string }>()
      for (const { plan } of plans)
        for (const replacement of plan.replacements) touched.set(instanceKey(replacement), replacement)
      const report: ErasureReport = {
        subject,
        dryRun: request.dryRun === true,
        erasedValues,
        counts: countsOf(plans),
        instances: [...touched.values()].map(({ process, instanceId }) => ({ process, instanceId })),
      }
      if (report.dryRun || erasedValues === 0) return report
      for (const { table, stored, plan } of plans) {
        const applied = Information.applyErasure(stored, plan)
        // The plan was made from these very rows inside this transaction, so a mismatch is a bug.
        if (Result.isFailure(applied)) return yield* Effect.die(applied.failure)
        for (const [index, row] of applied.success.entries()) {
          if (row === stored[index]) continue
          const payload = JSON.stringify(row.event)
          if (table === "event")
            yield* sql`UPDATE tixi_events SET event = ${payload}::jsonb
              WHERE process = ${row.process} AND instance_id = ${row.instanceId} AND sequence = ${row.sequence}`
          else
            yield* sql`UPDATE tixi_inbox SET command = ${payload}::jsonb
              WHERE process = ${row.process} AND instance_id = ${row.instanceId} AND position = ${row.sequence}`
        }
      }
      for (const { process, instanceId } of report.instances)
        yield* sql`UPDATE tixi_instances SET state = NULL, state_sequence = NULL
          WHERE process = ${process} AND instance_id = ${instanceId}`
      const at = yield* Clock.currentTimeMillis
      yield* sql`INSERT INTO tixi_audit (at, kind, outcome, person_id, command_type, reason)
        VALUES (${at}, 'erasure', 'accepted', ${request.requestedBy}, 'ErasePersonalData',
          ${`${erasedValues} values of ${subject} erased: ${request.reason}`})`
      return report
    })
    return yield* sql.withTransaction(run).pipe(storage("personal data erasure"))
  })
