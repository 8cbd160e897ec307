import { IntakeRejected, type IntakeSource } from "@tixi/adapter-kit"
import type { HostObject } from "@tixi/core"
import { Effect, type Redacted } from "effect"
import { verifyHubSpotDelivery } from "./intake-delivery.ts"

/** Settings of the HubSpot webhook endpoint. */
export interface HubSpotIntakeSourceOptions {
  /** The app's client secret, which signs every delivery. */
  readonly clientSecret: string | Redacted.Redacted<string>
  /**
   * The target URL exactly as configured in the app's webhook settings. Signatures cover it, so a
   * server behind a proxy (which sees another host or scheme) must name it.
   */
  readonly webhookUrl?: string
  /** Deliveries from other apps are left out when given. */
  readonly appId?: number
  /** Where the intake serves it. Default `/hooks/hubspot`. */
  readonly path?: string
  /** The tixi field a changed HubSpot property holds, so changes name tixi's fields. */
  readonly fieldNameOf?: (object: HostObject, property: string) => string | undefined
}

/**
 * HubSpot's webhooks as an intake source (for `@tixi/runtime`'s `intake.sources`): the signature
 * (v3, v2 or v1) is checked on the raw body and the exact URL, a stale v3 timestamp is refused as
 * a replay, a batch of up to 100 events becomes `host.change` events keyed by HubSpot's event, and
 * reports of tixi's own writes are left out so they never come back as commands. HubSpot waits
 * 5 seconds for the answer; the intake stores the events before it answers.
 */
export function hubSpotIntakeSource(options: HubSpotIntakeSourceOptions): IntakeSource {
  return {
    name: "hubspot",
    path: options.path ?? "/hooks/hubspot",
    acknowledgeWithinMillis: 5_000,
    verify: (request) =>
      Effect.suspend(() => {
        const verdict = verifyHubSpotDelivery(request, {
          clientSecret: options.clientSecret,
          ...(options.webhookUrl === undefined ? {} : { webhookUrl: options.webhookUrl }),
          ...(options.appId === undefined ? {} : { appId: options.appId }),
          ...(options.fieldNameOf === undefined ? {} : { fieldNameOf: options.fieldNameOf }),
        })
        return verdict.ok
          ? Effect.succeed({ events: verdict.events })
          : Effect.fail(new IntakeRejected({ reason: verdict.reason, detail: verdict.detail }))
      }),
  }
}
