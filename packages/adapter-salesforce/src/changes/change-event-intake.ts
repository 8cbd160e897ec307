import { type HostChange, type HostObject, hostRecordId, InvalidRequest, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { CrmContext } from "../crm/crm-context.ts"
import type { CatalogObject } from "../crm/field-catalog.ts"
import { formatSoqlDateTime } from "../mapping/instants.ts"
import { recordIdShape } from "../mapping/record-ids.ts"
import { queryAll, soqlString } from "../operations/rest/query.ts"
import type { RawChangeEventHeader, RawRecord } from "../vendor/rest.ts"
import { changeFromRow, changeRowFields } from "./change-from-row.ts"
import { isOwnChange } from "./change-origin.ts"
import { changedFieldNames } from "./changed-field-names.ts"
import { overlapMillis } from "./poll-changes.ts"

/** A Change Data Capture event as a transport (Pub/Sub API, a test) delivers it. */
export interface ReceivedChangeEvent {
  /** The event's replay id, as text (the Pub/Sub API's bytes in hex). */
  readonly replayId: string
  readonly header: RawChangeEventHeader
  /** The event's record fields (all fields on CREATE, the changed ones on UPDATE). */
  readonly fields: Readonly<Record<string, unknown>>
}

/** What one batch of events became. */
export interface IntakeResult {
  readonly changes: ReadonlyArray<HostChange>
  /** Events dropped as duplicates (redelivered replay ids). */
  readonly duplicates: number
  /** Records re-read because of gap events. */
  readonly reread: number
  /** The replay id to resume from (store it durably; the org keeps events 72 hours). */
  readonly lastReplayId: string | undefined
  /**
   * Events of the batch that could not be decoded, set aside rather than stopping the stream:
   * Salesforce never sends the same replay id with other bytes, so retrying cannot mend them, and
   * stopping would hold back every later change.
   */
  readonly undecodable?: ReadonlyArray<UndecodableChangeEvent> | undefined
}

/** A Change Data Capture event the subscriber could not decode, kept so someone can look at it. */
export interface UndecodableChangeEvent {
  /** Its replay id, in hex. */
  readonly replayId: string
  /** The schema it claimed. */
  readonly schemaId: string
  /** What is wrong, naming the field. */
  readonly reason: string
}

const kindOf = (entity: string): HostObject | undefined =>
  entity === "Case" ? "case" : entity === "Account" || entity === "Contact" ? "customer" : undefined

/**
 * Turns Change Data Capture events into tixi's `HostChange`s, whatever transport brought them:
 * duplicates (a redelivered replay id) are dropped; an event naming several records becomes one
 * change per record, its changed fields in tixi's names (`changedFieldNames`); `changeOrigin`
 * carrying tixi's client name, or else the commit user being tixi's integration user
 * (`isOwnChange`), marks tixi's own writes; and a
 * gap event (`GAP_*`: the org could not produce the full event) makes tixi re-read the records
 * named, or for `GAP_OVERFLOW` every record of the object changed since the gap began.
 */
// https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_other_events_gap.htm
export const makeChangeEventIntake = (
  context: CrmContext,
  options: { readonly rememberReplays?: number } = {},
) => {
  const remember = options.rememberReplays ?? 10_000
  const seen = new Set<string>()
  const order: Array<string> = []
  const client = context.settings.callOptionsClient
  const key = context.settings.externalIdField

  const reread = (
    entity: string,
    kind: HostObject,
    header: RawChangeEventHeader,
  ): Effect.Effect<Array<HostChange>, PortFailure> =>
    Effect.gen(function* () {
      const explicit = header.recordIds.filter((id) => !id.includes("*"))
      const where =
        header.changeType === "GAP_OVERFLOW" || explicit.length === 0
          ? `SystemModstamp >= ${formatSoqlDateTime(header.commitTimestamp - overlapMillis)}`
          : `Id IN (${explicit.map(soqlString).join(", ")})`
      const rows: ReadonlyArray<RawRecord> = yield* queryAll(
        context.client,
        // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/system_fields.htm
        `SELECT ${changeRowFields(key)} FROM ${entity} WHERE ${where}`,
        { operation: "changeEvents", includeDeleted: true },
      )
      const integration = yield* context.integrationUserId
      return rows.map((row) => changeFromRow(row, kind, key, integration, "gap:"))
    })

  return {
    /** Processes events in delivery order. */
    receive: (events: ReadonlyArray<ReceivedChangeEvent>): Effect.Effect<IntakeResult, PortFailure> =>
      Effect.gen(function* () {
        const changes: Array<HostChange> = []
        let duplicates = 0
        let reread_ = 0
        let lastReplayId: string | undefined
        for (const event of events) {
          lastReplayId = event.replayId
          if (seen.has(event.replayId)) {
            duplicates += 1
            continue
          }
          seen.add(event.replayId)
          order.push(event.replayId)
          if (order.length > remember) seen.delete(order.shift()!)
          const kind = kindOf(event.header.entityName)
          if (!kind) continue
          if (event.header.changeType.startsWith("GAP_")) {
            const found = yield* reread(event.header.entityName, kind, event.header)
            reread_ += found.length
            changes.push(...found)
            continue
          }
          const malformed = event.header.recordIds.find((id) => !recordIdShape.test(id))
          if (malformed !== undefined || event.header.recordIds.length === 0)
            return yield* new PortFailure({
              port: "HostCrm",
              operation: "changeEvents",
              reason: new InvalidRequest({
                fields: [
                  { field: "header.recordIds", message: `names no record or a malformed id (${malformed})` },
                ],
              }),
              detail: `change event ${event.replayId}: recordIds must be record ids`,
              vendor: { vendor: "salesforce", payload: event.header },
            })
          const integrationUserId = yield* context.integrationUserId
          const origin = isOwnChange(event.header, { client, integrationUserId }) ? "tixi" : "host"
          const changeType =
            event.header.changeType === "CREATE"
              ? "created"
              : event.header.changeType === "DELETE"
                ? "deleted"
                : "updated"
          const changedFields = yield* changedFieldNames(
            context,
            event.header.entityName as CatalogObject,
            event.header.changedFields,
          )
          for (const recordId of event.header.recordIds) {
            changes.push({
              changeId: `${event.replayId}:${recordId}`,
              object: kind,
              recordId: hostRecordId(recordId),
              externalKey: typeof event.fields[key] === "string" ? (event.fields[key] as string) : undefined,
              changeType,
              changedFields,
              occurredAt: event.header.commitTimestamp,
              origin,
            })
          }
        }
        return { changes, duplicates, reread: reread_, lastReplayId }
      }),
  }
}
