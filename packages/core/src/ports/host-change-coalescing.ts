import type { HostChange } from "./host-crm.ts"

const changeOrder: Readonly<Record<HostChange["changeType"], number>> = { updated: 0, created: 1, deleted: 2 }

/**
 * One change per record, for whoever takes host changes in (the complaint intake, the runtime's
 * delivery of a webhook batch), so the record is read once for all its reports: the earliest
 * report's id and instant, the strongest kind (deleted over created over updated), every field
 * named (none, meaning all, when one report named none).
 */
export function coalesceHostChanges(changes: ReadonlyArray<HostChange>): ReadonlyArray<HostChange> {
  const merged = new Map<string, HostChange>()
  const order: Array<string> = []
  for (const change of changes) {
    const key = `${change.origin}:${change.object}:${change.recordId}`
    const seen = merged.get(key)
    if (!seen) {
      merged.set(key, change)
      order.push(key)
      continue
    }
    const everything =
      (seen.changeType === "updated" && seen.changedFields.length === 0) ||
      (change.changeType === "updated" && change.changedFields.length === 0)
    merged.set(key, {
      ...seen,
      externalKey: seen.externalKey ?? change.externalKey,
      changeType:
        changeOrder[change.changeType] > changeOrder[seen.changeType] ? change.changeType : seen.changeType,
      changedFields: everything ? [] : [...new Set([...seen.changedFields, ...change.changedFields])],
      occurredAt: Math.min(seen.occurredAt, change.occurredAt),
    })
  }
  return order.map((key) => merged.get(key)!)
}
