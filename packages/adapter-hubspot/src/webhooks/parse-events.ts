import type { HubSpotWebhookEvent } from "../vendor/schemas.ts"

/** HubSpot sends at most 100 events in one delivery. */
export const maxEventsPerDelivery = 100

/** The events of a delivery, or why the body is not one. */
export type ParsedEvents =
  | { readonly ok: true; readonly events: ReadonlyArray<HubSpotWebhookEvent> }
  | { readonly ok: false; readonly detail: string }

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value)

/** Parses a verified body: a JSON array of at most 100 events with their required fields. */
export function parseWebhookEvents(rawBody: string | Uint8Array): ParsedEvents {
  const text = typeof rawBody === "string" ? rawBody : Buffer.from(rawBody).toString("utf8")
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { ok: false, detail: "the body is not JSON" }
  }
  if (!Array.isArray(parsed)) return { ok: false, detail: "the body is not an array of events" }
  if (parsed.length > maxEventsPerDelivery) {
    return {
      ok: false,
      detail: `${parsed.length} events in one delivery; HubSpot sends at most ${maxEventsPerDelivery}`,
    }
  }
  for (const [index, event] of parsed.entries()) {
    const candidate = event as Partial<HubSpotWebhookEvent> | null
    if (
      typeof candidate !== "object" ||
      candidate === null ||
      !isNumber(candidate.eventId) ||
      !isNumber(candidate.objectId) ||
      !isNumber(candidate.occurredAt) ||
      !isNumber(candidate.subscriptionId) ||
      typeof candidate.subscriptionType !== "string"
    ) {
      return {
        ok: false,
        detail: `event ${index} lacks eventId, subscriptionId, objectId, occurredAt or subscriptionType`,
      }
    }
  }
  return { ok: true, events: parsed as ReadonlyArray<HubSpotWebhookEvent> }
}

/** The key an event is deduplicated by: HubSpot's eventId alone is "not guaranteed to be unique". */
export const eventKey = (event: HubSpotWebhookEvent) =>
  `${event.eventId}:${event.occurredAt}:${event.subscriptionId}:${event.objectId}:${event.propertyName ?? ""}`
