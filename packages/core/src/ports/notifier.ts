import { Context, type Effect } from "effect"
import type { PortFailure } from "../errors/port-failure.ts"
import type { PersonId } from "../ids/ids.ts"
import type { Label } from "../labels/label.ts"
import type { Instant } from "../time/instant.ts"

/** How loudly to notify: `urgent` for breached deadlines and escalations. */
export type NotificationSeverity = "info" | "warning" | "urgent"

/** A message to members of staff (a DingTalk work notice, a WeCom app message, a CRM task). */
export interface NotificationDraft {
  /** Idempotency key: the same key is delivered once. */
  readonly key: string
  readonly recipients: ReadonlyArray<PersonId>
  readonly severity: NotificationSeverity
  /** Rendered in each recipient's locale. */
  readonly title: Label
  readonly body: Label
  /** The case the message is about, for a link back to it. */
  readonly caseKey?: string
}

/** A notification as delivered. */
export interface DeliveredNotification {
  readonly key: string
  readonly recipients: ReadonlyArray<PersonId>
  readonly deliveredAt: Instant
}

/** Notifies staff (DESIGN rule 3). */
export interface NotifierService {
  readonly host: string
  notify(draft: NotificationDraft): Effect.Effect<DeliveredNotification, PortFailure>
}

/** The notifier port. */
export class Notifier extends Context.Service<Notifier, NotifierService>()("@tixi/core/ports/Notifier") {}
