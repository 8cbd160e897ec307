import {
  Conflict,
  InvalidRequest,
  NotFound,
  type PortFailureReason,
  RateLimited,
  Unauthorized,
  Unavailable,
} from "@tixi/core"

/**
 * The vendor-neutral meaning of an HTTP status, for replies a vendor's own error mapping does not
 * recognise. Each adapter maps its vendor's codes first (in one file) and falls back to this.
 */
export function reasonForStatus(
  status: number,
  context: { readonly resource?: string; readonly id?: string; readonly retryAfterMillis?: number } = {},
): PortFailureReason {
  if (status === 401) return new Unauthorized()
  if (status === 403) return new Unauthorized()
  if (status === 404 || status === 410)
    return new NotFound({ resource: context.resource ?? "resource", id: context.id ?? "" })
  if (status === 409 || status === 412) return new Conflict()
  if (status === 429) {
    return new RateLimited({
      recoverable: true,
      ...(context.retryAfterMillis === undefined ? {} : { retryAfterMillis: context.retryAfterMillis }),
    })
  }
  if (status === 408 || status >= 500) return new Unavailable()
  return new InvalidRequest({})
}

/**
 * Milliseconds to wait from a `Retry-After` header: delta-seconds or an HTTP date (relative to
 * `now`). Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined || value.trim() === "") return undefined
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - now)
}
