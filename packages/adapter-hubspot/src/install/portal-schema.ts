import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import { listTicketPipelines as listPipelines } from "../operations/list-pipelines.ts"
import { listProperties } from "../operations/list-properties.ts"
import { listPropertyGroups } from "../operations/list-property-groups.ts"
import type { HubSpotObjectType } from "../operations/object-types.ts"
import type { HubSpotPipeline, HubSpotProperty, HubSpotPropertyGroup } from "../vendor/schemas.ts"

/**
 * The portal's property definitions, groups and ticket pipelines, read once and kept until a
 * write of tixi's changes them (install) or HubSpot says a property is missing.
 */
export interface PortalSchema {
  readonly properties: (
    type: HubSpotObjectType,
  ) => Effect.Effect<ReadonlyMap<string, HubSpotProperty>, PortFailure>
  readonly groups: (
    type: HubSpotObjectType,
  ) => Effect.Effect<ReadonlyArray<HubSpotPropertyGroup>, PortFailure>
  readonly pipelines: Effect.Effect<ReadonlyArray<HubSpotPipeline>, PortFailure>
  /** Forgets what was read, so the next read asks HubSpot again. */
  readonly invalidate: Effect.Effect<void>
}

/** Builds the schema cache of one portal. */
export function makePortalSchema(gateway: Gateway): PortalSchema {
  const properties = new Map<HubSpotObjectType, ReadonlyMap<string, HubSpotProperty>>()
  const groups = new Map<HubSpotObjectType, ReadonlyArray<HubSpotPropertyGroup>>()
  let pipelines: ReadonlyArray<HubSpotPipeline> | undefined
  return {
    properties: (type) =>
      Effect.suspend(() => {
        const cached = properties.get(type)
        if (cached) return Effect.succeed(cached)
        return Effect.map(listProperties(gateway, type), (list) => {
          const byName = new Map(list.map((property) => [property.name, property]))
          properties.set(type, byName)
          return byName
        })
      }),
    groups: (type) =>
      Effect.suspend(() => {
        const cached = groups.get(type)
        if (cached) return Effect.succeed(cached)
        return Effect.tap(listPropertyGroups(gateway, type), (list) =>
          Effect.sync(() => groups.set(type, list)),
        )
      }),
    pipelines: Effect.suspend(() => {
      if (pipelines) return Effect.succeed(pipelines)
      return Effect.tap(listPipelines(gateway), (list) =>
        Effect.sync(() => {
          pipelines = list
        }),
      )
    }),
    invalidate: Effect.sync(() => {
      properties.clear()
      groups.clear()
      pipelines = undefined
    }),
  }
}
