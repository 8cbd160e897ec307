import type { FieldSpec, Locale, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import { tixiGroupName } from "../mapping/names.ts"
import { createPipelineStage } from "../operations/create-pipeline-stage.ts"
import { createProperty } from "../operations/create-property.ts"
import { createPropertyGroup } from "../operations/create-property-group.ts"
import { updatePipelineStage } from "../operations/update-pipeline-stage.ts"
import { updateProperty } from "../operations/update-property.ts"
import type { CaseStage } from "../settings/settings.ts"
import { createObjectPipeline } from "./apply-pipeline.ts"
import {
  type DesiredProperty,
  desiredPipeline,
  fieldProperties,
  groupLabel,
  infrastructureProperties,
  tixiObjectTypes,
} from "./desired.ts"
import { type InstallChange, planPipeline, planProperty } from "./plan.ts"
import type { PortalSchema } from "./portal-schema.ts"

/** What install did (or, in a dry run, would do). */
export interface InstallReport {
  readonly dryRun: boolean
  readonly changes: ReadonlyArray<InstallChange>
  /** The id of tixi's ticket pipeline, once it exists. */
  readonly pipelineId: string | undefined
}

/** What to install: tixi's fields and the case stages, in the portal's language. */
export interface InstallRequest {
  readonly fields: ReadonlyArray<FieldSpec>
  readonly stages: ReadonlyArray<CaseStage>
  readonly pipelineLabel: { readonly "zh-CN": string; readonly en: string }
  readonly language: Locale
  readonly dryRun: boolean
  /** Leave out the pipeline (`ensureFields` installs fields only). */
  readonly fieldsOnly?: boolean
}

/**
 * Installs tixi into a portal: the `tixi` property group on every object tixi writes, the key
 * properties (`tixi_key`, unique where HubSpot allows), a property per field spec with its
 * options and both languages, and the ticket pipeline with one stage per case stage (OPEN or
 * CLOSED). The whole plan is computed and checked first: a conflict fails before anything is
 * written; a dry run stops there. A second run changes nothing; a changed policy changes only
 * what differs. Nothing is ever deleted.
 */
export const install = (
  gateway: Gateway,
  schema: PortalSchema,
  request: InstallRequest,
): Effect.Effect<InstallReport, PortFailure> =>
  Effect.gen(function* () {
    const desired: Array<DesiredProperty> = [
      ...infrastructureProperties(request.language),
      ...fieldProperties(request.fields, request.language),
    ]
    const types = request.fieldsOnly
      ? [
          ...new Set(
            desired
              .filter((entry) => entry.field)
              .map((entry) => entry.objectType)
              .concat(["companies", "contacts", "tickets"]),
          ),
        ]
      : tixiObjectTypes
    const changes: Array<InstallChange> = []
    for (const objectType of types) {
      const groups = yield* schema.groups(objectType)
      changes.push({
        kind: "group",
        objectType,
        action: groups.some((group) => group.name === tixiGroupName) ? "unchanged" : "create",
      })
    }
    for (const entry of desired) {
      if (!types.includes(entry.objectType)) continue
      const existing = (yield* schema.properties(entry.objectType)).get(entry.input.name)
      const change = planProperty(entry, existing)
      if (!("kind" in change)) return yield* Effect.fail(change)
      changes.push(change)
    }
    const pipelineWanted = desiredPipeline(request.pipelineLabel, request.stages, request.language)
    const pipelinePlan = request.fieldsOnly
      ? { pipeline: undefined, changes: [] }
      : planPipeline(pipelineWanted, yield* schema.pipelines)
    changes.push(...pipelinePlan.changes)
    if (request.dryRun) return { dryRun: true, changes, pipelineId: pipelinePlan.pipeline?.id }

    let pipelineId = pipelinePlan.pipeline?.id
    for (const change of changes) {
      switch (change.kind) {
        case "group":
          if (change.action === "create") {
            yield* createPropertyGroup(gateway, change.objectType, {
              name: tixiGroupName,
              label: groupLabel[request.language],
              displayOrder: -1,
            })
          }
          break
        case "property":
          if (change.action === "create")
            yield* createProperty(gateway, change.objectType, change.desired.input)
          if (change.action === "update" && change.patch) {
            yield* updateProperty(gateway, change.objectType, change.name, change.patch)
          }
          break
        case "pipeline":
          if (change.action === "create") {
            const created = yield* createObjectPipeline(gateway, pipelineWanted)
            pipelineId = created.id
          }
          break
        case "stage": {
          const stage = pipelineWanted.stages.find((candidate) => candidate.name === change.name)!
          if (pipelineId === undefined || !pipelinePlan.pipeline) break
          if (change.action === "create") yield* createPipelineStage(gateway, pipelineId, stage)
          if (change.action === "update" && change.stageId)
            yield* updatePipelineStage(gateway, pipelineId, change.stageId, stage)
          break
        }
      }
    }
    yield* schema.invalidate
    return { dryRun: false, changes, pipelineId }
  })

/** The plan as lines an administrator reads: `+ create`, `~ update`, `= unchanged`. */
export function formatInstallReport(report: InstallReport): string {
  const mark = { create: "+", update: "~", unchanged: "=" } as const
  const lines = report.changes.map((change): string => {
    switch (change.kind) {
      case "group":
        return `${mark[change.action]} group     ${change.objectType}.${tixiGroupName}`
      case "property":
        return `${mark[change.action]} property  ${change.objectType}.${change.name}: ${change.detail}`
      case "pipeline":
        return `${mark[change.action]} pipeline  tickets "${change.label}": ${change.detail}`
      default:
        return `${mark[change.action]} stage     ${change.name} "${change.label}": ${change.detail}`
    }
  })
  const counts = { create: 0, update: 0, unchanged: 0 }
  for (const change of report.changes) counts[change.action] += 1
  const heading = report.dryRun ? "Install plan (dry run, nothing written):" : "Installed:"
  return [
    heading,
    ...lines,
    `${counts.create} to create, ${counts.update} to update, ${counts.unchanged} unchanged`,
  ].join("\n")
}
