import type { HostChange, HostObject } from "@tixi/core"
import { Effect } from "effect"
import type { CrmContext } from "../crm/crm-context.ts"
import { formatSoqlDateTime } from "../mapping/instants.ts"
import { queryAll } from "../operations/rest/query.ts"
import { changeFromRow, changeRowFields } from "./change-from-row.ts"
import { decodeCursor, encodeCursor, initialCursor, type PollCursor } from "./poll-cursor.ts"

/** How far back each poll re-reads, to catch transactions that committed after later stamps. */
export const overlapMillis = 60_000

/** The key prefix of each polled object's ids. */
const prefixOf: Readonly<Record<string, string>> = { Case: "500", Account: "001", Contact: "003" }

/** The objects polled for changes and what tixi calls them. */
const polledObjects = (
  context: CrmContext,
): ReadonlyArray<{ readonly object: string; readonly kind: HostObject }> => [
  { object: "Case", kind: "case" },
  { object: "Account", kind: "customer" },
  ...(context.settings.personAccounts ? [] : [{ object: "Contact", kind: "customer" as const }]),
]

/**
 * Changes since the cursor by polling `SystemModstamp` (the fallback where Change Data Capture is
 * not licensed or not subscribed): one `queryAll` per object, so deletions in the recycle bin are
 * seen too. A change is tixi's own when the integration user made it (`LastModifiedById`);
 * polling cannot list changed fields, so `changedFields` is empty. Oldest first, at most `limit`.
 */
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_queryall.htm
export const pollChanges = (context: CrmContext, cursorText: string | undefined, limit: number) =>
  Effect.gen(function* () {
    const cursor = cursorText === undefined ? initialCursor : decodeCursor(cursorText)
    if (!cursor) return yield* context.invalid("pollChanges", "cursor", "is not a cursor this host issued")
    const size = Math.max(1, Math.min(2_000, Math.floor(limit)))
    const integrationUser = yield* context.integrationUserId
    const recent = new Set(cursor.recent)
    const key = context.settings.externalIdField
    const candidates: Array<
      HostChange & { readonly object: HostObject; readonly sourceObject: string; readonly stamp: number }
    > = []
    for (const { object, kind } of polledObjects(context)) {
      const watermark = cursor.watermarks[object] ?? 0
      const since = Math.max(0, watermark - overlapMillis)
      const rows = yield* queryAll(
        context.client,
        // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/system_fields.htm
        `SELECT ${changeRowFields(key)} FROM ${object} WHERE SystemModstamp >= ${formatSoqlDateTime(since)} ORDER BY SystemModstamp, Id LIMIT ${size + recent.size}`,
        { operation: "pollChanges", includeDeleted: true },
      )
      for (const row of rows) {
        const change = changeFromRow(row, kind, key, integrationUser)
        if (recent.has(change.changeId)) continue
        candidates.push({ ...change, sourceObject: object, stamp: change.occurredAt })
      }
    }
    candidates.sort((left, right) => left.stamp - right.stamp || left.recordId.localeCompare(right.recordId))
    const taken = candidates.slice(0, size)
    const watermarks: Record<string, number> = { ...cursor.watermarks }
    for (const change of taken)
      watermarks[change.sourceObject] = Math.max(watermarks[change.sourceObject] ?? 0, change.stamp)
    // Each object's recent changes are kept only within its own overlap window, so an object that
    // stopped changing long ago does not make the cursor grow with every other object's changes.
    const objectOfPrefix = new Map(polledObjects(context).map(({ object }) => [prefixOf[object], object]))
    const kept = [...cursor.recent, ...taken.map((change) => change.changeId)].filter((entry) => {
      const object = objectOfPrefix.get(entry.slice(0, 3))
      const mark = object === undefined ? undefined : watermarks[object]
      return mark !== undefined && Number(entry.split("@")[1]) >= mark - overlapMillis
    })
    const next: PollCursor = { version: 1, watermarks, recent: [...new Set(kept)] }
    const changes: Array<HostChange> = taken.map(
      ({ sourceObject: _source, stamp: _stamp, ...change }) => change,
    )
    return { changes, cursor: encodeCursor(next) }
  })
