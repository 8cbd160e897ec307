import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import { listOwners } from "../operations/list-owners.ts"
import type { HubSpotOwner } from "../vendor/schemas.ts"

/**
 * Every owner of the portal, active and archived (HubSpot lists archived owners only when asked
 * for them alone), following `paging.next.after` to the last page of each listing.
 */
export const listAllOwners = (gateway: Gateway): Effect.Effect<ReadonlyArray<HubSpotOwner>, PortFailure> =>
  Effect.gen(function* () {
    const owners: Array<HubSpotOwner> = []
    for (const archived of [false, true]) {
      let after: string | undefined
      do {
        const page = yield* listOwners(gateway, { archived, after })
        owners.push(...page.results)
        after = page.paging?.next?.after
      } while (after !== undefined)
    }
    return owners
  })
