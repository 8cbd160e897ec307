import { type HostChange, type HostObject, hostRecordId, InvalidRequest, PortFailure } from "@tixi/core"
import { Clock, Effect } from "effect"
import { keyProperty } from "../mapping/names.ts"
import { type HubSpotObjectType, lastModifiedProperty, searchPageSize } from "../operations/object-types.ts"
import { readByIds } from "../operations/read-by-ids.ts"
import { type SearchFilter, searchObjects } from "../operations/search-objects.ts"
import type { HubSpotHistoryEntry, HubSpotObject } from "../vendor/schemas.ts"
import type { HostCrmContext } from "./context.ts"
import { customerRecordId } from "./record-ids.ts"

/**
 * Changes made on the portal, found with the CRM search and told apart by HubSpot's own record
 * of who wrote each value.
 *
 * - Each of companies, contacts and tickets (tixi's pipeline only) is a stream ordered by
 *   (last-modified time, record id). The cursor holds, per stream, the last (time, id) reported.
 *   A page past the cursor is read sorted by time; its last, possibly incomplete, instant is left
 *   for the next call, and a page that is all one instant is drained by id. No search ever pages
 *   far, so the 10,000-result cap never applies however many records change.
 * - Search sees a write only after indexing, so only changes older than `settleMillis` are read;
 *   a change indexed late is still ahead of the cursor.
 * - Each changed record's tracked properties are read with their history. The values written
 *   since the cursor say what changed (`changedFields`) and who wrote them: tixi when every one
 *   was written by tixi's app (`sourceType` INTEGRATION, `sourceId` = the app id), staff (or a
 *   workflow, an import, another integration) otherwise. A change that touched no tracked
 *   property is skipped. Deletions do not show in search; they arrive by webhook.
 */
interface StreamCursor {
  /** Last reported last-modified instant. */
  readonly t: number
  /** Last reported id at that instant; "" when none at `t` was reported. */
  readonly id: string
}

type Streams = Record<"companies" | "contacts" | "tickets", StreamCursor>

const streamTypes = ["companies", "contacts", "tickets"] as const

const badCursor = () =>
  new PortFailure({
    port: "HostCrm",
    operation: "pollChanges",
    reason: new InvalidRequest({
      fields: [{ field: "cursor", message: "is not a cursor this host issued" }],
    }),
    detail: "cursor is not a cursor this host issued",
  })

const encode = (streams: Streams) => Buffer.from(JSON.stringify({ v: 1, streams })).toString("base64url")

function decode(cursor: string | undefined): Streams | undefined {
  const start = { t: 0, id: "" }
  if (cursor === undefined) return { companies: start, contacts: start, tickets: start }
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as {
      v: number
      streams: Streams
    }
    if (parsed.v !== 1) return undefined
    for (const type of streamTypes) {
      const stream = parsed.streams[type]
      if (!stream || typeof stream.t !== "number" || typeof stream.id !== "string") return undefined
    }
    return parsed.streams
  } catch {
    return undefined
  }
}

const modifiedAt = (type: HubSpotObjectType, record: HubSpotObject) => {
  const raw = record.properties[lastModifiedProperty(type)]
  const parsed = raw ? (/^\d+$/.test(raw) ? Number(raw) : Date.parse(raw)) : Number.NaN
  return Number.isFinite(parsed) ? parsed : new Date(record.updatedAt).getTime()
}

const compareIds = (a: string, b: string) =>
  a.length === b.length ? (a < b ? -1 : a > b ? 1 : 0) : a.length - b.length

interface Found {
  readonly type: (typeof streamTypes)[number]
  readonly record: HubSpotObject
  readonly at: number
}

/** Reads the next changes of one stream after its cursor, in (time, id) order, complete per instant. */
const readStream = (
  context: HostCrmContext,
  type: (typeof streamTypes)[number],
  cursor: StreamCursor,
  limit: number,
  horizon: number,
  scope: ReadonlyArray<SearchFilter>,
) =>
  Effect.gen(function* () {
    const modified = lastModifiedProperty(type)
    const properties = [modified, "createdate", keyProperty]
    const found: Array<Found> = []
    const drain = (t: number, afterId: string, room: number) =>
      Effect.map(
        searchObjects(context.gateway, type, {
          filterGroups: [
            [
              { propertyName: modified, operator: "EQ", value: String(t) },
              ...(afterId === ""
                ? []
                : [{ propertyName: "hs_object_id", operator: "GT" as const, value: afterId }]),
              ...scope,
            ],
          ],
          sort: { propertyName: "hs_object_id", direction: "ASCENDING" },
          properties,
          limit: room,
        }),
        (page) => page.results.map((record) => ({ type, record, at: t })),
      )
    if (cursor.id !== "") found.push(...(yield* drain(cursor.t, cursor.id, limit)))
    if (found.length < limit) {
      const room = limit - found.length
      const page = yield* searchObjects(context.gateway, type, {
        filterGroups: [
          [
            { propertyName: modified, operator: cursor.id === "" ? "GTE" : "GT", value: String(cursor.t) },
            { propertyName: modified, operator: "LT", value: String(horizon) },
            ...scope,
          ],
        ],
        sort: { propertyName: modified, direction: "ASCENDING" },
        properties,
        limit: room,
      })
      const items = page.results.map((record) => ({ type, record, at: modifiedAt(type, record) }))
      if (items.length === room && items.length > 0) {
        const last = items.at(-1)!.at
        const complete = items.filter((item) => item.at < last)
        if (complete.length > 0) found.push(...complete)
        // The page is one instant: drain it by id from the start of that instant.
        else found.push(...(yield* drain(last, "", room)))
      } else {
        found.push(...items)
      }
    }
    return found.sort((a, b) => a.at - b.at || compareIds(a.record.id, b.record.id))
  })

/** Property names tixi follows on each stream, besides its fields. */
const trackedCore: Record<(typeof streamTypes)[number], ReadonlyArray<string>> = {
  companies: ["name"],
  contacts: ["firstname", "lastname"],
  tickets: ["subject", "content", "hs_pipeline_stage", "hs_ticket_priority"],
}

/** What a core property is called in tixi's change reports. */
const coreFieldNames: Record<string, string> = {
  name: "name",
  firstname: "name",
  lastname: "name",
  subject: "subject",
  content: "description",
  hs_pipeline_stage: "stage",
  hs_ticket_priority: "priority",
}

const timestampOf = (entry: HubSpotHistoryEntry) =>
  entry.timestamp instanceof Date ? entry.timestamp.getTime() : Date.parse(entry.timestamp)

/** Changes after `cursor`, oldest first. */
export const pollChanges = (
  context: HostCrmContext,
  cursor: string | undefined,
  limit: number,
  settleMillis: number,
) =>
  Effect.gen(function* () {
    const streams = decode(cursor)
    if (!streams) return yield* badCursor()
    const size = Math.max(1, Math.min(Math.floor(limit), searchPageSize))
    const now = yield* Clock.currentTimeMillis
    const horizon = now - settleMillis
    const pipelineId = yield* context.stages.pipelineId
    const appId = yield* context.appId
    const candidates: Array<Found> = []
    for (const type of streamTypes) {
      const scope: ReadonlyArray<SearchFilter> =
        type === "tickets" && pipelineId !== undefined
          ? [{ propertyName: "hs_pipeline", operator: "EQ", value: pipelineId }]
          : []
      candidates.push(...(yield* readStream(context, type, streams[type], size, horizon, scope)))
    }
    candidates.sort(
      (a, b) =>
        a.at - b.at ||
        streamTypes.indexOf(a.type) - streamTypes.indexOf(b.type) ||
        compareIds(a.record.id, b.record.id),
    )
    const consumed = candidates.slice(0, size)
    const next: { -readonly [K in keyof Streams]: StreamCursor } = { ...streams }
    for (const item of consumed) next[item.type] = { t: item.at, id: item.record.id }

    const changes: Array<HostChange> = []
    for (const type of streamTypes) {
      const mine = consumed.filter((item) => item.type === type)
      if (mine.length === 0) continue
      const fieldProperties = yield* context.fields.propertiesOf(type)
      const tracked = [...trackedCore[type], ...fieldProperties]
      const records = yield* readByIds(
        context.gateway,
        type,
        mine.map((item) => item.record.id),
        [keyProperty, "createdate"],
        tracked,
      )
      const since = streams[type]
      const object: HostObject = type === "tickets" ? "case" : "customer"
      for (const item of mine) {
        const record = records.get(item.record.id)
        if (!record) continue
        // After the cursor and no later than the instant the search saw: later writes are reported when the stream reaches them.
        const afterCursor = (at: number) =>
          at > since.t || (at === since.t && (since.id === "" || compareIds(record.id, since.id) > 0))
        const written = tracked.flatMap((property) =>
          (record.propertiesWithHistory?.[property] ?? [])
            .filter((entry) => afterCursor(timestampOf(entry)) && timestampOf(entry) <= item.at)
            .map((entry) => ({ property, entry })),
        )
        if (written.length === 0) continue
        const byTixi = written.every(
          ({ entry }) => entry.sourceType === "INTEGRATION" && entry.sourceId === appId,
        )
        const created = Date.parse(record.properties.createdate ?? "")
        const changedFields = [
          ...new Set(
            written.map(
              ({ property }) =>
                coreFieldNames[property] ?? context.fields.fieldNameOf(object, property) ?? property,
            ),
          ),
        ]
        changes.push({
          changeId: `${type}:${record.id}:${item.at}`,
          object,
          recordId: type === "tickets" ? hostRecordId(record.id) : customerRecordId(type, record.id),
          externalKey: record.properties[keyProperty] || undefined,
          changeType: Number.isFinite(created) && afterCursor(created) ? "created" : "updated",
          changedFields,
          occurredAt: item.at,
          origin: byTixi ? "tixi" : "host",
        })
      }
    }
    changes.sort((a, b) => a.occurredAt - b.occurredAt)
    return { changes, cursor: encode(next) }
  })
