import type { FilterOperatorEnum } from "@hubspot/api-client/lib/codegen/crm/objects/models/Filter.js"
import type { PublicObjectSearchRequest } from "@hubspot/api-client/lib/codegen/crm/objects/models/PublicObjectSearchRequest.js"
import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import { clientEnum } from "../vendor/client-enum.ts"
import type { HubSpotSearchPage } from "../vendor/schemas.ts"
import type { HubSpotObjectType } from "./object-types.ts"

/** One search filter. */
export interface SearchFilter {
  readonly propertyName: string
  /** One of the client's `FilterOperatorEnum` values. */
  readonly operator: `${FilterOperatorEnum}`
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
 * The sort as the search endpoint takes it: an object with `propertyName` and `direction` (search
 * guide, "Sort search results"). The client's model, generated from HubSpot's spec, types
 * `sorts` as strings; the one place tixi's request and the client's model disagree, on purpose.
 */
const sortsOf = (sort: SearchRequest["sort"]): NonNullable<PublicObjectSearchRequest["sorts"]> =>
  [{ propertyName: sort.propertyName, direction: sort.direction }] as unknown as Array<string>

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
    // Body: PublicObjectSearchRequest (@hubspot/api-client, crm/objects/models).
    gateway.send<HubSpotSearchPage>(
      "search",
      (client) =>
        client.crm.objects.searchApi.doSearchWithHttpInfo(type, {
          filterGroups: request.filterGroups.map((filters) => ({
            filters: filters.map(({ values, operator, ...filter }) => ({
              ...filter,
              operator: clientEnum<FilterOperatorEnum>(operator),
              ...(values === undefined ? {} : { values: [...values] }),
            })),
          })),
          sorts: sortsOf(request.sort),
          properties: [...request.properties],
          limit: request.limit,
          ...(request.after === undefined ? {} : { after: request.after }),
        }),
      { search: true },
    ),
    (reply) => reply.data,
  )
