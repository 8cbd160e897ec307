import type { AssociationSpecAssociationCategoryEnum } from "@hubspot/api-client/lib/codegen/crm/objects/models/AssociationSpec.js"
import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import { clientEnum } from "../vendor/client-enum.ts"
import type { HubSpotObject } from "../vendor/schemas.ts"
import type { HubSpotObjectType } from "./object-types.ts"

/** A record to associate the new one with, by HubSpot's default association type id. */
export interface NewAssociation {
  readonly toId: string
  readonly associationTypeId: number
}

/**
 * Creates one record with its associations in one call. Not retried here: a create is not
 * idempotent, so callers look the record up by its key before trying again.
 */
export const createObject = (
  gateway: Gateway,
  type: HubSpotObjectType,
  properties: Readonly<Record<string, string>>,
  associations: ReadonlyArray<NewAssociation>,
): Effect.Effect<HubSpotObject, PortFailure> =>
  Effect.map(
    // https://developers.hubspot.com/docs/api-reference/crm-objects-v3/basic/post-crm-v3-objects-objectType
    // Body: SimplePublicObjectInputForCreate (@hubspot/api-client, crm/objects/models).
    gateway.send<HubSpotObject>(
      "createObject",
      (client) =>
        client.crm.objects.basicApi.createWithHttpInfo(type, {
          properties: { ...properties },
          associations: associations.map((association) => ({
            to: { id: association.toId },
            types: [
              {
                associationCategory: clientEnum<AssociationSpecAssociationCategoryEnum>("HUBSPOT_DEFINED"),
                associationTypeId: association.associationTypeId,
              },
            ],
          })),
        }),
      { retry: false },
    ),
    (reply) => reply.data,
  )
