import { Schema } from "effect"

/** The host refused because too many requests were made; try again after the wait, if known. */
export class RateLimited extends Schema.TaggedError<RateLimited>()("RateLimited", {
  retryAfterMillis: Schema.optional(Schema.Number),
  /** Which limit was hit, in the vendor's words, e.g. `TEN_SECONDLY_ROLLING` or `DAILY`. */
  scope: Schema.optional(Schema.String),
  /** False where waiting does not help within the process's horizon, e.g. a daily budget. */
  recoverable: Schema.Boolean,
}) {}

/** The credentials were rejected or have expired and could not be renewed. */
export class Unauthorized extends Schema.TaggedError<Unauthorized>()("Unauthorized", {}) {}

/** The record does not exist on the host (or is not visible to these credentials). */
export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", {
  resource: Schema.String,
  id: Schema.String,
}) {}

/** The write conflicts with the record's current state, e.g. a duplicate unique value. */
export class Conflict extends Schema.TaggedError<Conflict>()("Conflict", {}) {}

/** The host rejected the request as malformed; retrying the same request cannot succeed. */
export class InvalidRequest extends Schema.TaggedError<InvalidRequest>()("InvalidRequest", {
  /** Field-level problems the host reported, when it reports them. */
  fields: Schema.optional(Schema.Array(Schema.Struct({ field: Schema.String, message: Schema.String }))),
}) {}

/** The host is down, timed out or answered with a server error. */
export class Unavailable extends Schema.TaggedError<Unavailable>()("Unavailable", {}) {}

/** Why a port call failed, independent of the vendor. */
export const PortFailureReason = Schema.Union([
  RateLimited,
  Unauthorized,
  NotFound,
  Conflict,
  InvalidRequest,
  Unavailable,
])

/** Why a port call failed, independent of the vendor. */
export type PortFailureReason = typeof PortFailureReason.Type

/** The vendor's own words, kept for diagnosis; never interpreted outside the adapter. */
export const VendorDetail = Schema.Struct({
  vendor: Schema.String,
  status: Schema.optional(Schema.Number),
  code: Schema.optional(Schema.String),
  payload: Schema.optional(Schema.Unknown),
})

/** The vendor's own words, kept for diagnosis; never interpreted outside the adapter. */
export type VendorDetail = typeof VendorDetail.Type

/**
 * A call to a port (HostCrm, Approvals, Directory, Notifier) failed. Every adapter maps its
 * vendor's errors to one of the reasons in one file and keeps the raw payload under `vendor`.
 */
export class PortFailure extends Schema.TaggedError<PortFailure>()("PortFailure", {
  port: Schema.String,
  operation: Schema.String,
  reason: PortFailureReason,
  detail: Schema.String,
  vendor: Schema.optional(VendorDetail),
}) {
  override get message(): string {
    return `${this.port}.${this.operation} failed (${this.reason._tag}): ${this.detail}`
  }

  /** Whether the same call may succeed later: rate limits that pass and unavailable hosts. */
  get isRetryable(): boolean {
    switch (this.reason._tag) {
      case "RateLimited":
        return this.reason.recoverable
      case "Unavailable":
        return true
      default:
        return false
    }
  }
}
