import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { SalesforceClient } from "../../client/salesforce-client.ts"
import type { CustomFieldMetadata } from "../../vendor/tooling.ts"

/** Creates a custom field through the Tooling API (`FullName: "Case.Tixi_Urgency__c"`). */
// https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_customfield.htm
export const createCustomField = (
  client: SalesforceClient,
  request: { readonly fullName: string; readonly metadata: CustomFieldMetadata },
): Effect.Effect<string, PortFailure> =>
  Effect.map(
    client.send({
      operation: "ensureFields",
      method: "POST",
      path: client.tooling("/sobjects/CustomField"),
      json: { FullName: request.fullName, Metadata: request.metadata },
    }),
    (reply) => (reply.json as { id: string }).id,
  )
