import { chunk } from "@tixi/adapter-kit"
import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { HubSpotBatchResponse, HubSpotObject } from "../vendor/schemas.ts"
import { batchSize, type HubSpotObjectType, historyBatchSize } from "./object-types.ts"

/**
 * Reads records by HubSpot id, 100 a call, optionally with the history (and its source) of some
 * properties: then 50 a call, HubSpot's limit for histories. Ids that do not exist are absent
 * from the map.
 */
export const readByIds = (
  gateway: Gateway,
  type: HubSpotObjectType,
  ids: ReadonlyArray<string>,
  properties: ReadonlyArray<string>,
  propertiesWithHistory: ReadonlyArray<string> = [],
): Effect.Effect<Map<string, HubSpotObject>, PortFailure> =>
  Effect.gen(function* () {
    const found = new Map<string, HubSpotObject>()
    const size = propertiesWithHistory.length > 0 ? historyBatchSize : batchSize
    for (const batch of chunk([...new Set(ids)], size)) {
      // https://developers.hubspot.com/docs/api-reference/crm-objects-v3/batch/post-crm-v3-objects-objectType-batch-read
      // Body: BatchReadInputSimplePublicObjectId (@hubspot/api-client, crm/objects/models).
      const reply = yield* gateway.send<HubSpotBatchResponse>("readByIds", (client) =>
        client.crm.objects.batchApi.readWithHttpInfo(type, {
          inputs: batch.map((id) => ({ id })),
          properties: [...properties],
          propertiesWithHistory: [...propertiesWithHistory],
        }),
      )
      for (const record of reply.data.results) found.set(record.id, record)
    }
    return found
  })
