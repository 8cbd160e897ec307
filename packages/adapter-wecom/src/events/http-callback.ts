import {
  checkCallbackTimestamp,
  type MessageCryptoError,
  makeRecentIds,
  type RecentIds,
  type StaleCallback,
} from "@tixi/adapter-kit"
import { Result } from "effect"
import { parseXml, textOf, XmlSyntaxError } from "./parse-xml.ts"
import { decryptWeComMessage, verifyWeComUrl, type WeComCallbackKeys } from "./wecom-crypto.ts"
import { parseWeComMessage, type WeComApprovalEvent, type WeComOtherMessage } from "./wecom-event.ts"

/** An HTTP request as any server hands it over. */
export interface RawWeComRequest {
  readonly method: "GET" | "POST" | string
  readonly query: Readonly<Record<string, string | undefined>> | URLSearchParams
  /** The body exactly as received (XML, or JSON in the JSON mode). */
  readonly body: string
}

/** What to answer WeCom. */
export interface WeComReply {
  readonly status: number
  readonly contentType: string
  readonly body: string
}

/** A verified request: the URL check's echo, or the message's events (duplicates removed). */
export interface AcceptedWeComCallback {
  readonly accepted: true
  readonly events: ReadonlyArray<WeComApprovalEvent | WeComOtherMessage>
  readonly duplicates: number
  readonly reply: WeComReply
}

/** A refused request and the answer to send. */
export interface RejectedWeComCallback {
  readonly accepted: false
  readonly reason:
    | MessageCryptoError
    | StaleCallback
    | { readonly _tag: "MalformedCallback"; readonly message: string }
  readonly reply: WeComReply
}

/** Options of the callback handler. */
export interface WeComCallbackHandlerOptions {
  readonly keys: WeComCallbackKeys
  /** Seen message keys (default: the last 10,000 in memory). */
  readonly seen?: RecentIds
  /** The current time in milliseconds (default `Date.now`), to tell a replayed request by its timestamp. */
  readonly now?: () => number
  /**
   * How far the signed `timestamp` may be from `now` (default 5 minutes): an older request is a
   * captured one sent again, refused as `StaleCallback`.
   */
  readonly toleranceMillis?: number
}

const plain = (status: number, body: string): WeComReply => ({
  status,
  contentType: "text/plain; charset=utf-8",
  body,
})

/**
 * The envelope WeCom posts is `<xml>` around 3–4 fields, read before the signature can be checked:
 * anything much larger is refused at once rather than parsed.
 */
const envelopeLimits = { maxElements: 64, maxDepth: 4 } as const

const param = (query: RawWeComRequest["query"], name: string) => {
  const value = query instanceof URLSearchParams ? query.get(name) : query[name]
  return value === null || value === undefined || value === "" ? undefined : value
}

/**
 * A WeCom callback handler as a plain function for any HTTP server: the URL verification GET
 * (echo the decrypted `echostr`) and message POSTs (XML `<xml><Encrypt/>…` or JSON `{encrypt}`),
 * verified on the raw body before anything is parsed, decrypted, refused when the signed timestamp
 * is not recent (a replay), and deduplicated (WeCom retries three times on timeouts; see
 * `parseWeComMessage` for the key). Answer within 5 s.
 */
export function makeWeComCallbackHandler(options: WeComCallbackHandlerOptions) {
  const seen = options.seen ?? makeRecentIds()
  const now = options.now ?? Date.now
  const refuse = (reason: RejectedWeComCallback["reason"]): RejectedWeComCallback => ({
    accepted: false,
    reason,
    reply: plain(
      reason._tag === "SignatureMismatch" || reason._tag === "StaleCallback"
        ? 401
        : reason._tag === "InvalidAesKey"
          ? 500
          : 400,
      reason._tag,
    ),
  })
  return (request: RawWeComRequest): AcceptedWeComCallback | RejectedWeComCallback => {
    const signature = param(request.query, "msg_signature")
    const timestamp = param(request.query, "timestamp")
    const nonce = param(request.query, "nonce")
    if (signature === undefined || timestamp === undefined || nonce === undefined) {
      return refuse({
        _tag: "MalformedCallback",
        message: "expected msg_signature, timestamp and nonce in the query",
      })
    }
    if (request.method === "GET") {
      const echostr = param(request.query, "echostr")
      if (echostr === undefined)
        return refuse({ _tag: "MalformedCallback", message: "URL verification needs echostr" })
      const echo = verifyWeComUrl(options.keys, { msg_signature: signature, timestamp, nonce, echostr })
      if (Result.isFailure(echo)) return refuse(echo.failure)
      const stale = checkCallbackTimestamp(timestamp, now(), options.toleranceMillis)
      if (stale !== undefined) return refuse(stale)
      return { accepted: true, events: [], duplicates: 0, reply: plain(200, echo.success) }
    }
    let encrypt: string | undefined
    const trimmed = request.body.trim()
    try {
      if (trimmed.startsWith("{")) {
        const body = JSON.parse(trimmed) as { encrypt?: unknown; Encrypt?: unknown }
        const value = body.encrypt ?? body.Encrypt
        encrypt = typeof value === "string" ? value : undefined
      } else {
        encrypt = textOf(parseXml(trimmed, envelopeLimits).Encrypt)
      }
    } catch (error) {
      return refuse({
        _tag: "MalformedCallback",
        message: error instanceof XmlSyntaxError ? error.message : "unreadable body",
      })
    }
    if (encrypt === undefined)
      return refuse({ _tag: "MalformedCallback", message: "the body has no Encrypt" })
    const decrypted = decryptWeComMessage(options.keys, { signature, timestamp, nonce, encrypt })
    if (Result.isFailure(decrypted)) return refuse(decrypted.failure)
    const stale = checkCallbackTimestamp(timestamp, now(), options.toleranceMillis)
    if (stale !== undefined) return refuse(stale)
    let message: ReturnType<typeof parseXml> | Record<string, unknown>
    try {
      const text = decrypted.success.trim()
      message = text.startsWith("{") ? (JSON.parse(text) as Record<string, unknown>) : parseXml(text)
    } catch (error) {
      return refuse({
        _tag: "MalformedCallback",
        message: error instanceof Error ? error.message : "unreadable plaintext",
      })
    }
    const event = parseWeComMessage(message)
    const fresh = seen.firstSighting(event.dedupeKey)
    return {
      accepted: true,
      events: fresh ? [event] : [],
      duplicates: fresh ? 0 : 1,
      reply: plain(200, "success"),
    }
  }
}
