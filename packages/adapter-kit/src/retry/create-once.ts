import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import { type RetryOptions, retryRetryable } from "./retry-retryable.ts"

/**
 * Whether a failure leaves it unknown if the host carried the request out: it may have arrived
 * and only the reply been lost (a network failure, a timeout, a server error). A refusal
 * (throttling, bad input) means the host did nothing.
 */
export const leavesOutcomeUnknown = (failure: PortFailure): boolean => failure.reason._tag === "Unavailable"

/** What `createOnce` needs: how to create the thing, and how to find it if it was created. */
export interface CreateOnceOptions<A, R1, R2> {
  /** The create call, made without retries of its own. */
  readonly create: Effect.Effect<A, PortFailure, R1>
  /** Looks for what an attempt whose reply was lost may have created (by a reference it carries). */
  readonly find: Effect.Effect<A | undefined, PortFailure, R2>
  readonly retry?: RetryOptions
}

/**
 * Creates something on a host that takes no idempotency key (a DingTalk approval instance, a WeCom
 * approval) at most once. Retryable failures are retried with backoff, as `retryRetryable` does;
 * but after a failure that leaves the outcome unknown, `find` looks for what the lost attempt may
 * have created before `create` runs again, so a reply lost on its way back never opens a second one.
 */
export const createOnce = <A, R1, R2>(
  options: CreateOnceOptions<A, R1, R2>,
): Effect.Effect<A, PortFailure, R1 | R2> =>
  Effect.suspend(() => {
    let lookFirst = false
    const attempt = Effect.gen(function* () {
      if (lookFirst) {
        const found = yield* options.find
        if (found !== undefined) return found
      }
      return yield* Effect.tapError(options.create, (failure) =>
        Effect.sync(() => {
          if (leavesOutcomeUnknown(failure)) lookFirst = true
        }),
      )
    })
    return retryRetryable(attempt, options.retry)
  })
