import { reasonForStatus, scrubVendorPayload, scrubVendorText } from "@tixi/adapter-kit"
import {
  Conflict,
  InvalidRequest,
  NotFound,
  PortFailure,
  type PortFailureReason,
  RateLimited,
  Unauthorized,
  Unavailable,
} from "@tixi/core"
import type { RawRestError } from "../vendor/rest.ts"

/** Names the port call a failure belongs to. */
export interface FailureSite {
  readonly port: "HostCrm" | "Approvals" | "Directory"
  readonly operation: string
  /** The record kind and id, for `NotFound`. */
  readonly resource?: string
  readonly id?: string
}

/** How long to wait before retrying after the concurrent long-running request limit (no header says). */
export const concurrentLimitBackoffMillis = 5_000

/**
 * Salesforce's error codes, mapped to tixi's reasons. This is the adapter's one error table
 * (DESIGN rule 4): every REST reply, SaveResult, Bulk result row and token error goes through it,
 * and what Salesforce (or a proxy in between) wrote is scrubbed of query values and credentials.
 */
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
// https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm#statuscode
export function reasonForSalesforceError(
  status: number | undefined,
  error: RawRestError | undefined,
  site: Pick<FailureSite, "resource" | "id">,
): PortFailureReason {
  const code = error?.errorCode ?? error?.statusCode ?? ""
  const message = error?.message ?? ""
  const fields = (error?.fields ?? []).map((field) => ({ field, message: scrubVendorText(message) }))
  switch (code) {
    case "REQUEST_LIMIT_EXCEEDED":
      // One code for two limits: the rolling 24-hour allocation ("TotalRequests Limit exceeded")
      // does not recover within a process's horizon; the concurrent long-running request cap
      // ("ConcurrentPerOrgLongTxn Limit exceeded") clears as soon as other requests finish.
      return /concurrent/i.test(message)
        ? new RateLimited({
            recoverable: true,
            scope: "CONCURRENT_LONG_RUNNING_REQUESTS",
            retryAfterMillis: concurrentLimitBackoffMillis,
          })
        : new RateLimited({ recoverable: false, scope: "DAILY_API_REQUESTS" })
    case "INVALID_SESSION_ID":
    case "INVALID_AUTH_HEADER":
    case "API_DISABLED_FOR_ORG":
    case "API_CURRENTLY_DISABLED":
    case "INSUFFICIENT_ACCESS":
    case "INSUFFICIENT_ACCESS_OR_READONLY":
    case "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY":
    case "invalid_grant":
    case "invalid_client_id":
    case "invalid_client":
    case "unauthorized_client":
      return new Unauthorized()
    case "NOT_FOUND":
    case "ENTITY_IS_DELETED":
    case "INVALID_ID_FIELD":
      return new NotFound({ resource: site.resource ?? "record", id: site.id ?? "" })
    case "DUPLICATE_VALUE":
    case "DUPLICATE_EXTERNAL_ID":
    case "DUPLICATES_DETECTED":
    case "ENTITY_IS_LOCKED":
    case "ALREADY_IN_PROCESS":
    case "NO_APPLICABLE_PROCESS":
      return new Conflict()
    case "UNABLE_TO_LOCK_ROW":
    case "SERVER_UNAVAILABLE":
    case "QUERY_TIMEOUT":
      return new Unavailable()
    case "INVALID_FIELD":
    case "INVALID_TYPE":
    case "MALFORMED_QUERY":
    case "MALFORMED_ID":
    case "JSON_PARSER_ERROR":
    case "REQUIRED_FIELD_MISSING":
    case "STRING_TOO_LONG":
    case "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST":
    case "FIELD_CUSTOM_VALIDATION_EXCEPTION":
    case "FIELD_INTEGRITY_EXCEPTION":
    case "INVALID_CROSS_REFERENCE_KEY":
    case "INVALID_FIELD_FOR_INSERT_UPDATE":
    case "INVALID_TYPE_ON_FIELD_IN_RECORD":
    case "EXCEEDED_ID_LIMIT":
    case "INVALIDJOB":
      return new InvalidRequest({ fields })
  }
  if (status === undefined) return new InvalidRequest({ fields })
  // A 300 on upsert means the external id matched several records: a data problem, not a retry.
  if (status === 300) return new Conflict()
  if (status === 403) return new Unauthorized()
  return reasonForStatus(status, {
    ...(site.resource === undefined ? {} : { resource: site.resource }),
    ...(site.id === undefined ? {} : { id: site.id }),
  })
}

/** The first error of a REST error body (`[{message, errorCode}]` or `{error, error_description}`). */
export function firstRestError(body: unknown): RawRestError | undefined {
  if (Array.isArray(body)) {
    const first = body[0] as Partial<RawRestError> | undefined
    if (first && typeof first.message === "string") return first as RawRestError
    return undefined
  }
  if (body && typeof body === "object") {
    const record = body as Record<string, unknown>
    if (typeof record.error === "string") {
      return {
        errorCode: record.error,
        message: typeof record.error_description === "string" ? record.error_description : record.error,
      }
    }
    if (typeof record.message === "string") {
      return {
        message: record.message,
        ...(typeof record.errorCode === "string" ? { errorCode: record.errorCode } : {}),
      }
    }
  }
  return undefined
}

/** A failed REST reply as a `PortFailure`, the raw body under `vendor`. */
export function failureFromReply(
  site: FailureSite,
  status: number,
  body: unknown,
  text: string,
): PortFailure {
  const error = firstRestError(body)
  return new PortFailure({
    port: site.port,
    operation: site.operation,
    reason: reasonForSalesforceError(status, error, site),
    detail: error
      ? `${error.errorCode ?? error.statusCode ?? status}: ${scrubVendorText(error.message)}`
      : `HTTP ${status}${text.trim() === "" ? "" : `: ${scrubVendorText(text)}`}`,
    vendor: {
      vendor: "salesforce",
      status,
      ...(error?.errorCode === undefined ? {} : { code: error.errorCode }),
      payload: scrubVendorPayload(body ?? text, 2_000),
    },
  })
}

/** A per-record error (SaveResult, approval result) as a `PortFailure`. */
export function failureFromRecordErrors(
  site: FailureSite,
  errors: ReadonlyArray<RawRestError> | null | undefined,
): PortFailure {
  const first = errors?.[0]
  return new PortFailure({
    port: site.port,
    operation: site.operation,
    reason: reasonForSalesforceError(undefined, first, site),
    detail: first
      ? `${first.statusCode ?? first.errorCode ?? "ERROR"}: ${scrubVendorText(first.message)}`
      : "the record failed",
    vendor: {
      vendor: "salesforce",
      ...((first?.statusCode ?? first?.errorCode) === undefined
        ? {}
        : { code: (first?.statusCode ?? first?.errorCode)! }),
      payload: scrubVendorPayload(errors ?? []),
    },
  })
}

/**
 * A Bulk API 2.0 failed-row error (`sf__Error`: `STATUS_CODE:message:fields`) as a `PortFailure`.
 */
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/get_job_failed_results.htm
export function failureFromBulkRow(site: FailureSite, sfError: string): PortFailure {
  const colon = sfError.indexOf(":")
  const code = colon > 0 ? sfError.slice(0, colon) : sfError
  const rest = colon > 0 ? sfError.slice(colon + 1) : ""
  const lastColon = rest.lastIndexOf(":")
  const message = lastColon >= 0 ? rest.slice(0, lastColon) : rest
  const fieldList =
    lastColon >= 0
      ? rest
          .slice(lastColon + 1)
          .replace(/--\s*$/, "")
          .trim()
      : ""
  const fields = fieldList.length > 0 ? fieldList.split(",").map((field) => field.trim()) : []
  return failureFromRecordErrors(site, [{ statusCode: code, message: message || code, fields }])
}

/** The failure of a record tixi never sent because the job stopped first (Bulk unprocessed rows). */
export function unprocessedFailure(site: FailureSite, jobState: string): PortFailure {
  return new PortFailure({
    port: site.port,
    operation: site.operation,
    reason: new Unavailable(),
    detail: `not processed: the Bulk job ended ${jobState} before reaching this record`,
    vendor: { vendor: "salesforce", code: "UNPROCESSED" },
  })
}
