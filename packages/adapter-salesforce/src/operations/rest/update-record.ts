import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { SalesforceClient } from "../../client/salesforce-client.ts"
import type { FailureSite } from "../../errors/map-salesforce-error.ts"

/** Updates one record by id (`PATCH /sobjects/X/id`, 204). */
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_update_fields.htm
export const updateRecord = (
  client: SalesforceClient,
  request: {
    readonly object: string
    readonly id: string
    readonly values: Readonly<Record<string, unknown>>
    readonly operation: string
    readonly port?: FailureSite["port"]
  },
): Effect.Effect<void, PortFailure> =>
  Effect.asVoid(
    client.send({
      ...(request.port === undefined ? {} : { port: request.port }),
      operation: request.operation,
      method: "PATCH",
      path: client.data(`/sobjects/${request.object}/${request.id}`),
      json: request.values,
      idempotent: true,
      resource: request.object,
      id: request.id,
    }),
  )
