import type { OptionInput } from "@hubspot/api-client/lib/codegen/crm/properties/models/OptionInput.js"
import type {
  PropertyCreateFieldTypeEnum,
  PropertyCreateTypeEnum,
} from "@hubspot/api-client/lib/codegen/crm/properties/models/PropertyCreate.js"
import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import { clientEnum } from "../vendor/client-enum.ts"
import type { HubSpotProperty } from "../vendor/schemas.ts"
import type { HubSpotObjectType } from "./object-types.ts"

/** A property's data type, one of the client's `PropertyCreateTypeEnum` values. */
export type PropertyType = `${PropertyCreateTypeEnum}`

/** How HubSpot's screens show a property, one of the client's `PropertyCreateFieldTypeEnum` values. */
export type PropertyFieldType = `${PropertyCreateFieldTypeEnum}`

/** A property to create, as the properties API takes it. */
export interface PropertyInput {
  readonly name: string
  readonly label: string
  readonly type: PropertyType
  readonly fieldType: PropertyFieldType
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

/** An enumeration option as the client's `OptionInput` takes it (no `description` key when there is none). */
export const optionInput = (option: PropertyInput["options"][number]): OptionInput => ({
  label: option.label,
  value: option.value,
  displayOrder: option.displayOrder,
  hidden: option.hidden,
  ...(option.description === undefined ? {} : { description: option.description }),
})

/** Creates one property. */
export const createProperty = (
  gateway: Gateway,
  type: HubSpotObjectType,
  input: PropertyInput,
): Effect.Effect<HubSpotProperty, PortFailure> =>
  Effect.map(
    // https://developers.hubspot.com/docs/api-reference/crm-properties-v3/core/post-crm-v3-properties-objectType
    // Body: PropertyCreate (@hubspot/api-client, crm/properties/models).
    gateway.send<HubSpotProperty>("createProperty", (client) =>
      client.crm.properties.coreApi.createWithHttpInfo(type, {
        name: input.name,
        label: input.label,
        type: clientEnum<PropertyCreateTypeEnum>(input.type),
        fieldType: clientEnum<PropertyCreateFieldTypeEnum>(input.fieldType),
        groupName: input.groupName,
        description: input.description,
        options: input.options.map(optionInput),
        ...(input.hasUniqueValue === undefined ? {} : { hasUniqueValue: input.hasUniqueValue }),
        ...(input.displayOrder === undefined ? {} : { displayOrder: input.displayOrder }),
      }),
    ),
    (reply) => reply.data,
  )
