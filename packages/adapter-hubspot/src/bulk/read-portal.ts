import type { HostFields, HostRecordId, PortFailure } from "@tixi/core"
import { Clock, Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { FieldRegistry } from "../host-crm/field-registry.ts"
import { customerRecordId } from "../host-crm/record-ids.ts"
import { keyProperty } from "../mapping/names.ts"
import { searchAll } from "../operations/search-all.ts"
import type { HubSpotObject } from "../vendor/schemas.ts"

/** A company with the revenue and deal facts tixi grades customers on. */
export interface PortalCompany {
  readonly id: HostRecordId
  readonly externalKey: string | undefined
  readonly name: string
  readonly industry: string | undefined
  readonly employees: number | undefined
  /** Annual revenue as the company record states it. */
  readonly annualRevenue: number | undefined
  /** Total revenue of the company's closed-won deals (HubSpot calculates it). */
  readonly totalRevenue: number | undefined
  readonly dealCount: number | undefined
  readonly openDealCount: number | undefined
  readonly recentDealAmount: number | undefined
  readonly recentDealClosedAt: number | undefined
  readonly lastModifiedAt: number | undefined
  /** tixi's fields already on the company (its current grade, limit, …). */
  readonly fields: HostFields
}

/** How far a portal read has got. */
export interface ReadProgress {
  readonly read: number
  readonly elapsedMillis: number
}

const factProperties = [
  "name",
  "industry",
  "numberofemployees",
  "annualrevenue",
  "total_revenue",
  "num_associated_deals",
  "hs_num_open_deals",
  "recent_deal_amount",
  "recent_deal_close_date",
  "hs_lastmodifieddate",
  keyProperty,
]

const number = (raw: string | null | undefined) => {
  if (raw === null || raw === undefined || raw === "") return undefined
  const value = Number(raw)
  return Number.isFinite(value) ? value : undefined
}

const instant = (raw: string | null | undefined) => {
  if (!raw) return undefined
  const value = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw)
  return Number.isFinite(value) ? value : undefined
}

function toCompany(
  record: HubSpotObject,
  registry: FieldRegistry,
  fields: ReadonlyArray<string>,
): PortalCompany {
  const properties = record.properties
  return {
    id: customerRecordId("companies", record.id),
    externalKey: properties[keyProperty] || undefined,
    name: properties.name ?? "",
    industry: properties.industry || undefined,
    employees: number(properties.numberofemployees),
    annualRevenue: number(properties.annualrevenue),
    totalRevenue: number(properties.total_revenue),
    dealCount: number(properties.num_associated_deals),
    openDealCount: number(properties.hs_num_open_deals),
    recentDealAmount: number(properties.recent_deal_amount),
    recentDealClosedAt: instant(properties.recent_deal_close_date),
    lastModifiedAt: instant(properties.hs_lastmodifieddate),
    fields: registry.fieldsOf("customer", record, fields),
  }
}

/**
 * Reads every company of the portal with its revenue and deal facts, for initial grading, 200 a
 * page through search partitioned by record id (so neither the 10,000-result cap nor a page
 * cursor that expires stops a large portal), or only those modified since an instant. Pages go
 * to `onPage` as they arrive, so memory stays flat however large the portal.
 */
export const readPortalCompanies = (
  gateway: Gateway,
  registry: FieldRegistry,
  options: {
    readonly modifiedSince?: number
    readonly onPage: (companies: ReadonlyArray<PortalCompany>) => Effect.Effect<void, PortFailure>
    readonly onProgress?: (progress: ReadProgress) => Effect.Effect<void>
  },
): Effect.Effect<number, PortFailure> =>
  Effect.gen(function* () {
    const started = yield* Clock.currentTimeMillis
    const fields = yield* registry.propertiesOf("companies")
    let read = 0
    return yield* searchAll(
      gateway,
      "companies",
      options.modifiedSince === undefined
        ? []
        : [{ propertyName: "hs_lastmodifieddate", operator: "GTE", value: String(options.modifiedSince) }],
      [...factProperties, ...fields],
      (records) =>
        Effect.gen(function* () {
          yield* options.onPage(records.map((record) => toCompany(record, registry, fields)))
          read += records.length
          if (options.onProgress) {
            const now = yield* Clock.currentTimeMillis
            yield* options.onProgress({ read, elapsedMillis: now - started })
          }
        }),
    )
  })
