import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { SalesforceClient } from "../../client/salesforce-client.ts"
import type { RawBulkJob } from "../../vendor/rest.ts"

/** A job's state and counts (`Open`, `UploadComplete`, `InProgress`, `JobComplete`, `Failed`, `Aborted`). */
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/get_job_info.htm
export const getJob = (
  client: SalesforceClient,
  request: { readonly jobId: string; readonly caller: string },
): Effect.Effect<RawBulkJob, PortFailure> =>
  Effect.map(
    client.send({
      operation: request.caller,
      method: "GET",
      path: client.data(`/jobs/ingest/${request.jobId}`),
      idempotent: true,
      resource: "bulk job",
      id: request.jobId,
    }),
    (reply) => reply.json as RawBulkJob,
  )
