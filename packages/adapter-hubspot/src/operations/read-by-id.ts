import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { HubSpotObject } from "../vendor/schemas.ts"
import type { HubSpotObjectType } from "./object-types.ts"

/** Reads one record by HubSpot id; fails NotFound when it does not exist. */
export const readById = (
  gateway: Gateway,
  type: HubSpotObjectType,
  id: string,
  properties: ReadonlyArray<string>,
): Effect.Effect<HubSpotObject, PortFailure> =>
  Effect.map(
    // https://developers.hubspot.com/docs/api-reference/crm-objects-v3/basic/get-crm-v3-objects-objectType-objectId
    gateway.send<HubSpotObject>(
      "readById",
      (client) => client.crm.objects.basicApi.getByIdWithHttpInfo(type, id, [...properties]),
      { context: { resource: type, id } },
    ),
    (reply) => reply.data,
  )
