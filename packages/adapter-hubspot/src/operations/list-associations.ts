import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { HubSpotAssociatedObject } from "../vendor/schemas.ts"
import type { HubSpotObjectType } from "./object-types.ts"

/** The ids of every record of `to` associated with one record (v4, 500 a page). */
export const listAssociations = (
  gateway: Gateway,
  from: HubSpotObjectType,
  id: string,
  to: HubSpotObjectType,
): Effect.Effect<ReadonlyArray<string>, PortFailure> =>
  Effect.gen(function* () {
    const ids: Array<string> = []
    let after: string | undefined
    do {
      // https://developers.hubspot.com/docs/api-reference/crm-associations-v4/basic/get-crm-v4-objects-objectType-objectId-associations-toObjectType
      const reply = yield* gateway.send<{
        results: ReadonlyArray<HubSpotAssociatedObject>
        paging?: { next?: { after: string } }
      }>(
        "listAssociations",
        (client) => client.crm.associations.v4.basicApi.getPageWithHttpInfo(from, id, to, after, 500),
        { context: { resource: from, id } },
      )
      ids.push(...reply.data.results.map((entry) => String(entry.toObjectId)))
      after = reply.data.paging?.next?.after
    } while (after !== undefined)
    return ids
  })
