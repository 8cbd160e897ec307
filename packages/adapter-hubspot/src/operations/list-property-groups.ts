import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { HubSpotPropertyGroup } from "../vendor/schemas.ts"
import type { HubSpotObjectType } from "./object-types.ts"

/** Every property group of an object type. */
export const listPropertyGroups = (
  gateway: Gateway,
  type: HubSpotObjectType,
): Effect.Effect<ReadonlyArray<HubSpotPropertyGroup>, PortFailure> =>
  Effect.map(
    // https://developers.hubspot.com/docs/api-reference/crm-properties-v3/groups/get-crm-v3-properties-objectType-groups
    gateway.send<{ results: ReadonlyArray<HubSpotPropertyGroup> }>("listPropertyGroups", (client) =>
      client.crm.properties.groupsApi.getAllWithHttpInfo(type),
    ),
    (reply) => reply.data.results,
  )
