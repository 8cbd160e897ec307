import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { HubSpotOwner } from "../vendor/schemas.ts"

/**
 * One owner by owner id (not user id); an archived owner is found only with `archived`. Fails
 * NotFound when HubSpot has no such owner.
 */
export const readOwner = (
  gateway: Gateway,
  ownerId: string,
  archived: boolean,
): Effect.Effect<HubSpotOwner, PortFailure> =>
  Effect.map(
    // https://developers.hubspot.com/docs/api-reference/crm-owners-v3/guide (GET /crm/v3/owners/{ownerId})
    gateway.send<HubSpotOwner>(
      "readOwner",
      (client) => client.crm.owners.ownersApi.getByIdWithHttpInfo(Number(ownerId), "id", archived),
      { context: { resource: "owner", id: ownerId } },
    ),
    (reply) => reply.data,
  )
