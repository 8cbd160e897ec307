import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { HubSpotProperty } from "../vendor/schemas.ts"
import type { HubSpotObjectType } from "./object-types.ts"

/** Every property definition of an object type. */
export const listProperties = (
  gateway: Gateway,
  type: HubSpotObjectType,
): Effect.Effect<ReadonlyArray<HubSpotProperty>, PortFailure> =>
  Effect.map(
    // https://developers.hubspot.com/docs/api-reference/crm-properties-v3/core/get-crm-v3-properties-objectType
    gateway.send<{ results: ReadonlyArray<HubSpotProperty> }>("listProperties", (client) =>
      client.crm.properties.coreApi.getAllWithHttpInfo(type),
    ),
    (reply) => reply.data.results,
  )
