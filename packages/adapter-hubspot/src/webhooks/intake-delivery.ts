import type { HostObject } from "@tixi/core"
import type { Redacted } from "effect"
import { parseWebhookEvents, type SkippedEvent } from "./parse-events.ts"
import { type SignatureVersion, verifyHubSpotSignature } from "./verify-signature.ts"
import { toWebhookChange, type WebhookChange } from "./webhook-handler.ts"

/** A request as a webhook intake holds it: raw bytes, lower-case headers, the time it arrived. */
export interface IntakeLikeRequest {
  readonly method: string
  readonly url: URL
  readonly headers: Readonly<Record<string, string | undefined>>
  readonly body: Uint8Array
  readonly receivedAt: number
}

/** The verified events of a delivery, each with an id to deduplicate by, or why it was refused. */
export type HubSpotDeliveryVerdict =
  | {
      readonly ok: true
      readonly events: ReadonlyArray<{
        readonly id: string
        readonly type: "host.change"
        readonly payload: WebhookChange
      }>
      /** Events about tixi's own writes, left out. */
      readonly echoes: number
      /** Events that could not be read, set aside rather than failing the whole delivery. */
      readonly skipped: ReadonlyArray<SkippedEvent>
    }
  | { readonly ok: false; readonly reason: "forged" | "replayed" | "malformed"; readonly detail: string }

/**
 * HubSpot webhooks for a generic intake (one that stores before it acknowledges and deduplicates
 * by event id itself, as `@tixi/runtime`'s does): verifies the signature on the raw bytes and the
 * exact URL, parses at most 100 events, leaves out tixi's own writes and returns the rest as
 * `host.change` events keyed by eventId, occurredAt, subscriptionId, objectId and property. An
 * event that cannot be read is returned in `skipped`; only a body that is not an array of events
 * is `malformed`.
 * A stale v3 timestamp is a replay; any other signature failure is a forgery.
 */
export function verifyHubSpotDelivery(
  request: IntakeLikeRequest,
  options: {
    readonly clientSecret: string | Redacted.Redacted<string>
    /**
     * The URL HubSpot signed: the target URL of the app's webhook settings. Required, because a
     * server never sees it whole (a listener knows its path, not the public scheme and host).
     */
    readonly webhookUrl: string
    /** Signature versions accepted (default v3 only: v1 and v2 have no timestamp to refuse a replay by). */
    readonly versions?: ReadonlyArray<SignatureVersion>
    readonly appId?: number
    readonly fieldNameOf?: (object: HostObject, property: string) => string | undefined
  },
): HubSpotDeliveryVerdict {
  const check = verifyHubSpotSignature(
    {
      method: request.method,
      uri: options.webhookUrl,
      rawBody: request.body,
      headers: request.headers,
    },
    {
      clientSecret: options.clientSecret,
      now: request.receivedAt,
      ...(options.versions === undefined ? {} : { versions: options.versions }),
    },
  )
  if (!check.valid) {
    return {
      ok: false,
      reason: check.rejection === "stale-timestamp" ? "replayed" : "forged",
      detail:
        check.rejection === "bad-signature"
          ? `${check.detail} for ${options.webhookUrl}; it must be the target URL of the app's webhook settings, exactly`
          : check.detail,
    }
  }
  const parsed = parseWebhookEvents(request.body)
  if (!parsed.ok) return { ok: false, reason: "malformed", detail: parsed.detail }
  const events: Array<{ id: string; type: "host.change"; payload: WebhookChange }> = []
  let echoes = 0
  for (const event of parsed.events) {
    const change = toWebhookChange(event, options)
    if (!change) continue
    if (change.origin === "tixi") echoes += 1
    else events.push({ id: change.changeId, type: "host.change", payload: change })
  }
  return { ok: true, events, echoes, skipped: parsed.skipped }
}
