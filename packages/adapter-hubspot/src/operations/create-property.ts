import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { HubSpotProperty } from "../vendor/schemas.ts"
import type { HubSpotObjectType } from "./object-types.ts"

/** A property to create, as the properties API takes it. */
export interface PropertyInput {
  readonly name: string
  readonly label: string
  readonly type: string
  readonly fieldType: string
  readonly groupName: string
  readonly description: string
  readonly options: ReadonlyArray<{
    label: string
    value: string
    description?: string
    displayOrder: number
    hidden: boolean
  }>
  readonly hasUniqueValue?: boolean
  readonly displayOrder?: number
}

/** Creates one property. */
export const createProperty = (
  gateway: Gateway,
  type: HubSpotObjectType,
  input: PropertyInput,
): Effect.Effect<HubSpotProperty, PortFailure> =>
  Effect.map(
    // https://developers.hubspot.com/docs/api-reference/crm-properties-v3/core/post-crm-v3-properties-objectType
    gateway.send<HubSpotProperty>(
      "createProperty",
      (client) =>
        client.crm.properties.coreApi.createWithHttpInfo(type, {
          ...input,
          options: [...input.options],
        } as never) as never,
    ),
    (reply) => reply.data,
  )
