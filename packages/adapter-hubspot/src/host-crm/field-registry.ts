import { type FieldSpec, type HostFields, type HostObject, InvalidRequest, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { PortalSchema } from "../install/portal-schema.ts"
import { objectTypesOf, propertyNameOf, tixiGroupName } from "../mapping/names.ts"
import { fromHubSpotValue, propertyFor, toHubSpotValue } from "../mapping/values.ts"
import { createProperty } from "../operations/create-property.ts"
import type { HubSpotObjectType } from "../operations/object-types.ts"
import type { HubSpotObject } from "../vendor/schemas.ts"

/**
 * tixi's fields and the HubSpot properties that hold them. Fields come from the settings and
 * from `ensureFields`; a field written that the portal does not have yet is created first (from
 * its spec, or as a plain text, number or yes/no property when it has none), so a complaint is
 * never lost because an upgrade added a field before install ran again.
 */
export interface FieldRegistry {
  /** Records specs (after `ensureFields` or install). */
  readonly register: (specs: ReadonlyArray<FieldSpec>) => void
  readonly specOf: (object: HostObject, name: string) => FieldSpec | undefined
  /** Makes sure the properties of these fields exist on the object types; creates the missing ones. */
  readonly ensureWritable: (object: HostObject, fields: HostFields) => Effect.Effect<void, PortFailure>
  /** The fields as HubSpot properties. */
  readonly toProperties: (object: HostObject, fields: HostFields) => Record<string, string>
  /** Every tixi field property on an object type (the `tixi` group), to read with each record. */
  readonly propertiesOf: (type: HubSpotObjectType) => Effect.Effect<ReadonlyArray<string>, PortFailure>
  /** A record's tixi fields, by tixi field name. */
  readonly fieldsOf: (
    object: HostObject,
    record: HubSpotObject,
    properties: ReadonlyArray<string>,
  ) => HostFields
  /** The tixi field name of a property, if it is a tixi field. */
  readonly fieldNameOf: (object: HostObject, property: string) => string | undefined
}

/** Properties in tixi's group that hold tixi's bookkeeping, not fields. */
const bookkeeping = new Set(["tixi_key", "tixi_customer_key", "tixi_owner"])

/** Builds the registry of one adapter. */
export function makeFieldRegistry(
  gateway: Gateway,
  schema: PortalSchema,
  initial: ReadonlyArray<FieldSpec>,
): FieldRegistry {
  const specs = new Map<string, FieldSpec>()
  const byProperty = new Map<string, string>()
  const key = (object: HostObject, name: string) => `${object}:${name}`
  const register = (list: ReadonlyArray<FieldSpec>) => {
    for (const spec of list) {
      specs.set(key(spec.object, spec.name), spec)
      byProperty.set(key(spec.object, propertyNameOf(spec.name)), spec.name)
    }
  }
  register(initial)

  const inferred = (object: HostObject, name: string, value: unknown): FieldSpec => ({
    object,
    name,
    label: { "zh-CN": name, en: name },
    type: typeof value === "number" ? "number" : typeof value === "boolean" ? "boolean" : "text",
  })

  const ensureWritable = (object: HostObject, fields: HostFields) =>
    Effect.gen(function* () {
      for (const [name, value] of Object.entries(fields)) {
        const property = propertyNameOf(name)
        if (property.length > 100 || !/^[a-z][a-z0-9_]*$/.test(property)) {
          return yield* new PortFailure({
            port: "HostCrm",
            operation: "fields",
            reason: new InvalidRequest({
              fields: [{ field: `fields.${name}`, message: "is not a usable field name" }],
            }),
            detail: `field ${JSON.stringify(name)} cannot be a HubSpot property name`,
          })
        }
        if (!byProperty.has(key(object, property))) byProperty.set(key(object, property), name)
        for (const type of objectTypesOf(object)) {
          const existing = (yield* schema.properties(type)).get(property)
          if (existing) continue
          const spec = specs.get(key(object, name)) ?? inferred(object, name, value)
          yield* createProperty(gateway, type, propertyFor(spec, gateway.settings.language, -1)).pipe(
            // Another process may have created it meanwhile.
            Effect.catchIf(
              (failure) => failure.reason._tag === "Conflict",
              () => Effect.void,
            ),
          )
          yield* schema.invalidate
        }
      }
    })

  return {
    register,
    specOf: (object, name) => specs.get(key(object, name)),
    ensureWritable,
    toProperties: (object, fields) => {
      const properties: Record<string, string> = {}
      for (const [name, value] of Object.entries(fields)) {
        properties[propertyNameOf(name)] = toHubSpotValue(specs.get(key(object, name)), value)
      }
      return properties
    },
    propertiesOf: (type) =>
      Effect.map(schema.properties(type), (all) =>
        [...all.values()]
          .filter((property) => property.groupName === tixiGroupName && !bookkeeping.has(property.name))
          .map((property) => property.name),
      ),
    fieldsOf: (object, record, properties) => {
      const fields: Record<string, string | number | boolean | null> = {}
      for (const property of properties) {
        const raw = record.properties[property]
        if (raw === undefined || raw === null || raw === "") continue
        const name = byProperty.get(key(object, property)) ?? property.replace(/^tixi_/, "")
        fields[name] = fromHubSpotValue(specs.get(key(object, name)), raw)
      }
      return fields
    },
    fieldNameOf: (object, property) => {
      if (bookkeeping.has(property)) return undefined
      const known = byProperty.get(key(object, property))
      if (known) return known
      return property.startsWith("tixi_") ? property.slice(5) : undefined
    },
  }
}
