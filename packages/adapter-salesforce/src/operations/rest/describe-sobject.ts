import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { SalesforceClient } from "../../client/salesforce-client.ts"
import type { RawDescribe } from "../../vendor/rest.ts"

/** The fields (types, labels, picklist values, external ids) and record types of an sObject. */
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_describe.htm
export const describeSObject = (
  client: SalesforceClient,
  object: string,
  operation: string,
): Effect.Effect<RawDescribe, PortFailure> =>
  Effect.map(
    client.send({
      operation,
      method: "GET",
      path: client.data(`/sobjects/${object}/describe`),
      idempotent: true,
      resource: "sObject",
      id: object,
    }),
    (reply) => reply.json as RawDescribe,
  )
