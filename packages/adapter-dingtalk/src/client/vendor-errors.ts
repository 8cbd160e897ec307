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

/** Where a failed call came from, for the failure's message and its `vendor` detail. */
export interface DingTalkCallSite {
  readonly port: string
  readonly operation: string
  /** The resource and id the call was about, for `NotFound`. */
  readonly resource?: string
  readonly id?: string
}

/** A DingTalk reply as the client sees it: the HTTP status and the parsed body. */
export interface DingTalkReply {
  readonly status: number
  readonly body: unknown
  readonly text: string
}

const record = (body: unknown): Record<string, unknown> =>
  typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {}

/** Codes of the new API (api.dingtalk.com) that mean the token is no longer good. */
const invalidTokenCodes = new Set([
  "InvalidAuthentication",
  "Forbidden.AccessDenied.AccessTokenPermissionDenied",
])
/** Legacy (oapi.dingtalk.com) errcodes: 40014 invalid token, 42001 expired, 40089 invalid corp token, 88 ISV token. */
const invalidTokenErrcodes = new Set([40014, 42001, 40089, 88])

/** New-API throttling codes (call-frequency-limit): per second is short, per minute longer. */
function throttle(code: string): RateLimited | undefined {
  if (!code.startsWith("Forbidden.AccessDenied.Q")) return undefined
  const perMinute = code.includes("Qpm")
  return new RateLimited({ recoverable: true, scope: code, retryAfterMillis: perMinute ? 60_000 : 1_000 })
}

/** The failing control named in `formConverterError` ("表单数据校验失败，失败控件：金额"). */
function failingControl(message: string): string | undefined {
  const match = /失败控件[:：]\s*(.+)$/.exec(message)
  return match?.[1]?.trim()
}

/**
 * Whether the reply says the access token was rejected: the client then drops it from the cache
 * and tries once more with a fresh one (DingTalk may invalidate tokens before `expireIn`).
 */
export function isInvalidToken(reply: DingTalkReply): boolean {
  const body = record(reply.body)
  if (typeof body.code === "string" && invalidTokenCodes.has(body.code)) return true
  if (typeof body.errcode === "number" && invalidTokenErrcodes.has(body.errcode)) return true
  return reply.status === 401
}

/**
 * DingTalk's errors mapped to tixi's reasons, in one place (DESIGN rule 4): new-API replies carry
 * `{ code, message }` with an HTTP status, legacy oapi replies `{ errcode, errmsg }` with 200, and
 * an IP ban (10,000 calls per 20 s from one address) a non-standard `{ status: 1111, wait }` or
 * HTML. Returns undefined for a success. The raw payload is kept under `vendor`, scrubbed of query
 * values and credentials like the detail (`scrubVendorText`).
 */
export function dingTalkFailure(site: DingTalkCallSite, reply: DingTalkReply): PortFailure | undefined {
  const body = record(reply.body)
  const errcode = typeof body.errcode === "number" ? body.errcode : undefined
  const code = typeof body.code === "string" ? body.code : errcode !== undefined ? String(errcode) : undefined
  const message =
    typeof body.message === "string"
      ? body.message
      : typeof body.errmsg === "string"
        ? body.errmsg
        : reply.text
  // What is shown: a proxy's page may echo the URL, whose query holds the oapi access_token.
  const shown = scrubVendorText(message)
  const banned = body.status === 1111 || /<html/i.test(reply.text.slice(0, 200))
  if (!banned && reply.status >= 200 && reply.status < 300 && (errcode === undefined || errcode === 0))
    return undefined
  const reason = ((): PortFailureReason => {
    if (banned) {
      const waitMinutes = typeof body.wait === "number" ? body.wait : 5
      return new RateLimited({ recoverable: true, scope: "IP_BAN", retryAfterMillis: waitMinutes * 60_000 })
    }
    if (isInvalidToken(reply)) return new Unauthorized()
    if (code !== undefined) {
      const throttled = throttle(code)
      if (throttled) return throttled
      if (code === "system.busy" || errcode === 90002 || errcode === 90006 || errcode === 90018) {
        return new RateLimited({ recoverable: true, scope: code, retryAfterMillis: 1_000 })
      }
      if (code === "aflowProcessInstStatusException" && message.includes("15秒")) {
        // DingTalk refuses to withdraw an instance within 15 s of its creation; waiting helps.
        return new RateLimited({ recoverable: true, scope: "withdrawWithin15s", retryAfterMillis: 15_000 })
      }
      if (
        [
          "processInstanceNotExist",
          "aflowProcessInstNotExist",
          "processInstanceIdError",
          "processCodeError",
          "formNotExist",
          "aflowProcessCodeIsError",
          "processcode.error",
        ].includes(code) ||
        errcode === 60121 ||
        errcode === 60003
      ) {
        return new NotFound({ resource: site.resource ?? "resource", id: site.id ?? "" })
      }
      if (
        code === "formName.error" ||
        code === "formschema.error" ||
        code === "aflowProcessInstStatusException"
      ) {
        return code === "formschema.error"
          ? new InvalidRequest({ fields: [{ field: "formComponents", message: shown }] })
          : new Conflict()
      }
      if (code === "formConverterError" || code === "illegalComponent") {
        const control = failingControl(message)
        return new InvalidRequest({ fields: [{ field: control ?? "formComponentValues", message: shown }] })
      }
      if (code === "systemError" || code === "sysErrror" || errcode === -1) return new Unavailable()
      if (
        code === "needAuth" ||
        code === "permission.error" ||
        code === "noPermission" ||
        // 60011: the app has no permission for this API (global error codes), not a missing record.
        errcode === 60011 ||
        errcode === 60020
      ) {
        return new Unauthorized()
      }
    }
    if (reply.status >= 400)
      return reasonForStatus(reply.status, {
        ...(site.resource ? { resource: site.resource } : {}),
        ...(site.id ? { id: site.id } : {}),
      })
    return new InvalidRequest({})
  })()
  return new PortFailure({
    port: site.port,
    operation: site.operation,
    reason,
    detail: `DingTalk ${code ?? reply.status}: ${shown}`,
    vendor: {
      vendor: "dingtalk",
      status: reply.status,
      ...(code === undefined ? {} : { code }),
      payload: scrubVendorPayload(reply.body ?? reply.text),
    },
  })
}
