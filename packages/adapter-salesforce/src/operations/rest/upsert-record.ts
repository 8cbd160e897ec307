import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { SalesforceClient } from "../../client/salesforce-client.ts"
import type { RawSaveResult } from "../../vendor/rest.ts"

/**
 * Creates or updates one record by an external id (`PATCH /sobjects/X/Field/key`): 201 when
 * created, 200 with a body (or 204 on older versions) when updated. The one-call-per-record path,
 * used for single writes and as the benchmark's baseline.
 */
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_upsert.htm
export const upsertRecord = (
  client: SalesforceClient,
  request: {
    readonly object: string
    readonly externalIdField: string
    readonly key: string
    readonly values: Readonly<Record<string, unknown>>
    readonly operation: string
  },
): Effect.Effect<RawSaveResult, PortFailure> =>
  Effect.map(
    client.send({
      operation: request.operation,
      method: "PATCH",
      path: client.data(
        `/sobjects/${request.object}/${request.externalIdField}/${encodeURIComponent(request.key)}`,
      ),
      json: request.values,
      idempotent: true,
    }),
    (reply) => (reply.json as RawSaveResult | undefined) ?? { success: true, errors: [], created: false },
  )
