import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { SalesforceClient } from "../../client/salesforce-client.ts"
import type { RawSaveResult } from "../../vendor/rest.ts"

/** Creates one record (`POST /sobjects/X`); not idempotent, so callers look for the key first. */
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_sobject_create.htm
export const createRecord = (
  client: SalesforceClient,
  request: {
    readonly object: string
    readonly values: Readonly<Record<string, unknown>>
    readonly operation: string
  },
): Effect.Effect<string, PortFailure> =>
  Effect.map(
    client.send({
      operation: request.operation,
      method: "POST",
      path: client.data(`/sobjects/${request.object}`),
      json: request.values,
    }),
    (reply) => (reply.json as RawSaveResult).id!,
  )
