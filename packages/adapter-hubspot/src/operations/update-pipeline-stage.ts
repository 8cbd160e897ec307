import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { HubSpotPipelineStage } from "../vendor/schemas.ts"
import type { StageInput } from "./create-pipeline.ts"

/** Changes a ticket stage's label, place or OPEN/CLOSED state. */
export const updatePipelineStage = (
  gateway: Gateway,
  pipelineId: string,
  stageId: string,
  stage: StageInput,
): Effect.Effect<HubSpotPipelineStage, PortFailure> =>
  Effect.map(
    // https://developers.hubspot.com/docs/api-reference/crm-pipelines-v3/pipeline-stages/patch-crm-v3-pipelines-objectType-pipelineId-stages-stageId
    // Body: PipelineStagePatchInput (@hubspot/api-client, crm/pipelines/models).
    gateway.send<HubSpotPipelineStage>("updatePipelineStage", (client) =>
      client.crm.pipelines.pipelineStagesApi.updateWithHttpInfo("tickets", pipelineId, stageId, {
        label: stage.label,
        displayOrder: stage.displayOrder,
        metadata: { ticketState: stage.ticketState },
      }),
    ),
    (reply) => reply.data,
  )
