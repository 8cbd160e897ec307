import { type HostChange, type HostObject, hostRecordId } from "@tixi/core"
import { Clock, Effect, type Redacted } from "effect"
import { customerRecordId } from "../host-crm/record-ids.ts"
import type { HubSpotWebhookEvent } from "../vendor/schemas.ts"
import { eventKey, isAssociationEvent, parseWebhookEvents, type SkippedEvent } from "./parse-events.ts"
import type { SeenEvents } from "./seen-events.ts"
import {
  type SignatureRejection,
  type SignatureVersion,
  type SignedRequest,
  verifyHubSpotSignature,
} from "./verify-signature.ts"

/** A change HubSpot reported by webhook, in the HostCrm port's vocabulary, with its event. */
export interface WebhookChange extends HostChange {
  readonly event: HubSpotWebhookEvent
}

/** What handling one delivery gave: the status to answer HubSpot with and what it carried. */
export type WebhookOutcome =
  | {
      readonly status: 200
      /** Changes made by staff (or anyone but tixi), each seen once. */
      readonly changes: ReadonlyArray<WebhookChange>
      /** Events already handled (HubSpot retries and duplicates). */
      readonly duplicates: number
      /** Events about tixi's own writes, dropped so they never come back as commands. */
      readonly echoes: number
      /** Events of object types or kinds tixi does not follow. */
      readonly ignored: number
      /**
       * Events that could not be read, set aside so the rest of the delivery is taken (a refused
       * delivery is retried ten times, then every event in it is dropped). Log or keep them.
       */
      readonly skipped: ReadonlyArray<SkippedEvent>
    }
  | { readonly status: 401; readonly rejection: SignatureRejection; readonly detail: string }
  | { readonly status: 400; readonly rejection: "malformed-body"; readonly detail: string }
  | { readonly status: 503; readonly rejection: "not-stored"; readonly detail: string }

/** How the handler is set up. */
export interface WebhookHandlerOptions {
  readonly clientSecret: string | Redacted.Redacted<string>
  /** The exact URL HubSpot posts to; v2 and v3 sign it. Defaults to the request's own URI. */
  readonly webhookUrl?: string
  readonly seen: SeenEvents
  /** tixi's app id; by default the app the delivery is for (`appId` of each event). */
  readonly appId?: number
  /** Signature versions accepted (default v3 only: v1 and v2 have no timestamp, so they can be replayed). */
  readonly versions?: ReadonlyArray<SignatureVersion>
  /**
   * Stores the changes durably before HubSpot is answered. When it fails, the events are
   * forgotten and HubSpot is answered 503, so its retry brings them again: nothing is lost.
   */
  readonly deliver?: (changes: ReadonlyArray<WebhookChange>) => Effect.Effect<void, unknown>
  /** The tixi field name of a property, for `changedFields`. */
  readonly fieldNameOf?: (object: HostObject, property: string) => string | undefined
}

const objects: Record<string, { readonly object: HostObject; readonly type?: "companies" | "contacts" }> = {
  ticket: { object: "case" },
  company: { object: "customer", type: "companies" },
  contact: { object: "customer", type: "contacts" },
}

const coreNames: Record<string, string> = {
  subject: "subject",
  content: "description",
  hs_pipeline_stage: "stage",
  hs_pipeline: "stage",
  hs_ticket_priority: "priority",
  name: "name",
  firstname: "name",
  lastname: "name",
}

/** The change an event reports, or undefined when tixi does not follow it. */
export function toWebhookChange(
  event: HubSpotWebhookEvent,
  options: Pick<WebhookHandlerOptions, "appId" | "fieldNameOf">,
): WebhookChange | undefined {
  const [objectName = "", kind] = event.subscriptionType.split(".")
  // Own keys only: a subscription type such as `constructor.creation` names no object tixi follows.
  const target = Object.hasOwn(objects, objectName) ? objects[objectName] : undefined
  if (!target) return undefined
  const changeType =
    kind === "creation" || kind === "restore"
      ? "created"
      : kind === "deletion"
        ? "deleted"
        : kind === "propertyChange" || kind === "associationChange" || kind === "merge"
          ? "updated"
          : undefined
  if (changeType === undefined) return undefined
  const property = isAssociationEvent(event) ? undefined : event.propertyName
  const changedFields =
    kind === "propertyChange" && property
      ? [
          (Object.hasOwn(coreNames, property) ? coreNames[property] : undefined) ??
            options.fieldNameOf?.(target.object, property) ??
            property,
        ]
      : kind === "associationChange"
        ? ["associations"]
        : kind === "merge"
          ? ["merged"]
          : []
  const appId = String(options.appId ?? event.appId)
  const byTixi = event.changeSource === "INTEGRATION" && event.sourceId === appId
  // An association event is about the subscribed object's record, the "from" side.
  const objectId = String(isAssociationEvent(event) ? event.fromObjectId : event.objectId)
  return {
    changeId: eventKey(event),
    object: target.object,
    recordId: target.type ? customerRecordId(target.type, objectId) : hostRecordId(objectId),
    externalKey: undefined,
    changeType,
    changedFields,
    occurredAt: event.occurredAt,
    origin: byTixi ? "tixi" : "host",
    event,
  }
}

/**
 * Handles one webhook delivery: verifies the signature on the raw body and exact URI first (401
 * otherwise, before any parsing), parses at most 100 events (400 when the body is not such an
 * array; an event that cannot be read is set aside in `skipped`, not the delivery), drops events already
 * handled and events about tixi's own writes (`changeSource` INTEGRATION from tixi's app), and
 * returns the rest as host changes. Answer HubSpot with `status` at once, within its 5-second
 * timeout; a non-2xx answer makes HubSpot retry the whole delivery.
 */
export const handleHubSpotWebhook = (request: SignedRequest, options: WebhookHandlerOptions) =>
  Effect.gen(function* () {
    const now = yield* Clock.currentTimeMillis
    const check = verifyHubSpotSignature(
      { ...request, uri: options.webhookUrl ?? request.uri },
      {
        clientSecret: options.clientSecret,
        now,
        ...(options.versions ? { versions: options.versions } : {}),
      },
    )
    if (!check.valid)
      return { status: 401, rejection: check.rejection, detail: check.detail } satisfies WebhookOutcome
    const parsed = parseWebhookEvents(request.rawBody)
    if (!parsed.ok)
      return { status: 400, rejection: "malformed-body", detail: parsed.detail } satisfies WebhookOutcome
    const changes: Array<WebhookChange> = []
    const marked: Array<string> = []
    let duplicates = 0
    let echoes = 0
    let ignored = 0
    for (const event of parsed.events) {
      if (!(yield* options.seen.firstSeen(eventKey(event)))) {
        duplicates += 1
        continue
      }
      marked.push(eventKey(event))
      const change = toWebhookChange(event, options)
      if (!change) ignored += 1
      else if (change.origin === "tixi") echoes += 1
      else changes.push(change)
    }
    changes.sort((a, b) => a.occurredAt - b.occurredAt)
    if (options.deliver && changes.length > 0) {
      const stored = yield* Effect.result(options.deliver(changes))
      if (stored._tag === "Failure") {
        yield* Effect.forEach(marked, (key) => options.seen.forget(key), { discard: true })
        return {
          status: 503,
          rejection: "not-stored",
          detail: String(stored.failure),
        } satisfies WebhookOutcome
      }
    }
    return {
      status: 200,
      changes,
      duplicates,
      echoes,
      ignored,
      skipped: parsed.skipped,
    } satisfies WebhookOutcome
  })
