import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { SalesforceClient } from "../../client/salesforce-client.ts"
import { parseCsv } from "../../mapping/csv.ts"

/** Which result file of a finished job. */
export type JobResultKind = "successfulResults" | "failedResults" | "unprocessedrecords"

/**
 * The rows of one result file: successful (`sf__Id`, `sf__Created` + the uploaded columns), failed
 * (`sf__Id`, `sf__Error` + columns) or unprocessed (the uploaded columns). Each row carries the
 * uploaded external id, which is how tixi ties it back to the input.
 */
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/get_job_successful_results.htm
export const getJobResults = (
  client: SalesforceClient,
  request: { readonly jobId: string; readonly kind: JobResultKind; readonly caller: string },
): Effect.Effect<ReadonlyArray<Record<string, string>>, PortFailure> =>
  Effect.map(
    client.send({
      operation: request.caller,
      method: "GET",
      path: client.data(`/jobs/ingest/${request.jobId}/${request.kind}`),
      accept: "text/csv",
      idempotent: true,
      timeoutMillis: 600_000,
    }),
    (reply) => parseCsv(reply.text),
  )
