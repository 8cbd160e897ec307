import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { SalesforceClient } from "../../client/salesforce-client.ts"
import type { FailureSite } from "../../errors/map-salesforce-error.ts"
import type { RawRecord } from "../../vendor/rest.ts"

/** One record by id with the named fields; a missing record fails NotFound. */
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_retrieve_get.htm
export const getRecord = (
  client: SalesforceClient,
  request: {
    readonly object: string
    readonly id: string
    readonly fields: ReadonlyArray<string>
    readonly operation: string
    readonly port?: FailureSite["port"]
    readonly resource: string
  },
): Effect.Effect<RawRecord, PortFailure> =>
  Effect.map(
    client.send({
      ...(request.port === undefined ? {} : { port: request.port }),
      operation: request.operation,
      method: "GET",
      path: client.data(
        `/sobjects/${request.object}/${request.id}?fields=${request.fields.map(encodeURIComponent).join(",")}`,
      ),
      idempotent: true,
      resource: request.resource,
      id: request.id,
    }),
    (reply) => reply.json as RawRecord,
  )
