import { type HostChange, type HostObject, hostRecordId } from "@tixi/core"
import { instantOf } from "../mapping/instants.ts"
import { shortId } from "../mapping/record-ids.ts"
import type { RawRecord } from "../vendor/rest.ts"

/** The fields a change row is read with (`queryAll`, so deleted records come too). */
export const changeRowFields = (externalIdField: string) =>
  `Id, ${externalIdField}, CreatedDate, SystemModstamp, LastModifiedById, IsDeleted`

/**
 * A change read from a record's state rather than from an event: created when it has not been
 * modified since its creation, deleted when in the recycle bin; tixi's own when the integration
 * user modified it last. The id is the record and its SystemModstamp, so re-reads dedupe.
 */
export function changeFromRow(
  row: RawRecord,
  kind: HostObject,
  externalIdField: string,
  integrationUserId: string,
  prefix = "",
): HostChange {
  const stamp = instantOf(String(row.SystemModstamp))
  return {
    changeId: `${prefix}${row.Id}@${stamp}`,
    object: kind,
    recordId: hostRecordId(String(row.Id)),
    externalKey: typeof row[externalIdField] === "string" ? (row[externalIdField] as string) : undefined,
    changeType:
      row.IsDeleted === true ? "deleted" : row.CreatedDate === row.SystemModstamp ? "created" : "updated",
    changedFields: [],
    occurredAt: stamp,
    origin: shortId(String(row.LastModifiedById ?? "")) === shortId(integrationUserId) ? "tixi" : "host",
  }
}
