import type {
  Complaints,
  EffectKind,
  EffectRequest,
  Handled,
  Instant,
  RunnerStatistics,
  Unstamped,
} from "@tixi/core"
import {
  advanceSimulation,
  EngineControl,
  ProcessRuntime,
  type RuntimeStatistics,
  type SimulatedClock,
  type TurnDecision,
  type TurnRecord,
} from "@tixi/runtime"
import { Effect, Result } from "effect"
import { SqlClient } from "effect/sql"

type State = Complaints.ComplaintState
type Event = Complaints.ComplaintEvent
type Refusal = Complaints.ComplaintRefusal

/**
 * The complaint process as the simulation drives it, on tixi's durable runtime: each command is a
 * durable turn and each timer fires on the engine's scheduler at its instant of the simulated
 * clock. Officers act on what the process decided (as a screen shows it at once); the turns are
 * committed together in the background and their effects reach the hosts right after, so the
 * simulation drains the engine before it looks at a host.
 */
export const makeDurableRunner = (definition: Complaints.ComplaintProcess, clock: SimulatedClock) =>
  Effect.gen(function* () {
    const runtime = yield* ProcessRuntime
    const control = yield* EngineControl
    const sql = yield* SqlClient.SqlClient
    const states = new Map<string, State>()
    const effectsPerformed: Partial<Record<EffectKind, number>> = {}
    const counts = {
      commands: 0,
      refusals: 0,
      events: 0,
      deadlinesFired: 0,
      staleDeadlines: 0,
      retries: 0,
      deadLetters: 0,
    }

    yield* runtime.observeDecisions((decision: TurnDecision) => {
      states.set(decision.instanceId, decision.state as State)
    })
    yield* runtime.observe((turn: TurnRecord) => {
      counts.events += turn.events.length
      if (turn.input._tag === "Command") {
        counts.commands += 1
        if (turn.outcome === "refused") counts.refusals += 1
      } else {
        counts.deadlinesFired += 1
        counts.commands += 1
        // A deadline whose command the process refused: the state had moved on.
        if (turn.outcome === "refused") counts.staleDeadlines += 1
      }
      for (const effect of turn.effects) {
        counts.retries += effect.retries
        if (effect.performed) effectsPerformed[effect.kind] = (effectsPerformed[effect.kind] ?? 0) + 1
        else counts.deadLetters += 1
      }
    })

    return {
      /** Decides a command at the simulated now; the turn is committed and performed right after. */
      dispatch: (
        instanceId: string,
        command: Unstamped<Complaints.ComplaintCommand>,
      ): Effect.Effect<Result.Result<Handled<State, Event>, Refusal>> =>
        Effect.map(
          Effect.orDie(runtime.decide(definition.name, instanceId, command as never)),
          (turn): Result.Result<Handled<State, Event>, Refusal> =>
            turn.outcome === "refused"
              ? Result.fail(turn.refusal as Refusal)
              : Result.succeed({ events: turn.events as ReadonlyArray<Event>, state: turn.state as State }),
        ),
      /** Moves the simulated clock to `target`, every timer on the way firing at its instant. */
      advanceTo: (target: Instant) =>
        Effect.provideService(advanceSimulation(clock, target), EngineControl, control),
      /** Waits until every turn decided so far is committed and its effects reached the hosts. */
      drain: control.drain,
      /** The state an instance reached, as its last turn reported it. */
      stateOf: (instanceId: string): State => states.get(instanceId) ?? definition.initialState,
      /** Every instance's events, read back from the durable event log. */
      eventLog: Effect.gen(function* () {
        yield* control.drain
        const rows = yield* Effect.orDie(
          sql<{ instance_id: string; event: Event }>`
            SELECT instance_id, event FROM tixi_events WHERE process = ${definition.name}
            ORDER BY instance_id, sequence
          `,
        )
        const logs = new Map<string, Array<Event>>()
        for (const row of rows) {
          const log = logs.get(row.instance_id) ?? []
          log.push(row.event)
          logs.set(row.instance_id, log)
        }
        return logs as ReadonlyMap<string, ReadonlyArray<Event>>
      }),
      statistics: (): RunnerStatistics => ({
        commands: counts.commands,
        refusals: counts.refusals,
        events: counts.events,
        deadlinesFired: counts.deadlinesFired,
        staleDeadlines: counts.staleDeadlines,
        effectsPerformed: { ...effectsPerformed },
        effectRetries: counts.retries,
        deadLetters: counts.deadLetters,
      }),
      /** What the engine itself counted (durable turns, commits). */
      engine: runtime.statistics as Effect.Effect<RuntimeStatistics>,
      deadLetters: Effect.gen(function* () {
        const rows = yield* Effect.orDie(
          sql<{ instance_id: string; request: EffectRequest; error: string }>`
            SELECT instance_id, request, error FROM tixi_dead_letters
            WHERE process = ${definition.name} AND status IN ('parked', 'retry-requested', 'retrying')
          `,
        )
        return rows.map((row) => ({ instanceId: row.instance_id, request: row.request, error: row.error }))
      }),
    }
  })

/** The durable runner of the complaints simulation. */
export type DurableRunner = Effect.Success<ReturnType<typeof makeDurableRunner>>
