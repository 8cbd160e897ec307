import { chunk } from "@tixi/adapter-kit"
import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { HubSpotObjectType } from "./object-types.ts"

/**
 * Associates records with HubSpot's default association type (v4), 100 pairs a call. Associating
 * an associated pair again changes nothing, so the call is safe to repeat.
 */
export const associateDefault = (
  gateway: Gateway,
  from: HubSpotObjectType,
  to: HubSpotObjectType,
  pairs: ReadonlyArray<{ readonly fromId: string; readonly toId: string }>,
): Effect.Effect<void, PortFailure> =>
  Effect.forEach(
    chunk(pairs, 100),
    (batch) =>
      // https://developers.hubspot.com/docs/api-reference/crm-associations-v4/batch/post-crm-v4-associations-fromObjectType-toObjectType-batch-associate-default
      // Body: BatchInputPublicDefaultAssociationMultiPost (@hubspot/api-client, crm/associations/v4/models).
      gateway.send("associateDefault", (client) =>
        client.crm.associations.v4.batchApi.createDefaultWithHttpInfo(from, to, {
          inputs: batch.map((pair) => ({ _from: { id: pair.fromId }, to: { id: pair.toId } })),
        }),
      ),
    { discard: true },
  )
