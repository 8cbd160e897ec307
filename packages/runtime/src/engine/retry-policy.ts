import {
  type EffectOutcome,
  type EffectPorts,
  type EffectRequest,
  PortFailure,
  performEffect,
} from "@tixi/core"
import { Cause, Effect } from "effect"

/**
 * How a side effect is retried before it is parked as a dead letter: `attempts` tries in all,
 * waiting `initialDelayMillis`, then `factor` times longer each time, never more than
 * `maxDelayMillis` (and never less than a host's own `retryAfterMillis`).
 */
export interface RetryPolicy {
  readonly attempts: number
  readonly initialDelayMillis: number
  readonly maxDelayMillis: number
  readonly factor: number
}

/** Six tries over about six seconds: enough for a rate limit or a short outage, short enough to surface a real one. */
export const defaultRetryPolicy: RetryPolicy = {
  attempts: 6,
  initialDelayMillis: 200,
  maxDelayMillis: 30_000,
  factor: 2,
}

/** What became of one effect request after its retries. */
export type EffectAttempt =
  | { readonly ok: true; readonly outcome: EffectOutcome; readonly retries: number }
  | { readonly ok: false; readonly error: string; readonly retryable: boolean; readonly attempts: number }

const describe = (cause: Cause.Cause<unknown>): { readonly error: string; readonly retryable: boolean } => {
  const failure = Cause.findErrorOption(cause)
  if (failure._tag === "Some") {
    const error = failure.value
    if (error instanceof PortFailure) return { error: error.message, retryable: error.isRetryable }
    return { error: String(error), retryable: false }
  }
  return { error: Cause.pretty(cause), retryable: false }
}

/**
 * Performs one effect request, retrying while the failure says it may pass (a recoverable rate
 * limit, an unavailable host) with exponential backoff. Never fails: a request that cannot be
 * performed comes back as `ok: false` for the caller to park. The request's idempotency key
 * makes every retry safe.
 */
export const performWithRetry = (
  request: EffectRequest,
  policy: RetryPolicy,
): Effect.Effect<EffectAttempt, never, EffectPorts> =>
  Effect.gen(function* () {
    let delay = policy.initialDelayMillis
    for (let attempt = 1; ; attempt++) {
      const exit = yield* Effect.exit(performEffect(request))
      if (exit._tag === "Success") return { ok: true, outcome: exit.value, retries: attempt - 1 } as const
      const { error, retryable } = describe(exit.cause)
      if (!retryable || attempt >= policy.attempts) {
        return { ok: false, error, retryable, attempts: attempt } as const
      }
      const failure = Cause.findErrorOption(exit.cause)
      const hostWait =
        failure._tag === "Some" &&
        failure.value instanceof PortFailure &&
        failure.value.reason._tag === "RateLimited"
          ? (failure.value.reason.retryAfterMillis ?? 0)
          : 0
      yield* Effect.sleep(Math.max(delay, hostWait))
      delay = Math.min(policy.maxDelayMillis, delay * policy.factor)
    }
  })
