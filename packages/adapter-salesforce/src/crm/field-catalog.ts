import type { HostAudienceFilter } from "@tixi/adapter-kit"
import { InvalidRequest, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { SalesforceClient } from "../client/salesforce-client.ts"
import { customFieldName, tixiNameOf } from "../mapping/field-names.ts"
import { describeSObject } from "../operations/rest/describe-sobject.ts"
import type { RawDescribe, RawDescribeField } from "../vendor/rest.ts"

/** Which tixi object a Salesforce object carries fields for. */
export type CatalogObject = "Account" | "Contact" | "Case"

/**
 * Where each tixi field lives on each object. Explicit mappings (settings `fieldMap`, e.g.
 * `case_type → Type`) win; every other field is `Tixi_<Name>__c`. Describes are cached and read
 * again after an install, so writes name only fields that exist (a clear InvalidRequest naming the
 * tixi field otherwise, before any call) and reads select every tixi field the org has.
 */
export interface FieldCatalog {
  readonly apiName: (object: CatalogObject, tixiName: string) => string
  /**
   * Salesforce values for the tixi fields the org's audience may read; fails InvalidRequest naming
   * each of those the org lacks. The others are left out, not refused: added to `heldBack` when
   * the caller collects them (a batch logs once), else logged here.
   */
  readonly toSalesforce: (
    object: CatalogObject,
    fields: Readonly<Record<string, unknown>>,
    operation: string,
    heldBack?: Set<string>,
  ) => Effect.Effect<Record<string, unknown>, PortFailure>
  /** Logs the fields an operation left out for the org's audience (nothing when none). */
  readonly reportWithheld: (operation: string, heldBack: ReadonlySet<string>) => Effect.Effect<void>
  /** The API names to SELECT for tixi fields, and how to name them back. */
  readonly readable: (
    object: CatalogObject,
    operation: string,
  ) => Effect.Effect<
    ReadonlyArray<{ readonly apiName: string; readonly tixiName: string; readonly type: string }>,
    PortFailure
  >
  readonly describe: (object: string, operation: string) => Effect.Effect<RawDescribe, PortFailure>
  /** Forgets cached describes (after fields were created or changed). */
  readonly invalidate: Effect.Effect<void>
}

/** Builds the catalog over a client and the explicit mappings of the settings. */
export const makeFieldCatalog = (
  client: SalesforceClient,
  explicit: {
    readonly customer: Readonly<Record<string, string>>
    readonly case: Readonly<Record<string, string>>
  },
  audience: HostAudienceFilter,
): FieldCatalog => {
  const cache = new Map<string, RawDescribe>()
  const mapFor = (object: CatalogObject) => (object === "Case" ? explicit.case : explicit.customer)
  const apiName = (object: CatalogObject, tixiName: string) =>
    mapFor(object)[tixiName] ?? customFieldName(tixiName)
  const describe = (object: string, operation: string) =>
    Effect.suspend(() => {
      const cached = cache.get(object)
      if (cached) return Effect.succeed(cached)
      return Effect.tap(describeSObject(client, object, operation), (result) =>
        Effect.sync(() => cache.set(object, result)),
      )
    })
  const fieldsOf = (result: RawDescribe) =>
    new Map(result.fields.map((field) => [field.name.toLowerCase(), field]))
  const reportWithheld = (operation: string, heldBack: ReadonlySet<string>) =>
    heldBack.size === 0
      ? Effect.void
      : Effect.logInfo(
          `tixi salesforce ${operation}: fields withheld from the org's audience (${audience.audience.clearance}): ${[...heldBack].join(", ")}`,
        ).pipe(Effect.annotateLogs({ withheld: [...heldBack] }))
  return {
    apiName,
    describe,
    invalidate: Effect.sync(() => cache.clear()),
    reportWithheld,
    toSalesforce: (object, fields, operation, collect) =>
      Effect.gen(function* () {
        const known = fieldsOf(yield* describe(object, operation))
        const out: Record<string, unknown> = {}
        const problems: Array<{ field: string; message: string }> = []
        const heldBack = collect ?? new Set<string>()
        for (const [name, value] of Object.entries(fields)) {
          if (!audience.allows(name)) {
            if (audience.classifies(name)) heldBack.add(name)
            else
              problems.push({
                field: name,
                message:
                  "has no confidentiality level: install it with its FieldSpec, or classify it in accessPolicy.attributes",
              })
            continue
          }
          const api = apiName(object, name)
          const field = known.get(api.toLowerCase())
          if (!field) {
            problems.push({
              field: name,
              message: `the org has no field ${object}.${api}; run install first`,
            })
            continue
          }
          if (field.updateable === false) {
            problems.push({ field: name, message: `${object}.${api} cannot be written` })
            continue
          }
          out[field.name] = convert(field, value)
        }
        if (problems.length > 0) {
          return yield* new PortFailure({
            port: "HostCrm",
            operation,
            reason: new InvalidRequest({ fields: problems }),
            detail: problems.map((problem) => `${problem.field}: ${problem.message}`).join("; "),
          })
        }
        if (collect === undefined) yield* reportWithheld(operation, heldBack)
        return out
      }),
    readable: (object, operation) =>
      Effect.gen(function* () {
        const result = yield* describe(object, operation)
        const reverse = new Map(
          Object.entries(mapFor(object)).map(([tixi, api]) => [api.toLowerCase(), tixi]),
        )
        const out: Array<{ apiName: string; tixiName: string; type: string }> = []
        for (const field of result.fields) {
          const tixiName =
            reverse.get(field.name.toLowerCase()) ?? (field.custom ? tixiNameOf(field.name) : undefined)
          if (tixiName === undefined || tixiName === "key" || tixiName === "stage" || tixiName === "kind")
            continue
          out.push({ apiName: field.name, tixiName, type: field.type })
        }
        return out
      }),
  }
}

/** A tixi value as the field's type wants it (dates as `YYYY-MM-DD`, instants as ISO datetimes). */
function convert(field: RawDescribeField, value: unknown): unknown {
  if (value === null || value === undefined) return null
  if (field.type === "datetime" && typeof value === "number") return new Date(value).toISOString()
  if (field.type === "date" && typeof value === "number") return new Date(value).toISOString().slice(0, 10)
  if (field.type === "boolean" && typeof value === "string") return value === "true"
  if (
    (field.type === "double" || field.type === "currency" || field.type === "percent") &&
    typeof value === "string" &&
    value.trim() !== ""
  ) {
    const number = Number(value)
    return Number.isFinite(number) ? number : value
  }
  return value
}

/** A Salesforce value read back as a tixi field value. */
export function fromSalesforce(type: string, value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null
  if (typeof value === "number" || typeof value === "boolean") return value
  if (type === "datetime" && typeof value === "string")
    return Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"))
  return String(value)
}
