import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { SalesforceClient } from "../../client/salesforce-client.ts"
import type { RawApprovalRequest, RawApprovalResult } from "../../vendor/rest.ts"

/** Submits, approves or rejects through `/process/approvals`; results come per request. */
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_process_approvals.htm
export const submitApprovalRequests = (
  client: SalesforceClient,
  request: { readonly requests: ReadonlyArray<RawApprovalRequest>; readonly operation: string },
): Effect.Effect<ReadonlyArray<RawApprovalResult>, PortFailure> =>
  Effect.map(
    client.send({
      port: "Approvals",
      operation: request.operation,
      method: "POST",
      path: client.data("/process/approvals"),
      json: { requests: request.requests },
    }),
    (reply) => reply.json as ReadonlyArray<RawApprovalResult>,
  )
