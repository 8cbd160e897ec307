import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { SalesforceClient } from "../../client/salesforce-client.ts"
import type { FailureSite } from "../../errors/map-salesforce-error.ts"
import type { RawQueryResult, RawRecord } from "../../vendor/rest.ts"

/** Options of a SOQL query. */
export interface QueryOptions {
  readonly port?: FailureSite["port"]
  readonly operation: string
  /** `queryAll`: include deleted and archived records (the recycle bin). */
  readonly includeDeleted?: boolean
  /** Run against the Tooling API (`CustomField`). */
  readonly tooling?: boolean
}

/** Quotes a value for a SOQL string literal (backslash and quote escaped). */
export const soqlString = (value: string) =>
  `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n")}'`

/**
 * Runs a SOQL query and follows `nextRecordsUrl` until `done`, so callers get every row however
 * the org batches them (2,000 by default; `Sforce-Query-Options` batch sizes are not guaranteed).
 */
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_query.htm
export const queryAll = (
  client: SalesforceClient,
  soql: string,
  options: QueryOptions,
): Effect.Effect<ReadonlyArray<RawRecord>, PortFailure> =>
  Effect.gen(function* () {
    const resource = options.includeDeleted ? "/queryAll" : "/query"
    let path = `${options.tooling ? client.tooling(resource) : client.data(resource)}?q=${encodeURIComponent(soql)}`
    const rows: Array<RawRecord> = []
    for (;;) {
      const reply = yield* client.send({
        ...(options.port === undefined ? {} : { port: options.port }),
        operation: options.operation,
        method: "GET",
        path,
        idempotent: true,
      })
      const page = reply.json as RawQueryResult
      rows.push(...page.records)
      if (page.done || !page.nextRecordsUrl) return rows
      path = page.nextRecordsUrl
    }
  })
