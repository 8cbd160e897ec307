import { reasonForStatus, scrubVendorPayload, scrubVendorText } from "@tixi/adapter-kit"
import {
  InvalidRequest,
  NotFound,
  PortFailure,
  type PortFailureReason,
  RateLimited,
  Unauthorized,
  Unavailable,
} from "@tixi/core"

/** Where a failed call came from. */
export interface WeComCallSite {
  readonly port: string
  readonly operation: string
  readonly resource?: string
  readonly id?: string
}

/** errcodes that mean the access token is no longer good: 40014 invalid, 42001 expired, 40082 invalid suite token. */
const invalidTokenCodes = new Set([40014, 42001, 40082])

const record = (body: unknown): Record<string, unknown> =>
  typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {}

/** Whether the reply says the token was rejected (the client refetches it once). */
export function isInvalidToken(body: unknown): boolean {
  const errcode = record(body).errcode
  return typeof errcode === "number" && invalidTokenCodes.has(errcode)
}

/**
 * WeCom's errcodes mapped to tixi's reasons, in one place (DESIGN rule 4). WeCom answers HTTP 200
 * with `{ errcode, errmsg }`; 0 is success. The raw payload is kept under `vendor`, scrubbed of
 * query values and credentials like the detail (`scrubVendorText`).
 * - 40014/42001: invalid or expired token; 40001/40013 wrong secret or corp id; 48002, 301002
 *   ("not allow operate another agent"): the app may not call this API or act for this agent.
 * - 45009 frequency limit (blocks for 60 s or 60 min), 45033 concurrency; -1 system busy.
 * - 60111 unknown userid, 60123 / 60003 unknown department; WeCom names other missing records in
 *   errmsg only ("not exist", "不存在").
 * - 301025 invalid control id or value in `apply_data`, 40058 a parameter out of range.
 */
export function weComFailure(
  site: WeComCallSite,
  status: number,
  body: unknown,
  text: string,
): PortFailure | undefined {
  const raw = record(body)
  const errcode = typeof raw.errcode === "number" ? raw.errcode : undefined
  const errmsg = typeof raw.errmsg === "string" ? raw.errmsg : text
  if (status >= 200 && status < 300 && (errcode === undefined || errcode === 0)) return undefined
  // What is shown: a proxy's page may echo the URL, whose query holds corpsecret or access_token.
  const shown = scrubVendorText(errmsg)
  const notFound = () => new NotFound({ resource: site.resource ?? "resource", id: site.id ?? "" })
  const reason = ((): PortFailureReason => {
    if (errcode === undefined)
      return reasonForStatus(status, {
        ...(site.resource ? { resource: site.resource } : {}),
        ...(site.id ? { id: site.id } : {}),
      })
    if (invalidTokenCodes.has(errcode) || [40001, 40013, 48002, 301002, 60020].includes(errcode))
      return new Unauthorized()
    if (errcode === 45009)
      return new RateLimited({ recoverable: true, scope: "45009", retryAfterMillis: 60_000 })
    if (errcode === 45033)
      return new RateLimited({ recoverable: true, scope: "45033", retryAfterMillis: 1_000 })
    if (errcode === -1) return new Unavailable()
    if ([60111, 60123, 60003].includes(errcode) || /not exist|not found|不存在/i.test(errmsg))
      return notFound()
    if (errcode === 301025) {
      const control = /control id ([\w-]+)/i.exec(errmsg)?.[1]
      return new InvalidRequest({ fields: [{ field: control ?? "apply_data", message: shown }] })
    }
    return new InvalidRequest({ fields: [{ field: "request", message: shown }] })
  })()
  return new PortFailure({
    port: site.port,
    operation: site.operation,
    reason,
    detail: `WeCom ${errcode ?? status}: ${shown}`,
    vendor: {
      vendor: "wecom",
      status,
      ...(errcode === undefined ? {} : { code: String(errcode) }),
      payload: scrubVendorPayload(body ?? text),
    },
  })
}
