import { Context, type Effect } from "effect"

/**
 * What a discrete-event simulation needs of an engine running under a simulated clock: to run
 * everything due at the clock's current instant and wait until it is done, and to know when the
 * next stored timer falls due, so the clock can move straight to it.
 */
export interface EngineControlService {
  /**
   * Takes every turn due at the clock's current instant (commands waiting in inboxes, deadlines
   * due, intake events) and returns once nothing is left to do at this instant.
   */
  readonly settle: Effect.Effect<void>
  /**
   * Settles, then waits until every turn taken is committed and its effects performed (the
   * embedded engine performs effects after their commit, a little behind its decisions).
   */
  readonly drain: Effect.Effect<void>
  /** When the earliest stored timer after now falls due, if any falls due before `limit`. */
  readonly nextTimer: (limit: number) => Effect.Effect<number | undefined>
}

/** The engine control service; both engines provide it beside `ProcessRuntime`. */
export class EngineControl extends Context.Service<EngineControl, EngineControlService>()(
  "@tixi/runtime/EngineControl",
) {}
