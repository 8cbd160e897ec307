import { type HostCase, type HostCaseStatus, InvalidRequest, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { PortalSchema } from "../install/portal-schema.ts"
import type { CaseStage } from "../settings/settings.ts"
import type { HubSpotPipeline } from "../vendor/schemas.ts"

/** A pipeline stage as tixi reads it: its tixi name (or HubSpot label) and whether it is closed. */
export interface MappedStage {
  readonly name: string
  readonly status: HostCaseStatus
}

/**
 * tixi's case stages and the ticket pipeline stages that show them. The pipeline is found by its
 * label in either language and each stage by its label in either language, as install made them;
 * install restores a label an administrator changed.
 */
export interface StageMap {
  /** The id of tixi's ticket pipeline, or undefined when none is installed. */
  readonly pipelineId: Effect.Effect<string | undefined, PortFailure>
  /** The pipeline and stage ids of a tixi stage; fails naming `stage` when it is not installed. */
  readonly idsOf: (
    stage: string,
  ) => Effect.Effect<{ readonly pipelineId: string; readonly stageId: string }, PortFailure>
  /** The tixi stage and status of a ticket's pipeline stage. */
  readonly stageOf: (
    pipelineId: string | undefined,
    stageId: string | undefined,
  ) => Effect.Effect<MappedStage, PortFailure>
}

/** The stage of a ticket outside tixi's pipeline and stages reads `hubspot:<pipeline id>:<stage id>`. */
const foreignStagePrefix = "hubspot:"

/**
 * Whether a case is a ticket in one of tixi's stages: the complaint intake's `takesIn` on HubSpot.
 * Portals keep other ticket pipelines (IT help desk, onboarding); a ticket opened there is not a
 * complaint, and tixi leaves it alone.
 */
export const isInTixiPipeline = (hostCase: Pick<HostCase, "stage">): boolean =>
  !hostCase.stage.startsWith(foreignStagePrefix)

const invalidStage = (stage: string, why: string) =>
  new PortFailure({
    port: "HostCrm",
    operation: "upsertCase",
    reason: new InvalidRequest({ fields: [{ field: "stage", message: why }] }),
    detail: `stage ${JSON.stringify(stage)}: ${why}`,
  })

/** Builds the stage map of one adapter. */
export function makeStageMap(
  schema: PortalSchema,
  stages: ReadonlyArray<CaseStage>,
  pipelineLabel: { readonly "zh-CN": string; readonly en: string },
): StageMap {
  const labels = [pipelineLabel["zh-CN"], pipelineLabel.en]
  const findPipeline = (pipelines: ReadonlyArray<HubSpotPipeline>) =>
    pipelines.find((pipeline) => !pipeline.archived && labels.includes(pipeline.label))
  const pipelineId = Effect.map(schema.pipelines, (pipelines) => findPipeline(pipelines)?.id)
  const idsOf = (name: string) =>
    Effect.gen(function* () {
      const stage = stages.find((candidate) => candidate.name === name)
      if (!stage)
        return yield* invalidStage(
          name,
          `is not one of tixi's case stages (${stages.map((entry) => entry.name).join(", ")})`,
        )
      const pipeline = findPipeline(yield* schema.pipelines)
      if (!pipeline) return yield* invalidStage(name, "tixi's ticket pipeline is not installed; run install")
      const found = pipeline.stages.find(
        (candidate) =>
          !candidate.archived &&
          (candidate.label === stage.label["zh-CN"] || candidate.label === stage.label.en),
      )
      if (!found) return yield* invalidStage(name, "has no pipeline stage; run install")
      return { pipelineId: pipeline.id, stageId: found.id }
    })
  const stageOf = (pipelineIdValue: string | undefined, stageId: string | undefined) =>
    Effect.map(schema.pipelines, (pipelines): MappedStage => {
      const pipeline = pipelines.find((candidate) => candidate.id === pipelineIdValue)
      const stage = pipeline?.stages.find((candidate) => candidate.id === stageId)
      const status: HostCaseStatus = stage?.metadata?.ticketState === "CLOSED" ? "closed" : "open"
      if (pipeline && stage && labels.includes(pipeline.label)) {
        const tixi = stages.find(
          (candidate) => candidate.label["zh-CN"] === stage.label || candidate.label.en === stage.label,
        )
        if (tixi) return { name: tixi.name, status }
      }
      return {
        name: stage
          ? `${foreignStagePrefix}${pipeline?.id ?? "?"}:${stage.id}`
          : `${foreignStagePrefix}unknown`,
        status,
      }
    })
  return { pipelineId, idsOf, stageOf }
}
