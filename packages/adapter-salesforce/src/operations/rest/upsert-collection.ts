import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { SalesforceClient } from "../../client/salesforce-client.ts"
import type { RawSaveResult } from "../../vendor/rest.ts"

/** The most records one sObject Collections call takes. */
export const collectionLimit = 200

/** A collection body: at most 200 typed records, each saved on its own (`allOrNone: false`). */
export const collectionBody = (object: string, records: ReadonlyArray<Readonly<Record<string, unknown>>>) =>
  Effect.suspend(() =>
    records.length > collectionLimit
      ? Effect.die(
          new RangeError(`at most ${collectionLimit} records per collection call, got ${records.length}`),
        )
      : Effect.succeed({
          allOrNone: false,
          records: records.map((record) => ({ attributes: { type: object }, ...record })),
        }),
  )

/**
 * Creates or updates up to 200 records of one object by an external-id field in one call, each
 * record succeeding or failing on its own. Upserting by tixi's key is what makes a retried write
 * land on the same record instead of a second one.
 */
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_upsert.htm
export const upsertCollection = (
  client: SalesforceClient,
  request: {
    readonly object: string
    readonly externalIdField: string
    readonly records: ReadonlyArray<Readonly<Record<string, unknown>>>
    readonly operation: string
  },
): Effect.Effect<ReadonlyArray<RawSaveResult>, PortFailure> =>
  Effect.gen(function* () {
    const reply = yield* client.send({
      operation: request.operation,
      method: "PATCH",
      path: client.data(`/composite/sobjects/${request.object}/${request.externalIdField}`),
      json: yield* collectionBody(request.object, request.records),
      idempotent: true,
    })
    return reply.json as ReadonlyArray<RawSaveResult>
  })
