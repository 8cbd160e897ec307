import { Clock, Context, Effect, Layer } from "effect"
import { InvalidRequest, PortFailure } from "../errors/port-failure.ts"
import {
  type DeliveredNotification,
  type NotificationDraft,
  Notifier,
  type NotifierService,
} from "./notifier.ts"

/** Test controls of the in-memory notifier: what was delivered, once per key. */
export interface InMemoryNotifierControl {
  readonly delivered: () => ReadonlyArray<NotificationDraft & { readonly deliveredAt: number }>
  /** How many times `notify` was called with this key (deliveries stay one). */
  readonly attempts: (key: string) => number
}

/** The in-memory notifier's control handle, provided beside `Notifier`. */
export class InMemoryNotifier extends Context.Service<InMemoryNotifier, InMemoryNotifierControl>()(
  "@tixi/core/ports/InMemoryNotifier",
) {
  /** A fresh in-memory notifier providing `Notifier` and its controls. */
  static readonly layer = () =>
    Layer.effectContext(
      Effect.sync(() => {
        const { service, control } = makeInMemoryNotifier()
        return Context.make(Notifier, service).pipe(Context.add(InMemoryNotifier, control))
      }),
    )
}

/** Builds an in-memory notifier that delivers each key once. */
export function makeInMemoryNotifier(): { service: NotifierService; control: InMemoryNotifierControl } {
  const deliveries = new Map<string, NotificationDraft & { readonly deliveredAt: number }>()
  const attempts = new Map<string, number>()
  const service: NotifierService = {
    host: "memory",
    notify: (draft) =>
      Effect.gen(function* () {
        attempts.set(draft.key, (attempts.get(draft.key) ?? 0) + 1)
        if (draft.recipients.length === 0) {
          return yield* new PortFailure({
            port: "Notifier",
            operation: "notify",
            reason: new InvalidRequest({ fields: [{ field: "recipients", message: "nobody to notify" }] }),
            detail: "recipients: nobody to notify",
          })
        }
        const existing = deliveries.get(draft.key)
        if (existing)
          return { key: draft.key, recipients: existing.recipients, deliveredAt: existing.deliveredAt }
        const deliveredAt = yield* Clock.currentTimeMillis
        deliveries.set(draft.key, { ...draft, deliveredAt })
        return { key: draft.key, recipients: draft.recipients, deliveredAt } satisfies DeliveredNotification
      }),
  }
  return {
    service,
    control: {
      delivered: () => [...deliveries.values()],
      attempts: (key) => attempts.get(key) ?? 0,
    },
  }
}
