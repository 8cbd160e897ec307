import { createHash } from "node:crypto"
import { IntakeRejected, type IntakeSource, type VerifiedEvent } from "@tixi/adapter-kit"
import { type HostObject, invalid } from "@tixi/core"
import { Effect, type Redacted } from "effect"
import { verifyHubSpotDelivery } from "./intake-delivery.ts"
import type { SkippedEvent } from "./parse-events.ts"
import type { SignatureVersion } from "./verify-signature.ts"

/** Settings of the HubSpot webhook endpoint. */
export type HubSpotIntakeSourceOptions = HubSpotIntakeSourceSettings &
  (
    | {
        /**
         * The target URL exactly as configured in the app's webhook settings (scheme, host, path
         * and query). HubSpot signs it, and the intake, behind its listener, cannot see it.
         */
        readonly webhookUrl: string
        readonly publicBaseUrl?: undefined
      }
    | {
        readonly webhookUrl?: undefined
        /**
         * Where the intake is reached from the internet (`https://tixi.example.com`, or with a
         * path prefix a proxy strips): the signed URL is this followed by the path and query the
         * intake received. For when the target URL is the intake's own path under a public origin.
         */
        readonly publicBaseUrl: string
      }
  )

/** The settings every HubSpot endpoint has, whichever way its public URL is given. */
export interface HubSpotIntakeSourceSettings {
  /** The app's client secret, which signs every delivery. */
  readonly clientSecret: string | Redacted.Redacted<string>
  /** Deliveries from other apps are left out when given. */
  readonly appId?: number
  /** Where the intake serves it. Default `/hooks/hubspot`. */
  readonly path?: string
  /**
   * Signature versions accepted (default v3 only). v1 and v2 carry no timestamp, so a captured
   * delivery signed that way can be replayed; list them only for an app still signing so.
   */
  readonly versions?: ReadonlyArray<SignatureVersion>
  /** The tixi field a changed HubSpot property holds, so changes name tixi's fields. */
  readonly fieldNameOf?: (object: HostObject, property: string) => string | undefined
}

const subject = "hubspot.intakeSource"

/**
 * The event type an unreadable HubSpot event is stored under (its payload is a `SkippedEvent`):
 * kept in the intake's record for whoever looks into it, routed to no process, and never the
 * reason a delivery, with the good events in it, is refused.
 */
export const hubSpotUnparsedEventType = "hubspot.unparsed"

/** How much of an unreadable event is kept, as JSON text: enough to look into, never a body's worth. */
export const keptUnparsedCharacters = 4_000

/** JSON text of at most `keptUnparsedCharacters`; a value nested too deeply to write is named, not thrown. */
const boundedJson = (value: unknown): string => {
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    return "(not kept: nested too deeply to write as JSON)"
  }
  return text.length > keptUnparsedCharacters ? `${text.slice(0, keptUnparsedCharacters)}…` : text
}

/**
 * An unreadable event as an intake event: its payload is the `SkippedEvent` with `raw` as bounded
 * JSON text, keyed by its content without `attemptNumber`, so the same event delivered again is
 * stored once.
 */
const unparsedEvent = (skipped: SkippedEvent): VerifiedEvent => {
  const { attemptNumber: _, ...content } =
    typeof skipped.raw === "object" && skipped.raw !== null && !Array.isArray(skipped.raw)
      ? (skipped.raw as Record<string, unknown>)
      : { value: skipped.raw }
  const digest = createHash("sha256").update(boundedJson(content)).digest("hex")
  const payload: SkippedEvent = {
    index: skipped.index,
    detail: skipped.detail,
    raw: boundedJson(skipped.raw),
  }
  return { id: `unparsed:${digest}`, type: hubSpotUnparsedEventType, payload }
}

/** Checks a configured URL and returns it as written: HubSpot signs the text, not a normalised form. */
const absoluteHttpUrl = (field: "webhookUrl" | "publicBaseUrl", text: string): string => {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw invalid(subject, [field], `${JSON.stringify(text)} is not an absolute URL`)
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw invalid(subject, [field], `${JSON.stringify(text)} is not an http or https URL`)
  }
  return text
}

/**
 * The URL HubSpot signed for a request the intake received: the configured target URL, or the
 * public base URL followed by the received path and query. Fails at set-up, naming the setting,
 * when neither is given: without it every genuine v3 delivery would be refused as forged.
 */
const signedUrlOf = (options: HubSpotIntakeSourceOptions): ((received: URL) => string) => {
  if (typeof options.webhookUrl === "string") {
    const target = absoluteHttpUrl("webhookUrl", options.webhookUrl)
    return () => target
  }
  if (typeof options.publicBaseUrl === "string") {
    const base = absoluteHttpUrl("publicBaseUrl", options.publicBaseUrl).replace(/\/+$/, "")
    return (received) => `${base}${received.pathname}${received.search}`
  }
  throw invalid(
    subject,
    ["webhookUrl"],
    "required: HubSpot signs the exact URL it calls, which the intake cannot see behind its listener; set webhookUrl to the target URL of the app's webhook settings, or publicBaseUrl to the public origin the intake is reached at",
    "required",
  )
}

/**
 * HubSpot's webhooks as an intake source (for `@tixi/runtime`'s `intake.sources`): the v3
 * signature is checked on the raw body and the URL HubSpot called, a stale timestamp is refused
 * as a replay, a batch of up to 100 events becomes `host.change` events keyed by HubSpot's event,
 * and reports of tixi's own writes are left out so they never come back as commands. An event
 * that cannot be read is stored as `hubspot.unparsed` (and logged) instead of refusing the
 * delivery, whose other events HubSpot would otherwise drop after its retries. HubSpot
 * waits 5 seconds for the answer; the intake stores the events before it answers. Throws a
 * `ValidationError` at set-up when the public URL is missing or not an http(s) URL.
 */
export function hubSpotIntakeSource(options: HubSpotIntakeSourceOptions): IntakeSource {
  const signedUrl = signedUrlOf(options)
  return {
    name: "hubspot",
    path: options.path ?? "/hooks/hubspot",
    acknowledgeWithinMillis: 5_000,
    verify: (request) =>
      Effect.suspend(() => {
        const verdict = verifyHubSpotDelivery(request, {
          clientSecret: options.clientSecret,
          webhookUrl: signedUrl(request.url),
          ...(options.versions === undefined ? {} : { versions: options.versions }),
          ...(options.appId === undefined ? {} : { appId: options.appId }),
          ...(options.fieldNameOf === undefined ? {} : { fieldNameOf: options.fieldNameOf }),
        })
        if (!verdict.ok)
          return Effect.fail(new IntakeRejected({ reason: verdict.reason, detail: verdict.detail }))
        const events = [...verdict.events, ...verdict.skipped.map(unparsedEvent)]
        return verdict.skipped.length === 0
          ? Effect.succeed({ events })
          : Effect.as(
              Effect.logWarning(
                `tixi intake: hubspot: ${verdict.skipped.length} unreadable event(s) kept as ${hubSpotUnparsedEventType}: ${verdict.skipped.map((skipped) => skipped.detail).join("; ")}`,
              ),
              { events },
            )
      }),
  }
}
