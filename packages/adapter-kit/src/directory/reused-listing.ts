import type { PortFailure } from "@tixi/core"
import { Clock, Effect } from "effect"

/**
 * A listing read once and reused for `seconds` (read again after that, or after a failure), so
 * resolving every command's actor does not page through the host's directory each time.
 */
export function reusedListing<A>(
  seconds: number,
  read: Effect.Effect<A, PortFailure>,
): Effect.Effect<A, PortFailure> {
  let kept: { readonly at: number; readonly value: A } | undefined
  return Effect.gen(function* () {
    const now = yield* Clock.currentTimeMillis
    if (kept !== undefined && now - kept.at < seconds * 1000) return kept.value
    const value = yield* read
    kept = { at: now, value }
    return value
  })
}
