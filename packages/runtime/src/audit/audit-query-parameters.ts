import type { AuditOutcome, AuditQuery } from "./audit-entry.ts"

const names = ["personId", "process", "instanceId", "from", "to", "outcome", "limit", "after"] as const

/** A query as URL search parameters, how `tixi audit` asks a runner holding the embedded database. */
export const auditQuerySearch = (query: AuditQuery): URLSearchParams => {
  const search = new URLSearchParams()
  for (const name of names) {
    const value = query[name]
    if (value !== undefined) search.set(name, String(value))
  }
  return search
}

/**
 * The query the search parameters carry; values are passed on as given (a number that is not one
 * becomes NaN) so the trail's validation names the field. A missing limit is 1,000.
 */
export const auditQueryOfSearch = (search: URLSearchParams): AuditQuery => {
  const text = (name: string) => search.get(name) ?? undefined
  const number = (name: string) => (search.has(name) ? Number(search.get(name)) : undefined)
  return {
    personId: text("personId"),
    process: text("process"),
    instanceId: text("instanceId"),
    from: number("from"),
    to: number("to"),
    outcome: text("outcome") as AuditOutcome | undefined,
    limit: number("limit") ?? 1_000,
    after: number("after"),
  }
}
