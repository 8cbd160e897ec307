import type { HostAudienceFilter } from "@tixi/adapter-kit"
import { type FieldSpec, type HostFields, type HostObject, InvalidRequest, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { PortalSchema } from "../install/portal-schema.ts"
import { objectTypesOf, propertyNameOf, tixiGroupName } from "../mapping/names.ts"
import { fromHubSpotValue, toHubSpotValue } from "../mapping/values.ts"
import type { HubSpotObjectType } from "../operations/object-types.ts"
import type { HubSpotObject } from "../vendor/schemas.ts"

/**
 * tixi's fields and the HubSpot properties that hold them. Fields come from the settings and from
 * `ensureFields` / install. Writing a field the portal does not have fails, naming the field and
 * asking for install: tixi creates properties in a customer's portal only when an administrator
 * installs (or `ensureFields` runs), never silently while it writes. A field the portal's audience
 * may not read (settings `audience`) is left out of every write, not refused: the write goes on.
 */
export interface FieldRegistry {
  /** Records specs (after `ensureFields` or install). */
  readonly register: (specs: ReadonlyArray<FieldSpec>) => void
  readonly specOf: (object: HostObject, name: string) => FieldSpec | undefined
  /**
   * The specs whose fields the portal's audience may read. Install creates only these: an empty
   * 赊销限额 property in a portal its users may not read invites them to type one in by hand,
   * and tells them the company keeps it; raising the audience and installing again adds it.
   */
  readonly receivable: (specs: ReadonlyArray<FieldSpec>) => ReadonlyArray<FieldSpec>
  /**
   * Checks that every field the audience may read has its tixi property on the object types (after one fresh read of
   * the portal's schema, in case install ran meanwhile); fails with `InvalidRequest` naming each
   * field that is missing. Logs the fields the audience may not read (every write path calls it
   * once per call with all its fields, so a batch logs once); `toProperties` leaves them out.
   */
  readonly ensureWritable: (object: HostObject, fields: HostFields) => Effect.Effect<void, PortFailure>
  /** The fields the portal's audience may read, as HubSpot properties. */
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
  schema: PortalSchema,
  initial: ReadonlyArray<FieldSpec>,
  audience: HostAudienceFilter,
): FieldRegistry {
  const specs = new Map<string, FieldSpec>()
  const byProperty = new Map<string, string>()
  const key = (object: HostObject, name: string) => `${object}:${name}`
  const register = (list: ReadonlyArray<FieldSpec>) => {
    for (const spec of list) {
      specs.set(key(spec.object, spec.name), spec)
      byProperty.set(key(spec.object, propertyNameOf(spec.name)), spec.name)
    }
    audience.declare(list)
  }
  register(initial)

  /** The fields whose property is missing (or not tixi's) on one of the object's types. */
  const missingOf = (object: HostObject, names: ReadonlyArray<string>) =>
    Effect.gen(function* () {
      const missing: Array<{
        readonly name: string
        readonly type: HubSpotObjectType
        readonly why: string
      }> = []
      for (const name of names) {
        const property = propertyNameOf(name)
        for (const type of objectTypesOf(object)) {
          const existing = (yield* schema.properties(type)).get(property)
          if (!existing) missing.push({ name, type, why: `${type} has no property ${property}` })
          else if (existing.groupName !== tixiGroupName)
            missing.push({
              name,
              type,
              why: `${type}.${property} is the portal's own (group ${existing.groupName})`,
            })
        }
      }
      return missing
    })

  const ensureWritable = (object: HostObject, fields: HostFields) =>
    Effect.gen(function* () {
      const names: Array<string> = []
      const withheld: Array<string> = []
      for (const name of Object.keys(fields)) (audience.allows(name) ? names : withheld).push(name)
      if (withheld.length > 0 && withheld.every(audience.classifies)) {
        yield* Effect.logInfo(
          `tixi hubspot: ${object} fields withheld from the portal's audience (${audience.audience.clearance}): ${withheld.join(", ")}`,
        ).pipe(Effect.annotateLogs({ withheld }))
      }
      for (const name of withheld) {
        if (audience.classifies(name)) continue
        return yield* new PortFailure({
          port: "HostCrm",
          operation: "fields",
          reason: new InvalidRequest({
            fields: [
              {
                field: `fields.${name}`,
                message: "has no confidentiality level; declare it in settings fields",
              },
            ],
          }),
          detail: `field ${JSON.stringify(name)} is not classified: tixi does not write a field whose level nobody set (declare its FieldSpec with a confidentiality, or classify it in accessPolicy.attributes)`,
        })
      }
      for (const name of names) {
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
      }
      if ((yield* missingOf(object, names)).length === 0) return
      // Install may have run since the schema was read (another process, the administrator).
      yield* schema.invalidate
      const missing = yield* missingOf(object, names)
      if (missing.length === 0) return
      const fieldNames = [...new Set(missing.map((entry) => entry.name))]
      return yield* new PortFailure({
        port: "HostCrm",
        operation: "fields",
        reason: new InvalidRequest({
          fields: fieldNames.map((name) => ({
            field: `fields.${name}`,
            message: `is not installed on HubSpot; run install (${missing
              .filter((entry) => entry.name === name)
              .map((entry) => entry.why)
              .join("; ")})`,
          })),
        }),
        detail: `tixi's ${fieldNames.length === 1 ? "field" : "fields"} ${fieldNames.join(", ")} ${
          fieldNames.length === 1 ? "is" : "are"
        } not installed in this portal: ${missing.map((entry) => entry.why).join("; ")}. tixi creates properties only when installed: run install (adapter.install({ dryRun: false }) or HostCrm.ensureFields) with the field specs, then write again`,
      })
    })

  return {
    register,
    specOf: (object, name) => specs.get(key(object, name)),
    receivable: (list) => {
      audience.declare(list)
      return list.filter((spec) => audience.allows(spec.name))
    },
    ensureWritable,
    toProperties: (object, fields) => {
      const properties: Record<string, string> = {}
      for (const [name, value] of Object.entries(fields)) {
        if (!audience.allows(name)) continue
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
