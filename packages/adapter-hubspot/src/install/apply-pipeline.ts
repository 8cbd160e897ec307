import type { PortFailure } from "@tixi/core"
import type { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import { createTicketPipeline } from "../operations/create-pipeline.ts"
import type { HubSpotPipeline } from "../vendor/schemas.ts"
import type { desiredPipeline } from "./desired.ts"

/** Creates tixi's ticket pipeline with all its stages in one call. */
export const createObjectPipeline = (
  gateway: Gateway,
  wanted: ReturnType<typeof desiredPipeline>,
): Effect.Effect<HubSpotPipeline, PortFailure> =>
  createTicketPipeline(gateway, { label: wanted.label, displayOrder: 99, stages: wanted.stages })
