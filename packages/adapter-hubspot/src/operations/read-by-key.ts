import { chunk } from "@tixi/adapter-kit"
import { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { HubSpotBatchResponse, HubSpotObject } from "../vendor/schemas.ts"
import { batchSize, type HubSpotObjectType } from "./object-types.ts"

/**
 * Reads records by a unique-value property (tixi's `tixi_key`), 100 keys a call. Unlike search
 * this is consistent at once: a record written a moment ago is found. Missing keys are absent
 * from the map (HubSpot answers 207 with OBJECT_NOT_FOUND for them).
 */
export const readByKey = (
  gateway: Gateway,
  type: HubSpotObjectType,
  idProperty: string,
  keys: ReadonlyArray<string>,
  properties: ReadonlyArray<string>,
): Effect.Effect<Map<string, HubSpotObject>, PortFailure> =>
  Effect.gen(function* () {
    const found = new Map<string, HubSpotObject>()
    const unique = [...new Set(keys)]
    for (const batch of chunk(unique, batchSize)) {
      // https://developers.hubspot.com/docs/api-reference/crm-companies-v3/batch/post-crm-v3-objects-companies-batch-read
      // Body: BatchReadInputSimplePublicObjectId (@hubspot/api-client, crm/objects/models).
      const reply = yield* gateway
        .send<HubSpotBatchResponse>("readByKey", (client) =>
          client.crm.objects.batchApi.readWithHttpInfo(type, {
            idProperty,
            inputs: batch.map((id) => ({ id })),
            properties: [...properties, idProperty],
            propertiesWithHistory: [],
          }),
        )
        .pipe(Effect.mapError((failure) => notInstalledHint(failure, type, idProperty)))
      for (const record of reply.data.results) {
        const key = record.properties[idProperty]
        if (key) found.set(key, record)
      }
    }
    return found
  })

/** A 400 about the key property most often means tixi was never installed in this portal. */
export function notInstalledHint(failure: PortFailure, type: string, idProperty: string): PortFailure {
  if (failure.reason._tag !== "InvalidRequest" || !failure.detail.includes(idProperty)) return failure
  return new PortFailure({
    port: failure.port,
    operation: failure.operation,
    reason: failure.reason,
    detail: `${failure.detail} — ${type}.${idProperty} is tixi's key; run install first`,
    ...(failure.vendor ? { vendor: failure.vendor } : {}),
  })
}
