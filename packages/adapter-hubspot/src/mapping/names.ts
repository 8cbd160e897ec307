import type { FieldSpec, HostObject } from "@tixi/core"
import type { HubSpotObjectType } from "../operations/object-types.ts"

/** The property group that holds every tixi property, so staff see where they come from. */
export const tixiGroupName = "tixi"

/**
 * tixi's key on every record it writes: the customer id, the complaint id, the effect's
 * idempotency key. A unique-value property on companies, contacts and tickets, so writes use
 * `batch/upsert` with `idProperty=tixi_key` and a retry never creates a second record.
 * Activities cannot have unique properties; there it is a plain property (see `find-activity.ts`).
 */
export const keyProperty = "tixi_key"

/** On tickets: the customer's tixi key, so a case's customer is known without reading associations. */
export const customerKeyProperty = "tixi_customer_key"

/** On tickets and tasks: the tixi person who owns it (`hubspot_owner_id` too, when mapped). */
export const ownerProperty = "tixi_owner"

/** The infrastructure properties tixi reads on every object that has them. */
export const infrastructureProperties = [keyProperty] as const

/** The object types that hold tixi's `customer` fields: organisations and people. */
export const customerTypes: ReadonlyArray<HubSpotObjectType> = ["companies", "contacts"]

/** The HubSpot object types a tixi host object lives on. */
export const objectTypesOf = (object: HostObject): ReadonlyArray<HubSpotObjectType> =>
  object === "customer" ? customerTypes : ["tickets"]

/**
 * The HubSpot property name of a tixi field: lower case, `tixi_` in front (unless it is there
 * already), so tixi's properties never collide with the portal's own.
 */
export function propertyNameOf(fieldName: string): string {
  const cleaned = fieldName
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
  return cleaned.startsWith("tixi_") ? cleaned : `tixi_${cleaned}`
}

/** Field names by property name, for the fields of one host object. */
export function fieldNamesByProperty(
  specs: ReadonlyArray<FieldSpec>,
  object: HostObject,
): Map<string, FieldSpec> {
  return new Map(
    specs.filter((spec) => spec.object === object).map((spec) => [propertyNameOf(spec.name), spec]),
  )
}
