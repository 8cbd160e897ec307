import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { HubSpotPipeline } from "../vendor/schemas.ts"

/** A ticket stage to create: its label, place and OPEN/CLOSED state. */
export interface StageInput {
  readonly label: string
  readonly displayOrder: number
  readonly ticketState: "OPEN" | "CLOSED"
}

/** Creates a ticket pipeline with its stages. */
export const createTicketPipeline = (
  gateway: Gateway,
  pipeline: {
    readonly label: string
    readonly displayOrder: number
    readonly stages: ReadonlyArray<StageInput>
  },
): Effect.Effect<HubSpotPipeline, PortFailure> =>
  Effect.map(
    // https://developers.hubspot.com/docs/api-reference/crm-pipelines-v3/pipelines/post-crm-v3-pipelines-objectType
    // Body: PipelineInput (@hubspot/api-client, crm/pipelines/models).
    gateway.send<HubSpotPipeline>("createPipeline", (client) =>
      client.crm.pipelines.pipelinesApi.createWithHttpInfo("tickets", {
        label: pipeline.label,
        displayOrder: pipeline.displayOrder,
        stages: pipeline.stages.map((stage) => ({
          label: stage.label,
          displayOrder: stage.displayOrder,
          metadata: { ticketState: stage.ticketState },
        })),
      }),
    ),
    (reply) => reply.data,
  )
