import { Clock, Effect, Layer } from "effect"

/** A clock whose time only moves when told to; everything else about it is real. */
export interface SimulatedClock extends Clock.Clock {
  /** Moves simulated time forward to `instant` (never backward). */
  readonly advanceTo: (instant: number) => void
  readonly now: () => number
}

/**
 * A simulated clock for running months of business time in seconds on the real durable engine.
 * Effect Cluster reads `Clock` for every business-time decision: when a stored timer message is
 * due (its deliver-at against `currentTimeMillis`), what instant a DurableClock wakes at, what
 * instant commands are stamped with. So the engine runs unchanged, durably, and the simulation
 * decides what time it is. Waiting (`sleep`) and elapsed-time measurement (`monotonicTimeNanos`)
 * stay real, so the engine's own poll loops, lease refreshes and timeouts behave as in production.
 */
export function makeSimulatedClock(start: number): SimulatedClock {
  const real = Clock.Clock.defaultValue()
  let now = start
  return {
    currentTimeMillisUnsafe: () => now,
    currentTimeMillis: Effect.sync(() => now),
    currentTimeNanosUnsafe: () => BigInt(now) * 1_000_000n,
    currentTimeNanos: Effect.sync(() => BigInt(now) * 1_000_000n),
    monotonicTimeNanosUnsafe: () => real.monotonicTimeNanosUnsafe(),
    monotonicTimeNanos: real.monotonicTimeNanos,
    sleep: (duration) => real.sleep(duration),
    advanceTo: (instant) => {
      if (instant > now) now = instant
    },
    now: () => now,
  }
}

/** Provides a simulated clock to everything built under it (the engine captures `Clock` when it starts). */
export const simulatedClockLayer = (clock: SimulatedClock) => Layer.succeed(Clock.Clock, clock)
