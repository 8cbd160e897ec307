import { chunk } from "@tixi/adapter-kit"
import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { HubSpotBatchResponse, HubSpotObject } from "../vendor/schemas.ts"
import { batchSize, type HubSpotObjectType } from "./object-types.ts"
import { notInstalledHint } from "./read-by-key.ts"

/** One record to create or update, matched on the unique property's value. */
export interface UpsertInput {
  readonly key: string
  readonly properties: Readonly<Record<string, string>>
}

/**
 * Creates or updates records matched on a unique-value property (`batch/upsert` with
 * `idProperty`), 100 a call. Repeating it after a crash or a retry updates the same records:
 * HubSpot never creates a second one for a key. Returns each input's record, by key.
 */
export const upsertByKey = (
  gateway: Gateway,
  type: HubSpotObjectType,
  idProperty: string,
  inputs: ReadonlyArray<UpsertInput>,
): Effect.Effect<Map<string, HubSpotObject>, PortFailure> =>
  Effect.gen(function* () {
    const written = new Map<string, HubSpotObject>()
    for (const batch of chunk(inputs, batchSize)) {
      // https://developers.hubspot.com/docs/api-reference/crm-objects-v3/batch/post-crm-v3-objects-objectType-batch-upsert
      // Body: BatchInputSimplePublicObjectBatchInputUpsert (@hubspot/api-client, crm/objects/models).
      const reply = yield* gateway
        .send<HubSpotBatchResponse>("upsertByKey", (client) =>
          client.crm.objects.batchApi.upsertWithHttpInfo(type, {
            inputs: batch.map((input) => ({
              id: input.key,
              idProperty,
              properties: { ...input.properties },
            })),
          }),
        )
        .pipe(Effect.mapError((failure) => notInstalledHint(failure, type, idProperty)))
      for (const record of reply.data.results) {
        const key = record.properties[idProperty]
        if (key) written.set(key, record)
      }
    }
    return written
  })
