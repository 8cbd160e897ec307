import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { SalesforceClient } from "../../client/salesforce-client.ts"
import type { RawBulkJob } from "../../vendor/rest.ts"

/** Opens a Bulk API 2.0 ingest job (CSV, comma, LF). */
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/create_job.htm
export const createIngestJob = (
  client: SalesforceClient,
  request: {
    readonly object: string
    readonly operation: "insert" | "update" | "upsert"
    readonly externalIdFieldName?: string
    readonly caller: string
  },
): Effect.Effect<RawBulkJob, PortFailure> =>
  Effect.map(
    client.send({
      operation: request.caller,
      method: "POST",
      path: client.data("/jobs/ingest"),
      json: {
        object: request.object,
        operation: request.operation,
        ...(request.externalIdFieldName === undefined
          ? {}
          : { externalIdFieldName: request.externalIdFieldName }),
        contentType: "CSV",
        columnDelimiter: "COMMA",
        lineEnding: "LF",
      },
    }),
    (reply) => reply.json as RawBulkJob,
  )
