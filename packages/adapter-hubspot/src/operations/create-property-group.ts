import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { HubSpotPropertyGroup } from "../vendor/schemas.ts"
import type { HubSpotObjectType } from "./object-types.ts"

/** Creates a property group (tixi keeps its properties in one, so staff see where they come from). */
export const createPropertyGroup = (
  gateway: Gateway,
  type: HubSpotObjectType,
  group: { readonly name: string; readonly label: string; readonly displayOrder: number },
): Effect.Effect<HubSpotPropertyGroup, PortFailure> =>
  Effect.map(
    // https://developers.hubspot.com/docs/api-reference/crm-properties-v3/groups/post-crm-v3-properties-objectType-groups
    // Body: PropertyGroupCreate (@hubspot/api-client, crm/properties/models).
    gateway.send<HubSpotPropertyGroup>("createPropertyGroup", (client) =>
      client.crm.properties.groupsApi.createWithHttpInfo(type, { ...group }),
    ),
    (reply) => reply.data,
  )
