import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { HubSpotSearchPage } from "../vendor/schemas.ts"
import type { HubSpotObjectType } from "./object-types.ts"

/** One search filter. */
export interface SearchFilter {
  readonly propertyName: string
  readonly operator:
    | "EQ"
    | "NEQ"
    | "LT"
    | "LTE"
    | "GT"
    | "GTE"
    | "IN"
    | "HAS_PROPERTY"
    | "NOT_HAS_PROPERTY"
    | "BETWEEN"
  readonly value?: string
  readonly values?: ReadonlyArray<string>
  readonly highValue?: string
}

/** One search request: filter groups are ORed, the filters inside a group ANDed. */
export interface SearchRequest {
  readonly filterGroups: ReadonlyArray<ReadonlyArray<SearchFilter>>
  readonly sort: { readonly propertyName: string; readonly direction: "ASCENDING" | "DESCENDING" }
  readonly properties: ReadonlyArray<string>
  readonly limit: number
  readonly after?: string
}

/**
 * One page of the CRM search. Search has its own limit (5 requests per second per account), a
 * 200-result page and a 10,000-result cap, and sees new records only after indexing; callers
 * partition (see `partitioned-search.ts`) and never rely on it for a record just written.
 */
export const searchObjects = (
  gateway: Gateway,
  type: HubSpotObjectType,
  request: SearchRequest,
): Effect.Effect<HubSpotSearchPage, PortFailure> =>
  Effect.map(
    // https://developers.hubspot.com/docs/api-reference/search/guide
    gateway.send<HubSpotSearchPage>(
      "search",
      (client) =>
        client.crm.objects.searchApi.doSearchWithHttpInfo(type, {
          filterGroups: request.filterGroups.map((filters) => ({
            filters: filters.map((filter) => ({ ...filter })),
          })),
          sorts: [{ propertyName: request.sort.propertyName, direction: request.sort.direction }],
          properties: [...request.properties],
          limit: request.limit,
          ...(request.after === undefined ? {} : { after: request.after }),
        } as never) as never,
      { search: true },
    ),
    (reply) => reply.data,
  )
