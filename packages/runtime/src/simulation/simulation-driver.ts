import { Effect } from "effect"
import { EngineControl } from "../engine/engine-control.ts"
import type { SimulatedClock } from "./simulated-clock.ts"

/** Something the simulation does at a business instant: open a complaint, decide an approval. */
export interface SimulationStep<R> {
  readonly at: number
  readonly run: Effect.Effect<void, unknown, R>
}

/** What the driver needs to run a simulation. */
export interface SimulationOptions<R> {
  readonly clock: SimulatedClock
  /** The planned steps (any order). */
  readonly steps: ReadonlyArray<SimulationStep<R>>
  /** Business time to stop at. */
  readonly until: number
  /**
   * Called whenever the runtime has settled at a new instant; may plan further steps (an approver
   * who decides two days after an approval opened). The instant is the simulated now.
   */
  readonly onSettled?:
    | ((now: number) => Effect.Effect<ReadonlyArray<SimulationStep<R>>, unknown, R>)
    | undefined
  /** Called when simulated time crosses into a new day (for progress output). */
  readonly onDay?: ((day: number, now: number) => Effect.Effect<void, unknown, R>) | undefined
}

/**
 * Moves a simulated clock to `target`, stopping at every stored timer on the way: at each stop
 * the engine decides every turn due (timers at exactly their instant, commands waiting), and the
 * clock moves on only once it has settled. Returns how many instants it stopped at before
 * `target`. The simulation's own steps run between calls, at the instants they are planned for.
 * Effects may still be on their way (the embedded engine performs them after their commit); call
 * `EngineControl.drain` before looking at the hosts.
 */
export const advanceSimulation = (clock: SimulatedClock, target: number) =>
  Effect.gen(function* () {
    const engine = yield* EngineControl
    let stops = 0
    while (true) {
      yield* engine.settle
      const next = yield* engine.nextTimer(target + 1)
      // A timer at or before now belongs to an instance that cannot move (a parked effect).
      if (next === undefined || next > target || next <= clock.now()) break
      clock.advanceTo(next)
      stops += 1
    }
    clock.advanceTo(target)
    yield* engine.settle
    return stops
  })

/**
 * Moves a clock the caller controls (a test's clock shared with a vendor fake) to the next stored
 * timer and waits until the engine has taken every turn due then and performed its effects, for
 * stepping through an instance's deadlines one at a time. Answers the timer's instant, or
 * undefined when no timer is waiting.
 */
export const fireNextTimer = <E, R>(advanceTo: (instant: number) => Effect.Effect<void, E, R>) =>
  Effect.gen(function* () {
    const engine = yield* EngineControl
    const next = yield* engine.nextTimer(Number.MAX_SAFE_INTEGER)
    if (next === undefined) return undefined
    yield* advanceTo(next)
    yield* engine.drain
    return next
  })

/**
 * Runs a discrete-event simulation on the durable runtime: it lets the engine finish everything
 * due at the clock's instant, then moves the simulated clock straight to the next planned step or
 * stored timer, whichever comes first. Timers therefore fire exactly at their due instant in
 * business time, however fast the simulation runs, and nothing is skipped: every step is a real
 * durable step in the database.
 */
export const runSimulation = <R>(options: SimulationOptions<R>) =>
  Effect.gen(function* () {
    const engine = yield* EngineControl
    const clock = options.clock
    const queue = [...options.steps].sort((left, right) => left.at - right.at)
    let day = -1
    let settles = 0
    const newDay = (instant: number) =>
      Effect.gen(function* () {
        const today = Math.floor(instant / 86_400_000)
        if (today === day) return
        day = today
        if (options.onDay) yield* options.onDay(today, instant)
      })

    while (true) {
      // Drained, not only settled: `onSettled` looks at the hosts the effects write to.
      yield* engine.drain
      settles += 1
      if (options.onSettled) {
        const planned = yield* options.onSettled(clock.now())
        if (planned.length > 0) {
          queue.push(...planned)
          queue.sort((left, right) => left.at - right.at)
        }
      }
      const nextStep = queue[0]?.at ?? Number.POSITIVE_INFINITY
      const timer = yield* engine.nextTimer(Math.min(nextStep, options.until) + 1)
      // A timer at or before now belongs to an instance that cannot move (a parked effect).
      const nextTimer = timer !== undefined && timer > clock.now() ? timer : Number.POSITIVE_INFINITY
      const next = Math.min(nextStep, nextTimer)
      if (next > options.until || next === Number.POSITIVE_INFINITY) break
      clock.advanceTo(next)
      yield* newDay(next)
      while (queue.length > 0 && queue[0]!.at <= clock.now()) yield* queue.shift()!.run
    }
    clock.advanceTo(options.until)
    return { settles }
  })
