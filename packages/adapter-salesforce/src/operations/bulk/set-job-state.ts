import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { SalesforceClient } from "../../client/salesforce-client.ts"
import type { RawBulkJob } from "../../vendor/rest.ts"

/** Closes a job (`UploadComplete`, which starts processing) or aborts it (`Aborted`). */
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/close_job.htm
export const setJobState = (
  client: SalesforceClient,
  request: { readonly jobId: string; readonly state: "UploadComplete" | "Aborted"; readonly caller: string },
): Effect.Effect<RawBulkJob, PortFailure> =>
  Effect.map(
    client.send({
      operation: request.caller,
      method: "PATCH",
      path: client.data(`/jobs/ingest/${request.jobId}`),
      json: { state: request.state },
      // Closing a closed job changes nothing, so a lost reply can be retried.
      idempotent: true,
    }),
    (reply) => reply.json as RawBulkJob,
  )
