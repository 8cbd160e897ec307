import type { PropertyUpdateFieldTypeEnum } from "@hubspot/api-client/lib/codegen/crm/properties/models/PropertyUpdate.js"
import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import { clientEnum } from "../vendor/client-enum.ts"
import type { HubSpotProperty } from "../vendor/schemas.ts"
import { optionInput, type PropertyInput } from "./create-property.ts"
import type { HubSpotObjectType } from "./object-types.ts"

/** Changes a property's label, description or options (never its name, type or uniqueness). */
export const updateProperty = (
  gateway: Gateway,
  type: HubSpotObjectType,
  name: string,
  patch: Partial<Pick<PropertyInput, "label" | "description" | "options" | "fieldType">>,
): Effect.Effect<HubSpotProperty, PortFailure> =>
  Effect.map(
    // https://developers.hubspot.com/docs/api-reference/crm-properties-v3/core/patch-crm-v3-properties-objectType-propertyName
    // Body: PropertyUpdate (@hubspot/api-client, crm/properties/models).
    gateway.send<HubSpotProperty>("updateProperty", (client) =>
      client.crm.properties.coreApi.updateWithHttpInfo(type, name, {
        ...(patch.label === undefined ? {} : { label: patch.label }),
        ...(patch.description === undefined ? {} : { description: patch.description }),
        ...(patch.options === undefined ? {} : { options: patch.options.map(optionInput) }),
        ...(patch.fieldType === undefined
          ? {}
          : { fieldType: clientEnum<PropertyUpdateFieldTypeEnum>(patch.fieldType) }),
      }),
    ),
    (reply) => reply.data,
  )
