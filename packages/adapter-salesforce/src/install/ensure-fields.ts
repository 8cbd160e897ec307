import type { HostAudience } from "@tixi/adapter-kit"
import { Conflict, type FieldSpec, type InstallStep, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { CrmContext } from "../crm/crm-context.ts"
import { queryAll, soqlString } from "../operations/rest/query.ts"
import { createCustomField } from "../operations/tooling/create-custom-field.ts"
import { updateCustomField } from "../operations/tooling/update-custom-field.ts"
import type { RawDescribeField } from "../vendor/rest.ts"
import type { CustomFieldMetadata } from "../vendor/tooling.ts"
import { describeTypeFor, fieldMetadata } from "./field-metadata.ts"
import { grantFieldAccess } from "./grant-field-access.ts"

/** A field to create or update on one object, with what would change. */
export interface FieldChange {
  readonly object: string
  readonly apiName: string
  readonly action: "create" | "update" | "unchanged"
  readonly differences: ReadonlyArray<string>
  readonly metadata: CustomFieldMetadata
}

/** The Salesforce objects a tixi object's fields go on. */
export const objectsFor = (
  context: CrmContext,
  object: FieldSpec["object"],
): ReadonlyArray<"Account" | "Contact" | "Case"> =>
  object === "case" ? ["Case"] : context.settings.personAccounts ? ["Account"] : ["Account", "Contact"]

/** Compares an installed field with the metadata tixi wants; an empty list means up to date. */
export function differencesOf(
  existing: RawDescribeField,
  metadata: CustomFieldMetadata,
  wantedType: string,
): Array<string> {
  const differences: Array<string> = []
  if (existing.type !== wantedType) differences.push(`type ${existing.type} → ${wantedType}`)
  if (existing.label !== metadata.label) differences.push(`label "${existing.label}" → "${metadata.label}"`)
  const present = new Set(
    (existing.picklistValues ?? []).filter((value) => value.active).map((value) => value.value),
  )
  const added = (metadata.valueSet?.valueSetDefinition.value ?? [])
    .map((value) => value.fullName)
    .filter((value) => !present.has(value))
  if (added.length > 0) differences.push(`adds option${added.length > 1 ? "s" : ""} ${added.join(", ")}`)
  const labelsChanged = (metadata.valueSet?.valueSetDefinition.value ?? []).filter((value) => {
    const current = existing.picklistValues?.find((entry) => entry.value === value.fullName)
    return current !== undefined && current.label !== value.label
  })
  if (labelsChanged.length > 0)
    differences.push(`relabels ${labelsChanged.map((value) => value.fullName).join(", ")}`)
  return differences
}

/**
 * Plans every spec against the org's describes (no writes). A spec the org's audience may not
 * read plans no change: an empty 赊销限额 field on every Account page invites staff to type one
 * in by hand and tells them the company keeps it; raising the audience and installing adds it.
 */
export const planFields = (context: CrmContext, specs: ReadonlyArray<FieldSpec>) =>
  Effect.gen(function* () {
    const seen = new Set<string>()
    const changes: Array<{ spec: FieldSpec; changes: Array<FieldChange>; withheld?: true }> = []
    context.audience.declare(specs)
    for (const spec of specs) {
      const id = `${spec.object}.${spec.name}`
      if (seen.has(id)) {
        return yield* new PortFailure({
          port: "HostCrm",
          operation: "ensureFields",
          reason: new Conflict(),
          detail: `field ${id} is listed twice`,
        })
      }
      seen.add(id)
      if (!context.audience.allows(spec.name)) {
        changes.push({ spec, changes: [], withheld: true })
        continue
      }
      const metadata = fieldMetadata(spec, context.settings.labelLanguage)
      const perObject: Array<FieldChange> = []
      for (const object of objectsFor(context, spec.object)) {
        const apiName = context.catalog.apiName(object, spec.name)
        const describe = yield* context.catalog.describe(object, "ensureFields")
        const existing = describe.fields.find((field) => field.name.toLowerCase() === apiName.toLowerCase())
        if (!existing) {
          perObject.push({
            object,
            apiName,
            action: "create",
            differences: [`creates ${metadata.type} field ${object}.${apiName}`],
            metadata,
          })
          continue
        }
        if (!existing.custom) {
          // Mapped onto a standard field (Type, Origin, Reason): tixi does not change standard fields.
          perObject.push({ object, apiName, action: "unchanged", differences: [], metadata })
          continue
        }
        const differences = differencesOf(existing, metadata, describeTypeFor[spec.type])
        perObject.push({
          object,
          apiName,
          action: differences.length === 0 ? "unchanged" : "update",
          differences,
          metadata,
        })
      }
      changes.push({ spec, changes: perObject })
    }
    return changes
  })

/** One install step per spec: the strongest action on any of its objects, with what changes. */
export const stepsOf = (
  planned: ReadonlyArray<{ spec: FieldSpec; changes: ReadonlyArray<FieldChange>; withheld?: true }>,
  audience: HostAudience,
): ReadonlyArray<InstallStep> =>
  planned.map(({ spec, changes, withheld }) => {
    if (withheld) {
      return {
        action: "unchanged",
        object: spec.object,
        name: spec.name,
        detail: `not created: the org's audience (${audience.clearance}) may not read it`,
      }
    }
    const action = changes.some((change) => change.action === "create")
      ? "create"
      : changes.some((change) => change.action === "update")
        ? "update"
        : "unchanged"
    const detail = changes.flatMap((change) =>
      change.differences.map((difference) =>
        changes.length > 1 ? `${change.object}: ${difference}` : difference,
      ),
    )
    return {
      action,
      object: spec.object,
      name: spec.name,
      detail: detail.length > 0 ? detail.join("; ") : "up to date",
    }
  })

/**
 * Creates or updates tixi's custom fields through the Tooling API, idempotently: each spec is
 * compared with the org's describe and only the difference is applied; a dry run only plans.
 * New fields are granted read/edit on tixi's permission set (a field created through the API is
 * visible to no one until field-level security is granted).
 */
// https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_customfield.htm
export const ensureFields = (
  context: CrmContext,
  specs: ReadonlyArray<FieldSpec>,
  options: { readonly dryRun: boolean },
) =>
  Effect.gen(function* () {
    const planned = yield* planFields(context, specs)
    if (options.dryRun) return stepsOf(planned, context.settings.audience)
    yield* applyChanges(
      context,
      planned.flatMap((entry) => entry.changes),
    )
    return stepsOf(planned, context.settings.audience)
  })

/** Applies planned field changes and grants access to the new ones. */
export const applyChanges = (context: CrmContext, changes: ReadonlyArray<FieldChange>) =>
  Effect.gen(function* () {
    const created: Array<{ object: string; apiName: string }> = []
    for (const change of changes) {
      if (change.action === "create") {
        yield* createCustomField(context.client, {
          fullName: `${change.object}.${change.apiName}`,
          metadata: change.metadata,
        })
        created.push(change)
      } else if (change.action === "update") {
        const rows = yield* queryAll(
          context.client,
          // https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_customfield.htm
          `SELECT Id FROM CustomField WHERE TableEnumOrId = ${soqlString(change.object)} AND DeveloperName = ${soqlString(change.apiName.replace(/__c$/, ""))}`,
          { operation: "ensureFields", tooling: true },
        )
        if (!rows[0])
          return yield* context.notFound("ensureFields", "custom field", `${change.object}.${change.apiName}`)
        yield* updateCustomField(context.client, { id: String(rows[0].Id), metadata: change.metadata })
      }
    }
    if (created.length > 0) yield* grantFieldAccess(context, created)
    yield* context.catalog.invalidate
  })
