import type { PropertyDefinition, StoredObject } from "./model.ts"
import { errorReply, type FakeReply } from "./responses.ts"

/**
 * The CRM search endpoint as HubSpot limits it (search guide, last modified 2026-03-30): at most
 * 200 results a page, 10,000 results in all (paging past them is a 400), 5 filter groups of at
 * most 6 filters and 18 filters in total, one sort, queries of at most 3,000 characters.
 * https://developers.hubspot.com/docs/api-reference/search/guide
 */
export const searchLimits = {
  pageSize: 200,
  totalResults: 10_000,
  filterGroups: 5,
  filtersPerGroup: 6,
  filters: 18,
  queryLength: 3_000,
} as const

interface Filter {
  readonly propertyName: string
  readonly operator: string
  readonly value?: string
  readonly values?: ReadonlyArray<string>
  readonly highValue?: string
}

interface SearchRequest {
  readonly filterGroups?: ReadonlyArray<{ readonly filters?: ReadonlyArray<Filter> }>
  readonly sorts?: ReadonlyArray<string | { readonly propertyName: string; readonly direction?: string }>
  readonly query?: string
  readonly properties?: ReadonlyArray<string>
  readonly limit?: number
  readonly after?: string | number
}

const numericTypes = new Set(["number", "datetime", "date"])

function comparable(
  definition: PropertyDefinition | undefined,
  value: string | undefined,
): number | string | undefined {
  if (value === undefined || value === "") return undefined
  if (definition && numericTypes.has(definition.type)) {
    const number = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : Date.parse(value)
    return Number.isFinite(number) ? number : undefined
  }
  return value.toLowerCase()
}

function matches(
  record: StoredObject,
  filter: Filter,
  definitions: ReadonlyMap<string, PropertyDefinition>,
): boolean {
  const definition = definitions.get(filter.propertyName)
  const stored = record.properties.get(filter.propertyName)
  const left = comparable(definition, stored)
  const right = comparable(definition, filter.value)
  switch (filter.operator) {
    case "HAS_PROPERTY":
      return left !== undefined
    case "NOT_HAS_PROPERTY":
      return left === undefined
    case "EQ":
      return left !== undefined && left === right
    case "NEQ":
      return left !== right
    case "LT":
      return left !== undefined && right !== undefined && left < right
    case "LTE":
      return left !== undefined && right !== undefined && left <= right
    case "GT":
      return left !== undefined && right !== undefined && left > right
    case "GTE":
      return left !== undefined && right !== undefined && left >= right
    case "BETWEEN": {
      const high = comparable(definition, filter.highValue)
      return left !== undefined && right !== undefined && high !== undefined && left >= right && left <= high
    }
    case "IN":
      return (
        left !== undefined && (filter.values ?? []).some((value) => comparable(definition, value) === left)
      )
    case "NOT_IN":
      return !(filter.values ?? []).some((value) => comparable(definition, value) === left)
    case "CONTAINS_TOKEN":
    case "NOT_CONTAINS_TOKEN": {
      const pattern = (filter.value ?? "").toLowerCase().replaceAll("*", "")
      const found = (stored ?? "")
        .toLowerCase()
        .split(/[\s,.;]+/)
        .some((token) => token.includes(pattern))
      return filter.operator === "CONTAINS_TOKEN" ? found : !found
    }
    default:
      return false
  }
}

/** Validates a search request and returns a page, or HubSpot's 400. */
export function runSearch(
  body: SearchRequest,
  records: Iterable<StoredObject>,
  definitions: ReadonlyMap<string, PropertyDefinition>,
  visible: (record: StoredObject) => boolean,
  render: (record: StoredObject, properties: ReadonlyArray<string>) => unknown,
  defaultProperties: ReadonlyArray<string>,
): FakeReply {
  const limit = body.limit ?? 10
  if (!Number.isInteger(limit) || limit < 1 || limit > searchLimits.pageSize) {
    return errorReply(
      400,
      "VALIDATION_ERROR",
      `Invalid input JSON: limit must be between 1 and ${searchLimits.pageSize}.`,
    )
  }
  const groups = body.filterGroups ?? []
  const total = groups.reduce((sum, group) => sum + (group.filters?.length ?? 0), 0)
  if (
    groups.length > searchLimits.filterGroups ||
    groups.some((group) => (group.filters?.length ?? 0) > searchLimits.filtersPerGroup) ||
    total > searchLimits.filters
  ) {
    return errorReply(
      400,
      "VALIDATION_ERROR",
      `Too many filters: at most ${searchLimits.filterGroups} filterGroups of ${searchLimits.filtersPerGroup} filters, ${searchLimits.filters} in total.`,
    )
  }
  if ((body.query ?? "").length > searchLimits.queryLength) {
    return errorReply(400, "VALIDATION_ERROR", `query is longer than ${searchLimits.queryLength} characters.`)
  }
  const sorts = body.sorts ?? []
  if (sorts.length > 1) return errorReply(400, "VALIDATION_ERROR", "Only one sort is supported.")
  for (const group of groups) {
    for (const filter of group.filters ?? []) {
      if (!definitions.has(filter.propertyName)) {
        return errorReply(
          400,
          "VALIDATION_ERROR",
          `There was a problem with the request: unknown property ${filter.propertyName}.`,
        )
      }
    }
  }
  const after = body.after === undefined || body.after === "" ? 0 : Number(body.after)
  if (!Number.isInteger(after) || after < 0) return errorReply(400, "VALIDATION_ERROR", "Invalid after.")
  if (after + limit > searchLimits.totalResults) {
    return errorReply(
      400,
      "VALIDATION_ERROR",
      `There was a problem with the request. Search results are limited to ${searchLimits.totalResults} results; use filters to narrow the search.`,
    )
  }
  const query = (body.query ?? "").toLowerCase()
  const found = [...records].filter(
    (record) =>
      visible(record) &&
      (groups.length === 0 ||
        groups.some((group) =>
          (group.filters ?? []).every((filter) => matches(record, filter, definitions)),
        )) &&
      (query === "" || [...record.properties.values()].some((value) => value.toLowerCase().includes(query))),
  )
  const sort = sorts[0]
  const sortProperty =
    sort === undefined
      ? "hs_object_id"
      : typeof sort === "string"
        ? sort.replace(/^-/, "")
        : sort.propertyName
  const descending =
    sort !== undefined && (typeof sort === "string" ? sort.startsWith("-") : sort.direction === "DESCENDING")
  const definition = definitions.get(sortProperty) ?? definitions.get("hs_object_id")
  found.sort((a, b) => {
    const left = comparable(definition, a.properties.get(sortProperty))
    const right = comparable(definition, b.properties.get(sortProperty))
    if (left === right) return 0
    if (left === undefined) return 1
    if (right === undefined) return -1
    return (left < right ? -1 : 1) * (descending ? -1 : 1)
  })
  const page = found.slice(after, after + limit)
  const properties = body.properties && body.properties.length > 0 ? body.properties : defaultProperties
  const next = after + page.length
  return {
    status: 200,
    body: {
      total: found.length,
      results: page.map((record) => render(record, properties)),
      ...(next < found.length ? { paging: { next: { after: String(next) } } } : {}),
    },
  }
}
