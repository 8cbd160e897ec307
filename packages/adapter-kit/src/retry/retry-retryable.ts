import type { PortFailure } from "@tixi/core"
import { Effect, Random } from "effect"

/** How to retry failures that may succeed later. */
export interface RetryOptions {
  /** Attempts in all, the first included (default 5). */
  readonly maxAttempts?: number
  /** The first backoff (default 500 ms); doubles each attempt. */
  readonly baseDelayMillis?: number
  /** The longest backoff (default 30 s). */
  readonly maxDelayMillis?: number
  /** Called before each wait, e.g. to count retries. */
  readonly onRetry?: (failure: PortFailure, attempt: number, delayMillis: number) => Effect.Effect<void>
}

/**
 * Retries `effect` while it fails with a retryable `PortFailure` (rate limits that pass, hosts
 * that are down): exponential backoff with full jitter, never sooner than the host's Retry-After.
 * Non-retryable failures and the last attempt's failure pass through unchanged.
 */
export const retryRetryable = <A, R>(
  effect: Effect.Effect<A, PortFailure, R>,
  options: RetryOptions = {},
): Effect.Effect<A, PortFailure, R> => {
  const maxAttempts = options.maxAttempts ?? 5
  const base = options.baseDelayMillis ?? 500
  const cap = options.maxDelayMillis ?? 30_000
  const attempt = (number: number): Effect.Effect<A, PortFailure, R> =>
    Effect.catch(effect, (failure: PortFailure) => {
      if (!failure.isRetryable || number >= maxAttempts) return Effect.fail(failure)
      return Effect.gen(function* () {
        const ceiling = Math.min(cap, base * 2 ** (number - 1))
        const jittered = Math.floor((yield* Random.next) * ceiling)
        const hinted = failure.reason._tag === "RateLimited" ? (failure.reason.retryAfterMillis ?? 0) : 0
        const delay = Math.max(jittered, hinted)
        if (options.onRetry) yield* options.onRetry(failure, number, delay)
        yield* Effect.sleep(delay)
        return yield* attempt(number + 1)
      })
    })
  return attempt(1)
}
