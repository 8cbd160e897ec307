import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { HubSpotObject } from "../vendor/schemas.ts"
import type { HubSpotObjectType } from "./object-types.ts"

/** Writes some properties of one record by HubSpot id (others are left as they are). */
export const updateObject = (
  gateway: Gateway,
  type: HubSpotObjectType,
  id: string,
  properties: Readonly<Record<string, string>>,
): Effect.Effect<HubSpotObject, PortFailure> =>
  Effect.map(
    // https://developers.hubspot.com/docs/api-reference/crm-objects-v3/basic/patch-crm-v3-objects-objectType-objectId
    // Body: SimplePublicObjectInput (@hubspot/api-client, crm/objects/models).
    gateway.send<HubSpotObject>(
      "updateObject",
      (client) => client.crm.objects.basicApi.updateWithHttpInfo(type, id, { properties: { ...properties } }),
      { context: { resource: type, id } },
    ),
    (reply) => reply.data,
  )
