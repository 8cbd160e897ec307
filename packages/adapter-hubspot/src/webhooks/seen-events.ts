import { Clock, Effect } from "effect"

/**
 * Remembers which webhook events were already handled. HubSpot retries a delivery up to 10 times
 * over about a day and may deliver an event twice, so keys are kept for 25 hours by default. The
 * runtime supplies a durable store; this one lives in memory.
 */
export interface SeenEvents {
  /** True the first time a key is offered (and records it), false on every repeat. */
  readonly firstSeen: (key: string) => Effect.Effect<boolean>
  /** Forgets a key, when the events it marked could not be stored and HubSpot must retry them. */
  readonly forget: (key: string) => Effect.Effect<void>
}

/** An in-memory `SeenEvents` that forgets keys after `retentionMillis`. */
export function makeInMemorySeenEvents(retentionMillis = 25 * 3_600_000): SeenEvents {
  const seen = new Map<string, number>()
  let lastSweep = 0
  return {
    firstSeen: (key) =>
      Effect.map(Clock.currentTimeMillis, (now) => {
        if (now - lastSweep > 60_000) {
          for (const [entry, at] of seen) if (now - at > retentionMillis) seen.delete(entry)
          lastSweep = now
        }
        const at = seen.get(key)
        if (at !== undefined && now - at <= retentionMillis) return false
        seen.set(key, now)
        return true
      }),
    forget: (key) =>
      Effect.sync(() => {
        seen.delete(key)
      }),
  }
}
