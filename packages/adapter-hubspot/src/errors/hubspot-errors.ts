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
import type { HubSpotErrorBody, HubSpotStandardError } from "../vendor/schemas.ts"

/**
 * Every HubSpot error tixi sees, mapped to tixi's failure vocabulary in this one file (DESIGN
 * rule 4). The raw body stays under `vendor.payload`, the category or policy under `vendor.code`;
 * what HubSpot (or a proxy in between) wrote is scrubbed of query values and credentials first.
 * https://developers.hubspot.com/docs/api-reference/error-handling
 */

const vendor = "HubSpot"

/** How long to wait after a 429 of each policy before trying again. */
export const rateLimitBackoffMillis = {
  TEN_SECONDLY_ROLLING: 1_000,
  SECONDLY: 1_000,
} as const

/** Property names HubSpot blamed, from `errors[].context.propertyName` or the message's list. */
function fieldProblems(body: HubSpotErrorBody): Array<{ field: string; message: string }> {
  const fromDetails = (body.errors ?? []).flatMap((detail) =>
    (detail.context?.propertyName ?? (detail.in ? [detail.in] : [])).map((field) => ({
      field,
      message: scrubVendorText(detail.message),
    })),
  )
  if (fromDetails.length > 0) return fromDetails
  // Single-record writes list the problems as JSON inside the message: "Property values were not valid: [...]".
  const listed = body.message?.match(/\[(.*)\]$/s)?.[0]
  if (listed) {
    try {
      const parsed = JSON.parse(listed) as Array<{ name?: string; message?: string }>
      return parsed
        .filter((entry) => entry.name)
        .map((entry) => ({ field: entry.name!, message: scrubVendorText(entry.message ?? "") }))
    } catch {
      return []
    }
  }
  return []
}

/** The reason a reply of this status and body means. */
export function reasonFor(
  status: number,
  body: HubSpotErrorBody | undefined,
  context: { resource?: string; id?: string } = {},
): PortFailureReason {
  const category = body?.category
  if (status === 429 || body?.errorType === "RATE_LIMIT") {
    const policy = body?.policyName
    if (policy === "DAILY") return new RateLimited({ recoverable: false, scope: "DAILY" })
    const wait =
      policy === "SECONDLY" || body?.message === "You have reached your secondly limit."
        ? rateLimitBackoffMillis.SECONDLY
        : rateLimitBackoffMillis.TEN_SECONDLY_ROLLING
    return new RateLimited({
      recoverable: true,
      scope: policy ?? "TEN_SECONDLY_ROLLING",
      retryAfterMillis: wait,
    })
  }
  if (status === 401 || category === "INVALID_AUTHENTICATION" || category === "EXPIRED_AUTHENTICATION")
    return new Unauthorized()
  if (status === 403 || category === "MISSING_SCOPES") return new Unauthorized()
  if (status === 404 || category === "OBJECT_NOT_FOUND") {
    return new NotFound({ resource: context.resource ?? "record", id: context.id ?? "" })
  }
  if (status === 409 || category === "CONFLICT" || category === "OBJECT_ALREADY_EXISTS") return new Conflict()
  if (status === 400 || category === "VALIDATION_ERROR") {
    const fields = body ? fieldProblems(body) : []
    return new InvalidRequest(fields.length > 0 ? { fields } : {})
  }
  return reasonForStatus(status, context)
}

/** A failure from a reply HubSpot sent. */
export function failureFromReply(
  operation: string,
  status: number,
  body: unknown,
  context: { resource?: string; id?: string } = {},
): PortFailure {
  const parsed = typeof body === "object" && body !== null ? (body as HubSpotErrorBody) : undefined
  const code = parsed?.policyName ?? parsed?.category
  return new PortFailure({
    port: "HostCrm",
    operation,
    reason: reasonFor(status, parsed, context),
    detail: `HubSpot ${status}: ${scrubVendorText(parsed?.message ?? (typeof body === "string" ? body : "no message"))}`,
    vendor: { vendor, status, ...(code === undefined ? {} : { code }), payload: scrubVendorPayload(body) },
  })
}

/** Whether something thrown is `@hubspot/api-client`'s `ApiException` (a reply with a status). */
function isApiException(
  cause: unknown,
): cause is { code: number; body: unknown; headers: Record<string, string> } {
  return (
    typeof cause === "object" &&
    cause !== null &&
    typeof (cause as { code?: unknown }).code === "number" &&
    "body" in cause
  )
}

/** A failure from whatever a client call threw: a HubSpot reply, or a network problem. */
export function failureFromThrown(
  operation: string,
  cause: unknown,
  context: { resource?: string; id?: string } = {},
): PortFailure {
  if (isApiException(cause)) return failureFromReply(operation, cause.code, cause.body, context)
  const message = cause instanceof Error ? cause.message : String(cause)
  return new PortFailure({
    port: "HostCrm",
    operation,
    reason: new Unavailable(),
    detail: `HubSpot could not be reached: ${scrubVendorText(message)}`,
    vendor: { vendor },
  })
}

/** The headers of an `ApiException`, for reading rate-limit headers off a 429. */
export function headersOfThrown(cause: unknown): Record<string, string> | undefined {
  return isApiException(cause) ? cause.headers : undefined
}

/** A failure of one record in a 207 reply. */
export function failureFromBatchError(
  operation: string,
  error: HubSpotStandardError,
  id: string,
): PortFailure {
  const status = error.category === "OBJECT_NOT_FOUND" ? 404 : error.category === "CONFLICT" ? 409 : 400
  return new PortFailure({
    port: "HostCrm",
    operation,
    reason: reasonFor(status, { ...error }, { resource: "record", id }),
    detail: `HubSpot ${error.category}: ${scrubVendorText(error.message)}`,
    vendor: { vendor, status: 207, code: error.category, payload: scrubVendorPayload(error) },
  })
}

/** A call timed out. */
export function timedOut(operation: string, millis: number): PortFailure {
  return new PortFailure({
    port: "HostCrm",
    operation,
    reason: new Unavailable(),
    detail: `HubSpot did not answer within ${millis} ms`,
    vendor: { vendor },
  })
}
