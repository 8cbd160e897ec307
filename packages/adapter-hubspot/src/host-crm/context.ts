import type { PortFailure } from "@tixi/core"
import type { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { PortalSchema } from "../install/portal-schema.ts"
import type { FieldRegistry } from "./field-registry.ts"
import type { StageMap } from "./stage-map.ts"

/** What every HostCrm operation on HubSpot shares: the gateway, the schema and the mappings. */
export interface HostCrmContext {
  readonly gateway: Gateway
  readonly schema: PortalSchema
  readonly fields: FieldRegistry
  readonly stages: StageMap
  /** The app id HubSpot records as `sourceId` on tixi's writes (configured, or read from the token). */
  readonly appId: Effect.Effect<string, PortFailure>
  /** Ids of activities this process created, by tixi key (search finds new records only later). */
  readonly createdActivities: Map<string, string>
  /**
   * Tickets staff opened that this process has seen keyed, with their key: a complaint's later
   * writes (each names the ticket it took over) go straight to the upsert by key.
   */
  readonly adoptedTickets: Map<string, string>
}
