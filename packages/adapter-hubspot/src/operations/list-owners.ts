import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { HubSpotOwnerPage } from "../vendor/schemas.ts"

/** Owners asked for per page: HubSpot's default page size, which every tier allows. */
export const ownersPageSize = 100

/**
 * One page of owners, active ones or (`archived`) only the archived ones, after the cursor
 * HubSpot returned as `paging.next.after` with the page before.
 */
export const listOwners = (
  gateway: Gateway,
  page: { readonly archived: boolean; readonly after: string | undefined },
): Effect.Effect<HubSpotOwnerPage, PortFailure> =>
  Effect.map(
    // https://developers.hubspot.com/docs/api-reference/crm-owners-v3/guide (GET /crm/v3/owners)
    gateway.send<HubSpotOwnerPage>(
      "listOwners",
      (client) =>
        client.crm.owners.ownersApi.getPageWithHttpInfo(undefined, page.after, ownersPageSize, page.archived),
      { context: { resource: "owner" } },
    ),
    (reply) => reply.data,
  )
