import { createHash, createHmac } from "node:crypto"
import type { FakeApp } from "./model.ts"
import { singularNames } from "./model.ts"
import type { StoreEvent } from "./store.ts"

/**
 * Webhook deliveries as HubSpot makes them (webhooks guide): JSON arrays of up to 100 events,
 * signed v1, v2 or v3, a 5-second timeout, retries on any failure up to 10 times over about a
 * day, and duplicate deliveries of the same `eventId`.
 * https://developers.hubspot.com/docs/api-reference/webhooks-webhooks-v3/guide
 */

/** One subscription: `ticket.creation`, or `ticket.propertyChange` for one property. */
export interface WebhookSubscription {
  readonly subscriptionType: string
  readonly propertyName?: string
}

/** The app's webhook settings. */
export interface WebhookSettings {
  readonly app: FakeApp
  readonly targetUrl: string
  readonly signatureVersion: "v1" | "v2" | "v3"
  readonly subscriptions: ReadonlyArray<WebhookSubscription>
  /** Sends a delivery; the default is the global `fetch` (msw or a local server answers it). */
  readonly deliver?: (request: Request) => Promise<Response>
}

/**
 * One event as the payload array carries it. An association change names its two records
 * (`fromObjectId`, `toObjectId`) and has no `objectId`; every other event has `objectId`.
 */
export interface WebhookEvent {
  readonly eventId: number
  readonly subscriptionId: number
  readonly portalId: number
  readonly appId: number
  readonly occurredAt: number
  readonly subscriptionType: string
  readonly attemptNumber: number
  readonly objectId?: number
  readonly propertyName?: string
  readonly propertyValue?: string
  readonly changeSource: string
  readonly sourceId: string
  readonly changeFlag?: string
  readonly associationType?: string
  readonly fromObjectId?: number
  readonly toObjectId?: number
  readonly associationRemoved?: boolean
}

/** One delivery attempt, for tests to inspect. */
export interface DeliveryRecord {
  readonly body: string
  readonly headers: Readonly<Record<string, string>>
  readonly status: number | "timeout" | "error"
  readonly eventCount: number
}

/** HubSpot's retry spacing: about a day in all over 10 retries, randomised. */
const retryDelaysMillis = [
  60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000,
]

/** Retries after the first attempt. */
export const maxWebhookRetries = 10

/** Signs a delivery's body as HubSpot does for the given version. */
export function signWebhook(
  version: "v1" | "v2" | "v3",
  secret: string,
  method: string,
  uri: string,
  body: string,
  timestamp: number,
): Record<string, string> {
  if (version === "v3") {
    const signature = createHmac("sha256", secret)
      .update(`${method}${uri}${body}${timestamp}`, "utf8")
      .digest("base64")
    return { "X-HubSpot-Signature-v3": signature, "X-HubSpot-Request-Timestamp": String(timestamp) }
  }
  const source = version === "v1" ? `${secret}${body}` : `${secret}${method}${uri}${body}`
  return {
    "X-HubSpot-Signature": createHash("sha256").update(source, "utf8").digest("hex"),
    "X-HubSpot-Signature-Version": version,
  }
}

interface Pending {
  readonly event: Omit<WebhookEvent, "attemptNumber">
  attempt: number
  dueAt: number
}

/** The webhook dispatcher of one fake portal. */
export class FakeWebhooks {
  private settings: WebhookSettings | undefined
  private pending: Array<Pending> = []
  private nextEventId = 100_001
  private duplicates = 0
  private readonly subscriptionIds = new Map<string, number>()
  /** Every attempt made, in order. */
  readonly deliveries: Array<DeliveryRecord> = []
  /** Events given up on after the last retry. */
  readonly abandoned: Array<WebhookEvent> = []

  private readonly portalId: number
  private readonly now: () => number

  constructor(portalId: number, now: () => number) {
    this.portalId = portalId
    this.now = now
  }

  /** Sets the app's target URL, signature version and subscriptions (replacing the earlier ones). */
  configure(settings: WebhookSettings) {
    this.settings = settings
    this.subscriptionIds.clear()
    for (const [index, subscription] of settings.subscriptions.entries()) {
      this.subscriptionIds.set(
        `${subscription.subscriptionType}:${subscription.propertyName ?? ""}`,
        4_000_000 + index,
      )
    }
  }

  /** The next `count` deliveries are each sent twice, as HubSpot sometimes does. */
  duplicateNext(count = 1) {
    this.duplicates += count
  }

  /** Events waiting for delivery or retry. */
  get queued(): number {
    return this.pending.length
  }

  /** Queues the events a record change produces for the subscriptions that match it. */
  record(event: StoreEvent) {
    const settings = this.settings
    if (!settings) return
    const singular = singularNames[event.objectType]
    const subscriptionType = `${singular}.${event.kind}`
    const subscriptionId =
      this.subscriptionIds.get(`${subscriptionType}:${event.propertyName ?? ""}`) ??
      (event.kind === "propertyChange" ? undefined : this.subscriptionIds.get(`${subscriptionType}:`))
    if (subscriptionId === undefined) return
    const source =
      event.source.sourceType === "INTEGRATION"
        ? { changeSource: "INTEGRATION", sourceId: String(event.source.appId) }
        : { changeSource: "CRM_UI", sourceId: event.source.sourceId }
    this.pending.push({
      event: {
        eventId: this.nextEventId++,
        subscriptionId,
        portalId: this.portalId,
        appId: settings.app.appId,
        occurredAt: event.occurredAt,
        subscriptionType,
        ...(event.association ? {} : { objectId: Number(event.objectId) }),
        ...source,
        ...(event.kind === "creation" ? { changeFlag: "CREATED" } : {}),
        ...(event.kind === "deletion" ? { changeFlag: "DELETED" } : {}),
        ...(event.propertyName === undefined
          ? {}
          : { propertyName: event.propertyName, propertyValue: event.propertyValue ?? "" }),
        ...(event.association
          ? {
              associationType: `${singular.toUpperCase()}_TO_${singularNames[event.association.toObjectType].toUpperCase()}`,
              fromObjectId: Number(event.objectId),
              toObjectId: Number(event.association.toObjectId),
              associationRemoved: event.association.removed,
            }
          : {}),
      },
      attempt: 0,
      dueAt: event.occurredAt,
    })
  }

  /**
   * Delivers every event that is due now, in batches of at most 100; failed batches are queued
   * for retry with HubSpot's spacing until 10 retries are spent. Returns what happened.
   */
  async flush(): Promise<{ readonly delivered: number; readonly failed: number }> {
    const settings = this.settings
    if (!settings) return { delivered: 0, failed: 0 }
    const now = this.now()
    const due = this.pending.filter((entry) => entry.dueAt <= now)
    this.pending = this.pending.filter((entry) => entry.dueAt > now)
    let delivered = 0
    let failed = 0
    for (let start = 0; start < due.length; start += 100) {
      const batch = due.slice(start, start + 100)
      const copies = this.duplicates > 0 ? 2 : 1
      if (this.duplicates > 0) this.duplicates -= 1
      let succeeded = false
      for (let copy = 0; copy < copies; copy++) {
        const ok = await this.send(settings, batch)
        succeeded = succeeded || ok
      }
      if (succeeded) {
        delivered += batch.length
        continue
      }
      failed += batch.length
      for (const entry of batch) {
        if (entry.attempt >= maxWebhookRetries) {
          this.abandoned.push({ ...entry.event, attemptNumber: entry.attempt })
          continue
        }
        const base = retryDelaysMillis[entry.attempt] ?? retryDelaysMillis.at(-1)!
        entry.attempt += 1
        entry.dueAt = now + Math.round(base * (0.75 + Math.random() * 0.5))
        this.pending.push(entry)
      }
    }
    return { delivered, failed }
  }

  private async send(settings: WebhookSettings, batch: ReadonlyArray<Pending>): Promise<boolean> {
    const body = JSON.stringify(batch.map((entry) => ({ ...entry.event, attemptNumber: entry.attempt })))
    const timestamp = this.now()
    const headers = {
      "Content-Type": "application/json",
      ...signWebhook(
        settings.signatureVersion,
        settings.app.clientSecret,
        "POST",
        settings.targetUrl,
        body,
        timestamp,
      ),
    }
    const request = new Request(settings.targetUrl, {
      method: "POST",
      headers,
      body,
      signal: AbortSignal.timeout(5_000),
    })
    try {
      const response = await (settings.deliver ?? fetch)(request)
      this.deliveries.push({ body, headers, status: response.status, eventCount: batch.length })
      return response.status >= 200 && response.status < 300
    } catch (cause) {
      const timedOut = cause instanceof Error && cause.name === "TimeoutError"
      this.deliveries.push({
        body,
        headers,
        status: timedOut ? "timeout" : "error",
        eventCount: batch.length,
      })
      return false
    }
  }
}
