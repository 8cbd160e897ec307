import { Conflict, PortFailure } from "@tixi/core"
import type { PropertyInput } from "../operations/create-property.ts"
import type { HubSpotObjectType } from "../operations/object-types.ts"
import type { HubSpotPipeline, HubSpotProperty } from "../vendor/schemas.ts"
import type { DesiredProperty, desiredPipeline } from "./desired.ts"

/** The parts of a property install may change. */
export type PropertyPatch = {
  -readonly [K in "label" | "description" | "options" | "fieldType"]?: PropertyInput[K]
}

/** One change install makes (or would make, in a dry run). */
export type InstallChange =
  | {
      readonly kind: "group"
      readonly objectType: HubSpotObjectType
      readonly action: "create" | "unchanged"
    }
  | {
      readonly kind: "property"
      readonly objectType: HubSpotObjectType
      readonly name: string
      readonly action: "create" | "update" | "unchanged"
      readonly detail: string
      readonly desired: DesiredProperty
      /** For updates: the whole new definition's changing parts. */
      readonly patch?: PropertyPatch
    }
  | {
      readonly kind: "pipeline"
      readonly action: "create" | "update" | "unchanged"
      readonly label: string
      readonly detail: string
    }
  | {
      readonly kind: "stage"
      readonly action: "create" | "update" | "unchanged"
      readonly name: string
      readonly label: string
      readonly detail: string
      readonly stageId?: string
    }

const conflict = (detail: string) =>
  new PortFailure({ port: "HostCrm", operation: "install", reason: new Conflict(), detail })

/**
 * What changes one property needs: create it, update label/description/options, or nothing.
 * Refuses (Conflict) to touch a property that is not tixi's, to change a type or uniqueness
 * HubSpot cannot change safely; options no longer wanted are hidden, never deleted, so records
 * that hold them keep their values.
 */
export function planProperty(
  desired: DesiredProperty,
  existing: HubSpotProperty | undefined,
): InstallChange | PortFailure {
  const { objectType, input } = desired
  const base = { kind: "property" as const, objectType, name: input.name, desired }
  if (!existing) {
    const options = input.options.length > 0 ? `, ${input.options.length} options` : ""
    return { ...base, action: "create", detail: `creates ${input.type} property "${input.label}"${options}` }
  }
  if (existing.groupName !== input.groupName) {
    return conflict(
      `${objectType}.${input.name} exists in group ${existing.groupName}, not tixi's; tixi never changes the portal's own properties`,
    )
  }
  if (existing.type !== input.type) {
    return conflict(
      `${objectType}.${input.name} is a ${existing.type} property; tixi wants ${input.type}. Migrate it or rename the field`,
    )
  }
  if ((existing.hasUniqueValue ?? false) !== (input.hasUniqueValue ?? false)) {
    return conflict(`${objectType}.${input.name}: HubSpot cannot change whether a property is unique`)
  }
  const differences: Array<string> = []
  const patch: PropertyPatch = {}
  if (existing.label !== input.label) {
    differences.push(`label "${existing.label}" → "${input.label}"`)
    patch.label = input.label
  }
  if ((existing.description ?? "") !== input.description) {
    differences.push("description")
    patch.description = input.description
  }
  if (existing.fieldType !== input.fieldType) {
    differences.push(`field type ${existing.fieldType} → ${input.fieldType}`)
    patch.fieldType = input.fieldType
  }
  const held = new Map((existing.options ?? []).map((option) => [option.value, option]))
  const wanted = new Set(input.options.map((option) => option.value))
  const added = input.options.filter((option) => !held.has(option.value)).map((option) => option.value)
  const relabelled = input.options
    .filter((option) => {
      const current = held.get(option.value)
      return (
        current &&
        (current.label !== option.label ||
          (current.description ?? "") !== (option.description ?? "") ||
          current.hidden === true)
      )
    })
    .map((option) => option.value)
  const hidden = (existing.options ?? [])
    .filter((option) => !wanted.has(option.value) && option.hidden !== true)
    .map((option) => option.value)
  if (added.length > 0)
    differences.push(
      `adds ${added.length === 1 ? "option" : "options"} ${added.map((value) => `"${value}"`).join(", ")}`,
    )
  if (relabelled.length > 0)
    differences.push(`relabels options ${relabelled.map((value) => `"${value}"`).join(", ")}`)
  if (hidden.length > 0)
    differences.push(
      `hides options ${hidden.map((value) => `"${value}"`).join(", ")} (kept for existing records)`,
    )
  if (added.length > 0 || relabelled.length > 0 || hidden.length > 0) {
    const kept = (existing.options ?? [])
      .filter((option) => !wanted.has(option.value))
      .map((option, index) => ({
        label: option.label,
        value: option.value,
        ...(option.description === undefined ? {} : { description: option.description }),
        displayOrder: input.options.length + index,
        hidden: true,
      }))
    patch.options = [...input.options, ...kept]
  }
  if (differences.length === 0) return { ...base, action: "unchanged", detail: "up to date" }
  return { ...base, action: "update", detail: differences.join("; "), patch }
}

/** The changes to the case pipeline: create it, or add and update stages (never delete one). */
export function planPipeline(
  desired: ReturnType<typeof desiredPipeline>,
  pipelines: ReadonlyArray<HubSpotPipeline>,
): { readonly pipeline: HubSpotPipeline | undefined; readonly changes: ReadonlyArray<InstallChange> } {
  if (desired.stages.length === 0) return { pipeline: undefined, changes: [] }
  const pipeline = pipelines.find(
    (candidate) => !candidate.archived && desired.labels.includes(candidate.label),
  )
  if (!pipeline) {
    return {
      pipeline: undefined,
      changes: [
        {
          kind: "pipeline",
          action: "create",
          label: desired.label,
          detail: `creates ticket pipeline "${desired.label}" with ${desired.stages.length} stages`,
        },
        ...desired.stages.map(
          (stage): InstallChange => ({
            kind: "stage",
            action: "create",
            name: stage.name,
            label: stage.label,
            detail: `${stage.ticketState} stage "${stage.label}"`,
          }),
        ),
      ],
    }
  }
  const changes: Array<InstallChange> = [
    pipeline.label === desired.label
      ? { kind: "pipeline", action: "unchanged", label: desired.label, detail: "exists" }
      : {
          kind: "pipeline",
          action: "unchanged",
          label: pipeline.label,
          detail: `exists (labelled "${pipeline.label}")`,
        },
  ]
  for (const stage of desired.stages) {
    const existing = pipeline.stages.find(
      (candidate) => !candidate.archived && stage.labels.includes(candidate.label),
    )
    if (!existing) {
      changes.push({
        kind: "stage",
        action: "create",
        name: stage.name,
        label: stage.label,
        detail: `adds ${stage.ticketState} stage "${stage.label}"`,
      })
      continue
    }
    const differences: Array<string> = []
    if (existing.label !== stage.label) differences.push(`label "${existing.label}" → "${stage.label}"`)
    if (existing.displayOrder !== stage.displayOrder)
      differences.push(`order ${existing.displayOrder} → ${stage.displayOrder}`)
    if ((existing.metadata?.ticketState ?? "OPEN") !== stage.ticketState) {
      differences.push(`state ${existing.metadata?.ticketState ?? "none"} → ${stage.ticketState}`)
    }
    changes.push(
      differences.length === 0
        ? {
            kind: "stage",
            action: "unchanged",
            name: stage.name,
            label: stage.label,
            detail: "up to date",
            stageId: existing.id,
          }
        : {
            kind: "stage",
            action: "update",
            name: stage.name,
            label: stage.label,
            detail: differences.join("; "),
            stageId: existing.id,
          },
    )
  }
  return { pipeline, changes }
}
