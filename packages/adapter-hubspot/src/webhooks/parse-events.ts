import type { HubSpotAssociationEvent, HubSpotWebhookEvent } from "../vendor/schemas.ts"

/** HubSpot sends at most 100 events in one delivery. */
export const maxEventsPerDelivery = 100

/**
 * An event of a delivery that could not be read. It is kept aside, not allowed to fail the
 * delivery: HubSpot retries a refused delivery ten times and then drops every event in it.
 */
export interface SkippedEvent {
  /** Its place in the delivered array. */
  readonly index: number
  /** What is missing or wrong. */
  readonly detail: string
  /** The event as it came, for whoever looks into it. */
  readonly raw: unknown
}

/** The events of a delivery and those set aside, or why the body is not a delivery at all. */
export type ParsedEvents =
  | {
      readonly ok: true
      readonly events: ReadonlyArray<HubSpotWebhookEvent>
      readonly skipped: ReadonlyArray<SkippedEvent>
    }
  | { readonly ok: false; readonly detail: string }

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value)

/**
 * HubSpot's record ids are non-negative integers; one past 2⁵³ has already lost digits in JSON and
 * would print as `1e+21`, which names no record, so it is refused with the event, not read.
 */
const isObjectId = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0

/** Whether an event reports an association (and so names two records, not one `objectId`). */
export const isAssociationEvent = (event: HubSpotWebhookEvent): event is HubSpotAssociationEvent =>
  event.subscriptionType.endsWith(".associationChange")

/** The fields an event lacks to be read as one of HubSpot's event kinds; empty when it reads. */
function missingFields(candidate: Readonly<Record<string, unknown>>): ReadonlyArray<string> {
  const missing: Array<string> = []
  for (const field of ["eventId", "subscriptionId", "occurredAt"] as const) {
    if (!isNumber(candidate[field])) missing.push(field)
  }
  const type = candidate.subscriptionType
  if (typeof type !== "string" || type === "") return [...missing, "subscriptionType"]
  if (type.endsWith(".associationChange")) {
    for (const field of ["fromObjectId", "toObjectId"] as const) {
      if (!isObjectId(candidate[field])) missing.push(field)
    }
    if (typeof candidate.associationType !== "string") missing.push("associationType")
    if (typeof candidate.associationRemoved !== "boolean") missing.push("associationRemoved")
  } else if (!isObjectId(candidate.objectId)) {
    missing.push("objectId")
  }
  return missing
}

const numberFields = [
  "eventId",
  "subscriptionId",
  "portalId",
  "appId",
  "occurredAt",
  "attemptNumber",
  "objectId",
  "primaryObjectId",
  "newObjectId",
  "numberOfPropertiesMoved",
  "fromObjectId",
  "toObjectId",
] as const
const stringFields = [
  "subscriptionType",
  "propertyName",
  "propertyValue",
  "changeSource",
  "sourceId",
  "changeFlag",
  "associationType",
] as const
const booleanFields = ["associationRemoved", "isPrimaryAssociation"] as const

/**
 * The event with HubSpot's fields only, each of its documented type: whatever else a delivery
 * carries (a field of another type, an extra nested value) is not taken into tixi's records.
 */
function knownFields(candidate: Readonly<Record<string, unknown>>): HubSpotWebhookEvent {
  const event: Record<string, unknown> = {}
  for (const field of numberFields) if (isNumber(candidate[field])) event[field] = candidate[field]
  for (const field of stringFields) if (typeof candidate[field] === "string") event[field] = candidate[field]
  for (const field of booleanFields)
    if (typeof candidate[field] === "boolean") event[field] = candidate[field]
  const merged = candidate.mergedObjectIds
  if (Array.isArray(merged) && merged.every(isNumber)) event.mergedObjectIds = [...merged]
  return event as unknown as HubSpotWebhookEvent
}

/**
 * Parses a verified body: a JSON array of at most 100 events. A body that is not such an array
 * is refused whole; an event in it that cannot be read (an unknown shape, a missing id) is set
 * aside in `skipped` with what it lacks, and the others are taken with HubSpot's fields only.
 */
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
  const events: Array<HubSpotWebhookEvent> = []
  const skipped: Array<SkippedEvent> = []
  for (const [index, raw] of parsed.entries()) {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      skipped.push({ index, detail: `event ${index} is not an object`, raw })
      continue
    }
    const missing = missingFields(raw as Record<string, unknown>)
    if (missing.length > 0) {
      skipped.push({ index, detail: `event ${index} lacks ${missing.join(", ")}`, raw })
      continue
    }
    events.push(knownFields(raw as Record<string, unknown>))
  }
  return { ok: true, events, skipped }
}

/**
 * The key an event is deduplicated by: HubSpot's eventId alone is "not guaranteed to be unique".
 * An association event names both records and the association instead of one object id.
 */
export const eventKey = (event: HubSpotWebhookEvent) =>
  isAssociationEvent(event)
    ? `${event.eventId}:${event.occurredAt}:${event.subscriptionId}:${event.fromObjectId}:${event.associationType}>${event.toObjectId}${event.associationRemoved ? ":removed" : ""}`
    : `${event.eventId}:${event.occurredAt}:${event.subscriptionId}:${event.objectId}:${event.propertyName ?? ""}`
