import { PortFailure, RateLimited } from "@tixi/core"
import { Clock, Effect, Semaphore } from "effect"

/** A host's request limits. */
export interface RateLimitOptions {
  /** Requests allowed in any rolling window (HubSpot: 100, 110, 190 or 250 per 10 s). */
  readonly limit: number
  readonly windowMillis: number
  /** Requests allowed per day, if the host has a daily budget (HubSpot: 250k–1M per account). */
  readonly dailyLimit?: number
  /** The day an instant belongs to, for the daily budget (default: the UTC day). */
  readonly dayOf?: (at: number) => number
  /** Names the limiter in failures, e.g. `HubSpot`. */
  readonly vendor: string
}

/** A rolling-window rate limiter shared by every call an adapter makes to one host. */
export interface RateLimiter {
  /**
   * Waits until a request may be sent, then counts it. Fails (not retryable) when the daily
   * budget is spent, so bulk jobs stop instead of burning the host's whole allowance.
   */
  readonly acquire: Effect.Effect<void, PortFailure>
  /**
   * Runs one request in a slot that frees `windowMillis` after the request *completes*, not
   * after it was sent. The host counts a request when it arrives, somewhere between the two; a
   * slot held until completion can never be counted in the same window as the request that
   * takes it over, however late the first one arrived (network jitter, a busy event loop). The
   * price is one round trip per window.
   */
  readonly withSlot: <A, E, R>(request: Effect.Effect<A, E, R>) => Effect.Effect<A, E | PortFailure, R>
  /** Holds every caller for `millis` (after a 429, or when the host says none remain). */
  readonly pauseFor: (millis: number) => Effect.Effect<void>
  /**
   * Aligns with the host's own count from response headers (e.g. `X-HubSpot-RateLimit-Remaining`):
   * when other clients share the limit, the host knows better than this process does. A host
   * that says none remain while this limiter has sent fewer than `limit` in the window means
   * someone else is spending the budget, so everyone here waits `intervalMillis`; when this
   * limiter itself filled the window, its own accounting already holds the next request.
   */
  readonly observe: (remaining: number, intervalMillis: number) => Effect.Effect<void>
  /**
   * Aligns the daily budget with the host's count (e.g. `X-HubSpot-RateLimit-Daily-Remaining`,
   * which every app of the account spends): the budget never claims more than the host has left.
   */
  readonly observeDaily: (remaining: number) => Effect.Effect<void>
  /** Requests sent today and in the current window, for progress reports. */
  readonly usage: Effect.Effect<{ readonly today: number; readonly inWindow: number }>
}

/** How often a full window whose oldest request is still in flight is looked at again. */
const inFlightPollMillis = 5

/** Builds a rate limiter; see `RateLimiter`. */
export const makeRateLimiter = (options: RateLimitOptions): Effect.Effect<RateLimiter> =>
  Effect.gen(function* () {
    if (!Number.isInteger(options.limit) || options.limit < 1)
      throw new RangeError("limit must be a positive integer")
    const dayOf = options.dayOf ?? ((at: number) => Math.floor(at / 86_400_000))
    const lock = yield* Semaphore.make(1)
    // Send times of the last `limit` requests, oldest first, in a ring buffer.
    const sent = new Float64Array(options.limit)
    let head = 0
    let count = 0
    let pausedUntil = 0
    let day = -1
    let today = 0

    const inWindow = (now: number) => {
      let within = 0
      for (let index = 0; index < count; index++) {
        if (sent[(head + index) % options.limit]! > now - options.windowMillis) within += 1
      }
      return within
    }

    /** Takes a slot (its time is the send time, or +∞ while a `withSlot` request is in flight). */
    const take = (inFlight: boolean) =>
      Semaphore.withPermit(
        lock,
        Effect.gen(function* () {
          for (;;) {
            const now = yield* Clock.currentTimeMillis
            if (dayOf(now) !== day) {
              day = dayOf(now)
              today = 0
            }
            if (options.dailyLimit !== undefined && today >= options.dailyLimit) {
              return yield* new PortFailure({
                port: "HostCrm",
                operation: "rateLimit",
                reason: new RateLimited({ recoverable: false, scope: "DAILY" }),
                detail: `${options.vendor}: the daily budget of ${options.dailyLimit} requests is spent`,
                vendor: { vendor: options.vendor },
              })
            }
            if (now < pausedUntil) {
              yield* Effect.sleep(pausedUntil - now)
              continue
            }
            if (count === options.limit) {
              const oldest = sent[head]!
              // The oldest request is still in flight: its slot frees a window after it completes.
              if (oldest === Number.POSITIVE_INFINITY) {
                yield* Effect.sleep(inFlightPollMillis)
                continue
              }
              const freeAt = oldest + options.windowMillis
              if (freeAt > now) {
                yield* Effect.sleep(freeAt - now)
                continue
              }
              head = (head + 1) % options.limit
              count -= 1
            }
            const slot = (head + count) % options.limit
            sent[slot] = inFlight ? Number.POSITIVE_INFINITY : now
            count += 1
            today += 1
            return slot
          }
        }),
      )

    const acquire = Effect.asVoid(take(false))

    const withSlot = <A, E, R>(request: Effect.Effect<A, E, R>) =>
      Effect.acquireUseRelease(
        take(true),
        () => request,
        (slot) =>
          Effect.map(Clock.currentTimeMillis, (now) => {
            sent[slot] = now
          }),
      )

    const pauseFor = (millis: number) =>
      Effect.flatMap(Clock.currentTimeMillis, (now) =>
        Effect.sync(() => {
          pausedUntil = Math.max(pausedUntil, now + Math.max(0, millis))
        }),
      )

    const observe = (remaining: number, intervalMillis: number) =>
      remaining > 0
        ? Effect.void
        : Effect.flatMap(Clock.currentTimeMillis, (now) =>
            inWindow(now) < options.limit ? pauseFor(intervalMillis) : Effect.void,
          )

    const observeDaily = (remaining: number) =>
      Effect.flatMap(Clock.currentTimeMillis, (now) =>
        Effect.sync(() => {
          if (options.dailyLimit === undefined || !Number.isFinite(remaining)) return
          if (dayOf(now) !== day) {
            day = dayOf(now)
            today = 0
          }
          today = Math.max(today, options.dailyLimit - Math.max(0, remaining))
        }),
      )

    const usage = Effect.map(Clock.currentTimeMillis, (now) => ({ today, inWindow: inWindow(now) }))

    return { acquire, withSlot, pauseFor, observe, observeDaily, usage }
  })
