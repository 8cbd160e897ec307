import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { SalesforceClient } from "../../client/salesforce-client.ts"
import type { CustomFieldMetadata } from "../../vendor/tooling.ts"

/** Replaces a custom field's metadata (label, help text, picklist values) through the Tooling API. */
// https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_customfield.htm
export const updateCustomField = (
  client: SalesforceClient,
  request: { readonly id: string; readonly metadata: CustomFieldMetadata },
): Effect.Effect<void, PortFailure> =>
  Effect.asVoid(
    client.send({
      operation: "ensureFields",
      method: "PATCH",
      path: client.tooling(`/sobjects/CustomField/${request.id}`),
      json: { Metadata: request.metadata },
      idempotent: true,
    }),
  )
