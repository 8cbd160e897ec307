import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { HubSpotPipelineStage } from "../vendor/schemas.ts"
import type { StageInput } from "./create-pipeline.ts"

/** Adds a stage to a ticket pipeline. */
export const createPipelineStage = (
  gateway: Gateway,
  pipelineId: string,
  stage: StageInput,
): Effect.Effect<HubSpotPipelineStage, PortFailure> =>
  Effect.map(
    // https://developers.hubspot.com/docs/api-reference/crm-pipelines-v3/pipeline-stages/post-crm-v3-pipelines-objectType-pipelineId-stages
    // Body: PipelineStageInput (@hubspot/api-client, crm/pipelines/models).
    gateway.send<HubSpotPipelineStage>("createPipelineStage", (client) =>
      client.crm.pipelines.pipelineStagesApi.createWithHttpInfo("tickets", pipelineId, {
        label: stage.label,
        displayOrder: stage.displayOrder,
        metadata: { ticketState: stage.ticketState },
      }),
    ),
    (reply) => reply.data,
  )
