import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { HubSpotObject } from "../vendor/schemas.ts"
import { type HubSpotObjectType, searchPageSize } from "./object-types.ts"
import { type SearchFilter, searchObjects } from "./search-objects.ts"

/**
 * Every record matching the filters, however many: search pages stop at 10,000 results (a 400
 * beyond), so tixi never pages with `after`; it partitions by record id instead, asking each time
 * for the next 200 with `hs_object_id` greater than the last one seen. Each page costs one search
 * request (5 per second per account).
 */
export const searchAll = (
  gateway: Gateway,
  type: HubSpotObjectType,
  filters: ReadonlyArray<SearchFilter>,
  properties: ReadonlyArray<string>,
  onPage: (records: ReadonlyArray<HubSpotObject>) => Effect.Effect<void, PortFailure>,
): Effect.Effect<number, PortFailure> =>
  Effect.gen(function* () {
    let lastId = "0"
    let total = 0
    for (;;) {
      const page = yield* searchObjects(gateway, type, {
        filterGroups: [[...filters, { propertyName: "hs_object_id", operator: "GT", value: lastId }]],
        sort: { propertyName: "hs_object_id", direction: "ASCENDING" },
        properties: [...properties, "hs_object_id"],
        limit: searchPageSize,
      })
      if (page.results.length === 0) return total
      total += page.results.length
      yield* onPage(page.results)
      lastId = page.results.at(-1)!.id
      if (page.results.length < searchPageSize) return total
    }
  })
