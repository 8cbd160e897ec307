import { PortFailure, RateLimited } from "@tixi/core"
import { Effect } from "effect"

/** What the host last said about an allocation it counts itself (Salesforce `Sforce-Limit-Info`). */
export interface AllocationUsage {
  readonly used: number
  readonly max: number
}

/** Options of an allocation guard. */
export interface AllocationGuardOptions {
  /** Names the host in failures, e.g. `Salesforce`. */
  readonly vendor: string
  /** Which allocation, in the host's words, e.g. `DAILY_API_REQUESTS`. */
  readonly scope: string
  /**
   * Calls kept back for staff and other integrations: tixi stops when no more than this many
   * remain. A function of the maximum (e.g. 5 % of it) or a fixed count.
   */
  readonly reserve: number | ((max: number) => number)
}

/** Tracks a host-counted allocation and stops callers before it runs out. */
export interface AllocationGuard {
  /** Records the host's latest figures (the larger `used` wins when replies arrive out of order). */
  readonly observe: (usage: AllocationUsage) => Effect.Effect<void>
  /** Fails (not retryable) when sending `calls` more would eat into the reserve. */
  readonly check: (calls?: number) => Effect.Effect<void, PortFailure>
  /** Calls left before the reserve, or undefined before the host has said anything. */
  readonly remaining: Effect.Effect<number | undefined>
  /** The host's latest figures, if any. */
  readonly usage: Effect.Effect<AllocationUsage | undefined>
}

/**
 * Builds a guard for an allocation the host counts across every client of an account (a
 * Salesforce org's rolling 24-hour API allocation): unlike `makeRateLimiter`, which counts this
 * process's own requests, the guard trusts the host's figures from each reply, so a bulk job stops
 * before it spends the calls staff and other integrations need.
 */
export const makeAllocationGuard = (options: AllocationGuardOptions): Effect.Effect<AllocationGuard> =>
  Effect.sync(() => {
    let latest: AllocationUsage | undefined
    const reserveOf = (max: number) =>
      Math.max(0, Math.ceil(typeof options.reserve === "number" ? options.reserve : options.reserve(max)))
    const left = () => (latest === undefined ? undefined : latest.max - latest.used - reserveOf(latest.max))
    return {
      observe: (usage) =>
        Effect.sync(() => {
          if (!Number.isFinite(usage.used) || !Number.isFinite(usage.max) || usage.max <= 0) return
          // A higher maximum means the allocation grew (licences added); otherwise keep the higher count.
          if (latest === undefined || usage.max !== latest.max || usage.used >= latest.used) latest = usage
        }),
      check: (calls = 1) =>
        Effect.suspend(() => {
          const remaining = left()
          if (remaining === undefined || remaining >= calls) return Effect.void
          return Effect.fail(
            new PortFailure({
              port: "HostCrm",
              operation: "allocation",
              reason: new RateLimited({ recoverable: false, scope: options.scope }),
              detail: `${options.vendor}: ${latest!.used} of ${latest!.max} ${options.scope} used; stopping before the last ${reserveOf(latest!.max)} kept in reserve`,
              vendor: { vendor: options.vendor, payload: latest },
            }),
          )
        }),
      remaining: Effect.sync(() => left()),
      usage: Effect.sync(() => latest),
    }
  })
