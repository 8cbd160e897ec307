import {
  checkCallbackTimestamp,
  type MessageCryptoError,
  makeRecentIds,
  type RecentIds,
  type StaleCallback,
} from "@tixi/adapter-kit"
import { Result } from "effect"
import { type DingTalkCallbackKeys, decryptDingTalkEvent, encryptDingTalkReply } from "./dingtalk-crypto.ts"
import { type DingTalkApprovalEvent, type DingTalkOtherEvent, parseDingTalkEvent } from "./dingtalk-event.ts"

/** An HTTP request as any server hands it over: the raw body, the query, the headers. */
export interface RawCallbackRequest {
  readonly method?: string
  /** The query parameters (`msg_signature` or `signature`, `timestamp` or `timeStamp`, `nonce`). */
  readonly query: Readonly<Record<string, string | undefined>> | URLSearchParams
  /** The body exactly as received; verification happens before anything is parsed from it. */
  readonly body: string
  readonly headers?: Readonly<Record<string, string | undefined>>
}

/** What to answer DingTalk: status, content type and body. */
export interface CallbackReply {
  readonly status: number
  readonly contentType: string
  readonly body: string
}

/** A verified delivery: its events (duplicates removed) and the reply to send at once. */
export interface AcceptedCallback {
  readonly accepted: true
  readonly events: ReadonlyArray<DingTalkApprovalEvent | DingTalkOtherEvent>
  /** Events dropped because their id was seen before (DingTalk retries at 10 s and 30 s). */
  readonly duplicates: number
  readonly reply: CallbackReply
}

/** A refused delivery: why, and what to answer (DingTalk then retries and, later, lists it as failed). */
export interface RejectedCallback {
  readonly accepted: false
  readonly reason:
    | MessageCryptoError
    | StaleCallback
    | { readonly _tag: "MalformedCallback"; readonly message: string }
  readonly reply: CallbackReply
}

/** Options of the callback handler. */
export interface DingTalkCallbackHandlerOptions {
  readonly keys: DingTalkCallbackKeys
  /** The current time in milliseconds (default `Date.now`), for the reply's timestamp and to tell a replayed request. */
  readonly now?: () => number
  /**
   * How far the signed `timestamp` may be from `now` (default 5 minutes): an older request is a
   * captured one sent again, refused as `StaleCallback`.
   */
  readonly toleranceMillis?: number
  /** Seen event ids (default: the last 10,000 in memory). */
  readonly seen?: RecentIds
}

const param = (query: RawCallbackRequest["query"], ...names: ReadonlyArray<string>) => {
  for (const name of names) {
    const value = query instanceof URLSearchParams ? query.get(name) : query[name]
    if (value !== undefined && value !== null && value !== "") return value
  }
  return undefined
}

const json = (status: number, body: unknown): CallbackReply => ({
  status,
  contentType: "application/json; charset=utf-8",
  body: JSON.stringify(body),
})

/**
 * A DingTalk HTTP callback handler as a plain function: raw body, query and headers in, verified
 * events and the reply out, for any HTTP server (or the runtime's intake). It verifies the
 * signature on the raw body, decrypts, refuses a signed timestamp that is not recent (a replay),
 * parses, drops duplicates by event id (derived from the content when DingTalk sends none) and answers with the
 * encrypted `success` DingTalk waits for (within 1.5 s for check_url, 2.5 s for events). Nothing
 * here waits on the network, so the reply is always in time; handle the events after replying.
 */
export function makeDingTalkCallbackHandler(options: DingTalkCallbackHandlerOptions) {
  const now = options.now ?? Date.now
  const seen = options.seen ?? makeRecentIds()
  return (request: RawCallbackRequest): AcceptedCallback | RejectedCallback => {
    const signature = param(request.query, "msg_signature", "signature")
    const timestamp = param(request.query, "timestamp", "timeStamp")
    const nonce = param(request.query, "nonce")
    let encrypt: unknown
    try {
      encrypt = (JSON.parse(request.body) as { encrypt?: unknown }).encrypt
    } catch {
      encrypt = undefined
    }
    if (
      signature === undefined ||
      timestamp === undefined ||
      nonce === undefined ||
      typeof encrypt !== "string"
    ) {
      return {
        accepted: false,
        reason: {
          _tag: "MalformedCallback",
          message: "expected msg_signature, timestamp and nonce in the query and {encrypt} in the body",
        },
        reply: json(400, { error: "malformed callback" }),
      }
    }
    const plaintext = decryptDingTalkEvent(options.keys, { signature, timestamp, nonce, encrypt })
    if (Result.isFailure(plaintext)) {
      const status =
        plaintext.failure._tag === "InvalidAesKey"
          ? 500
          : plaintext.failure._tag === "SignatureMismatch"
            ? 401
            : 400
      return {
        accepted: false,
        reason: plaintext.failure,
        reply: json(status, { error: plaintext.failure._tag }),
      }
    }
    const stale = checkCallbackTimestamp(timestamp, now(), options.toleranceMillis)
    if (stale !== undefined)
      return { accepted: false, reason: stale, reply: json(401, { error: stale._tag }) }
    let payload: unknown
    try {
      payload = JSON.parse(plaintext.success)
    } catch {
      return {
        accepted: false,
        reason: { _tag: "MalformedCallback", message: "the decrypted plaintext is not JSON" },
        reply: json(400, { error: "malformed plaintext" }),
      }
    }
    const event = parseDingTalkEvent(payload)
    const events: Array<DingTalkApprovalEvent | DingTalkOtherEvent> = []
    let duplicates = 0
    if (event !== undefined && event.eventType !== "check_url") {
      if (seen.firstSighting(event.eventId)) events.push(event)
      else duplicates += 1
    }
    const reply = encryptDingTalkReply(options.keys, { timestamp: String(Math.floor(now() / 1000)) })
    return { accepted: true, events, duplicates, reply: json(200, reply) }
  }
}
