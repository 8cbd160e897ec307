import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { SalesforceClient } from "../../client/salesforce-client.ts"

/** Uploads a job's CSV (one upload per job; 150 MB at most after encoding). */
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/upload_job_data.htm
export const uploadJobData = (
  client: SalesforceClient,
  request: { readonly jobId: string; readonly csv: string; readonly caller: string },
): Effect.Effect<void, PortFailure> =>
  Effect.asVoid(
    client.send({
      operation: request.caller,
      method: "PUT",
      path: client.data(`/jobs/ingest/${request.jobId}/batches`),
      text: request.csv,
      contentType: "text/csv",
      timeoutMillis: 600_000,
    }),
  )
