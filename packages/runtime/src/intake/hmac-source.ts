import { createHmac, timingSafeEqual } from "node:crypto"
import { Effect, Redacted } from "effect"
import { IntakeRejected, type IntakeRequest, type IntakeSource, type VerifiedEvent } from "./intake-source.ts"

/** Settings of an HMAC-signed source. */
export interface HmacSourceOptions {
  readonly name: string
  readonly path: string
  readonly secret: Redacted.Redacted
  /** How old a signed request may be before it counts as a replay. Default 5 minutes. */
  readonly toleranceMillis?: number | undefined
  readonly acknowledgeWithinMillis?: number | undefined
}

/** The headers of an HMAC-signed request. */
export const hmacHeaders = { timestamp: "x-tixi-timestamp", signature: "x-tixi-signature" } as const

/** Signs a body the way an HMAC source verifies it: `sha256=` hex of HMAC(secret, `${timestamp}.${body}`). */
export function signHmac(secret: string, timestamp: number, body: string | Uint8Array): string {
  const mac = createHmac("sha256", secret)
  mac.update(`${timestamp}.`)
  mac.update(body)
  return `sha256=${mac.digest("hex")}`
}

const reject = (reason: IntakeRejected["reason"], detail: string) =>
  Effect.fail(new IntakeRejected({ reason, detail }))

const parseEvents = (body: Uint8Array): ReadonlyArray<VerifiedEvent> | string => {
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body))
  } catch {
    return "body is not UTF-8 JSON"
  }
  const list =
    typeof parsed === "object" && parsed !== null && "events" in parsed
      ? (parsed as { events: unknown }).events
      : [parsed]
  if (!Array.isArray(list) || list.length === 0) return "events: expected a non-empty list"
  const events: Array<VerifiedEvent> = []
  for (const [index, item] of list.entries()) {
    const event = item as { id?: unknown; type?: unknown; payload?: unknown }
    if (typeof event !== "object" || event === null) return `events[${index}]: expected an object`
    if (typeof event.id !== "string" || event.id.length === 0 || event.id.length > 200) {
      return `events[${index}].id: expected a string of 1–200 characters`
    }
    if (typeof event.type !== "string" || event.type.length === 0)
      return `events[${index}].type: expected a string`
    events.push({ id: event.id, type: event.type, payload: event.payload ?? null })
  }
  // The intake stores payloads as JSON: one nested deeper than JSON.stringify can write would
  // fail every store (and every retry) as if the database were down.
  try {
    JSON.stringify(events)
  } catch {
    return "events: nested too deeply to store as JSON"
  }
  return events
}

/**
 * A source for systems tixi does not have an adapter for (a company's own order system, a test
 * harness): the sender signs each request with a shared secret, HMAC-SHA256 over
 * `${timestamp}.${raw body}`, and sends the timestamp beside it, as Stripe and Slack do. A wrong
 * signature is forged; a timestamp outside the tolerance is a replay (a captured request sent
 * again later cannot be re-signed without the secret); the same event id twice is a duplicate the
 * intake drops. The body is one event `{ id, type, payload }` or `{ events: [...] }`.
 */
export const hmacSource = (options: HmacSourceOptions): IntakeSource => {
  const tolerance = options.toleranceMillis ?? 5 * 60_000
  return {
    name: options.name,
    path: options.path,
    acknowledgeWithinMillis: options.acknowledgeWithinMillis ?? 5_000,
    verify: (request: IntakeRequest) =>
      Effect.suspend(() => {
        const timestampText = request.headers[hmacHeaders.timestamp]
        const signature = request.headers[hmacHeaders.signature]
        if (timestampText === undefined || signature === undefined) {
          return reject("forged", `missing ${hmacHeaders.timestamp} or ${hmacHeaders.signature}`)
        }
        const timestamp = Number(timestampText)
        if (!Number.isSafeInteger(timestamp))
          return reject("malformed", `${hmacHeaders.timestamp}: not epoch milliseconds`)
        const expected = Buffer.from(signHmac(Redacted.value(options.secret), timestamp, request.body))
        const given = Buffer.from(signature)
        if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
          return reject("forged", "signature does not match the body")
        }
        if (Math.abs(request.receivedAt - timestamp) > tolerance) {
          return reject(
            "replayed",
            `signed ${Math.round((request.receivedAt - timestamp) / 1000)} s ago, outside the ${tolerance / 1000} s tolerance`,
          )
        }
        const events = parseEvents(request.body)
        if (typeof events === "string") return reject("malformed", events)
        return Effect.succeed({ events })
      }),
  }
}
