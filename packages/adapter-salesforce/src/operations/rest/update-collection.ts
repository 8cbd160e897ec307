import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { SalesforceClient } from "../../client/salesforce-client.ts"
import type { RawSaveResult } from "../../vendor/rest.ts"
import { collectionBody } from "./upsert-collection.ts"

/** Updates up to 200 records by Id in one call, each succeeding or failing on its own. */
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_update.htm
export const updateCollection = (
  client: SalesforceClient,
  request: {
    readonly object: string
    readonly records: ReadonlyArray<Readonly<Record<string, unknown>>>
    readonly operation: string
  },
): Effect.Effect<ReadonlyArray<RawSaveResult>, PortFailure> =>
  Effect.gen(function* () {
    const reply = yield* client.send({
      operation: request.operation,
      method: "PATCH",
      path: client.data("/composite/sobjects"),
      json: yield* collectionBody(request.object, request.records),
      // Writing the same values by Id twice leaves the record as writing them once.
      idempotent: true,
    })
    return reply.json as ReadonlyArray<RawSaveResult>
  })
