import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { HubSpotPipeline } from "../vendor/schemas.ts"

/** Every ticket pipeline with its stages. */
export const listTicketPipelines = (
  gateway: Gateway,
): Effect.Effect<ReadonlyArray<HubSpotPipeline>, PortFailure> =>
  Effect.map(
    // https://developers.hubspot.com/docs/api-reference/crm-pipelines-v3/pipelines/get-crm-v3-pipelines-objectType
    gateway.send<{ results: ReadonlyArray<HubSpotPipeline> }>("listPipelines", (client) =>
      client.crm.pipelines.pipelinesApi.getAllWithHttpInfo("tickets"),
    ),
    (reply) => reply.data.results,
  )
