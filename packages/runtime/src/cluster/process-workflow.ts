import {
  type AnyProcessDefinition,
  type Deadline,
  type EffectPorts,
  type EffectRequest,
  type ProcessEvent,
  replay,
} from "@tixi/core"
import { Clock, Duration, Effect, Result, Schema } from "effect"
import type { SqlClient } from "effect/sql"
import { Activity, DurableClock, DurableDeferred, Workflow } from "effect/workflow"
import { deadLetterId } from "../engine/dead-letter-id.ts"
import type { HostedProcess } from "../engine/hosted-process.ts"
import { performWithRetry, type RetryPolicy } from "../engine/retry-policy.ts"
import {
  type DecisionListener,
  inboxOutcome,
  type TurnDecision,
  type TurnEffect,
  type TurnListener,
} from "../engine/turn-record.ts"
import { closeDeadLetter, countRetries, parkDeadLetter, recordStep } from "./instance-store.ts"

/** The workflow name of a definition; the version is part of it so old instances replay old code. */
export const workflowName = (definition: AnyProcessDefinition): string =>
  `tixi/${definition.name}/v${definition.version}`

/** One durable execution per process instance, keyed by the instance's business id. */
export const makeProcessWorkflow = (definition: AnyProcessDefinition) =>
  Workflow.make(workflowName(definition), {
    payload: { instanceId: Schema.String },
    success: Schema.Struct({ status: Schema.String, sequence: Schema.Number }),
    idempotencyKey: ({ instanceId }) => instanceId,
  })

/** A process workflow, for the runtime's registry. */
export type ProcessWorkflow = ReturnType<typeof makeProcessWorkflow>

/** A command as it waits in an instance's inbox: its position and its JSON text. */
export const InboxItem = Schema.Struct({ position: Schema.Number, command: Schema.String })

/** The wait point of inbox position `position`; the inbox signals it once the command is stored. */
export const inboxDeferred = (position: number) =>
  DurableDeferred.make(`inbox/${position}`, { success: InboxItem })

/** The wait point of a dead letter; `tixi retry` signals it. */
export const retryDeferred = (letterId: string) => DurableDeferred.make(`retry/${letterId}`)

const TurnInput = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("command"), position: Schema.Number, command: Schema.String }),
  Schema.Struct({ kind: Schema.Literal("deadline"), key: Schema.String, firedAt: Schema.Number }),
])
type TurnInput = typeof TurnInput.Type

const StepOutcome = Schema.Struct({
  failed: Schema.Array(Schema.Struct({ index: Schema.Number, deadLetterId: Schema.String })),
})

const RetryOutcome = Schema.Struct({ deadLetterId: Schema.NullOr(Schema.String) })

/** The identity of a deadline occurrence: the same key at another instant is another occurrence. */
export const deadlineOccurrence = (deadline: { readonly key: string; readonly dueAt: number }) =>
  `${deadline.key}@${deadline.dueAt}`

/**
 * The deadline that falls due first (ties broken by key, so replays choose the same one), leaving
 * out occurrences that already fired: a deadline whose command changed nothing stays listed, and
 * firing it again would loop.
 */
export function earliestDeadline<Command>(
  deadlines: ReadonlyArray<Deadline<Command>>,
  fired?: ReadonlySet<string>,
): Deadline<Command> | undefined {
  let first: Deadline<Command> | undefined
  for (const deadline of deadlines) {
    if (fired?.has(deadlineOccurrence(deadline))) continue
    if (
      first === undefined ||
      deadline.dueAt < first.dueAt ||
      (deadline.dueAt === first.dueAt && deadline.key < first.key)
    ) {
      first = deadline
    }
  }
  return first
}

const awaitCommand = (position: number) =>
  Effect.map(
    DurableDeferred.await(inboxDeferred(position)),
    (item): TurnInput => ({ kind: "command", position: item.position, command: item.command }),
  )

/**
 * Waits until a deadline falls due on a durable timer. The in-memory threshold is zero: Effect's
 * `DurableClock.sleep` runs any sleep at or under its threshold (60 s by default) as an in-memory
 * activity that a crash loses, and a business deadline must survive a crash however close it is.
 * The clock is named after the deadline's key and instant, so recomputing the same deadline after
 * a replay finds the same stored timer rather than scheduling a second one.
 */
const awaitDeadline = (deadline: Deadline<unknown>) =>
  Effect.gen(function* () {
    const now = yield* Clock.currentTimeMillis
    const remaining = deadline.dueAt - now
    if (remaining > 0) {
      yield* DurableClock.sleep({
        name: `deadline/${deadline.key}/${deadline.dueAt}`,
        duration: Duration.millis(remaining),
        inMemoryThreshold: Duration.zero,
      })
    }
    const firedAt = Math.max(deadline.dueAt, yield* Clock.currentTimeMillis)
    return { kind: "deadline", key: deadline.key, firedAt } satisfies TurnInput as TurnInput
  })

/** Options of the hosting of one process. */
export interface ProcessWorkflowOptions {
  readonly retryPolicy: RetryPolicy
  /** Told of every turn once its effects were performed (on the runner that performed them). */
  readonly onTurn?: TurnListener | undefined
  /** Told of every decision once its turn is recorded, before its effects. */
  readonly onDecided?: DecisionListener | undefined
}

/**
 * The workflow body every hosted process runs. Each turn waits for the next inbox command or the
 * earliest deadline (a durable race, recorded so that a replay takes the same branch), decides it
 * with the pure definition, and runs one activity that records the turn (projection, event log)
 * and performs the effects it asked for. A replay recomputes decide/evolve from the recorded
 * inputs, so the state never needs to be stored for the engine; it is stored for people.
 */
export const processWorkflowLayer = (
  hosted: HostedProcess,
  workflow: ProcessWorkflow,
  options: ProcessWorkflowOptions,
) => {
  const definition = hosted.definition
  const processName = definition.name

  const performStep = (
    instanceId: string,
    turn: number,
    requests: ReadonlyArray<EffectRequest>,
    step: Parameters<typeof recordStep>[0],
    report: TurnDecision,
  ): Effect.Effect<typeof StepOutcome.Type, never, SqlClient.SqlClient | EffectPorts> =>
    Effect.gen(function* () {
      yield* recordStep(step)
      options.onDecided?.(report)
      const failed: Array<{ index: number; deadLetterId: string }> = []
      const effects: Array<TurnEffect> = []
      let retries = 0
      for (const [index, request] of requests.entries()) {
        const attempt = yield* performWithRetry(request, options.retryPolicy)
        if (attempt.ok) {
          retries += attempt.retries
          effects.push({ kind: request.kind, key: request.key, performed: true, retries: attempt.retries })
          continue
        }
        retries += attempt.attempts - 1
        const id = deadLetterId(processName, instanceId, turn, index, 0)
        yield* parkDeadLetter({
          id,
          process: processName,
          instanceId,
          turn,
          round: 0,
          request,
          error: attempt.error,
          attempts: attempt.attempts,
          at: yield* Clock.currentTimeMillis,
        })
        failed.push({ index, deadLetterId: id })
        effects.push({
          kind: request.kind,
          key: request.key,
          performed: false,
          retries: attempt.attempts - 1,
          deadLetterId: id,
        })
      }
      yield* countRetries(processName, instanceId, retries)
      options.onTurn?.({ ...report, effects })
      return { failed }
    })

  const retryEffect = (
    instanceId: string,
    turn: number,
    index: number,
    round: number,
    previous: string,
    request: EffectRequest,
  ): Effect.Effect<typeof RetryOutcome.Type, never, SqlClient.SqlClient | EffectPorts> =>
    Effect.gen(function* () {
      const attempt = yield* performWithRetry(request, options.retryPolicy)
      const at = yield* Clock.currentTimeMillis
      if (attempt.ok) {
        yield* closeDeadLetter(previous, "resolved", processName, instanceId, at)
        yield* countRetries(processName, instanceId, attempt.retries)
        return { deadLetterId: null }
      }
      const id = deadLetterId(processName, instanceId, turn, index, round)
      yield* parkDeadLetter({
        id,
        process: processName,
        instanceId,
        turn,
        round,
        request,
        error: attempt.error,
        attempts: attempt.attempts,
        at,
      })
      yield* closeDeadLetter(previous, "failed-again", processName, instanceId, at)
      yield* countRetries(processName, instanceId, attempt.attempts - 1)
      return { deadLetterId: id }
    })

  return workflow.toLayer(
    Effect.fnUntraced(function* ({ instanceId }) {
      let state = definition.initialState
      let sequence = 0
      let position = 0
      // Deadline occurrences that fired and are still listed (their command changed nothing).
      let fired = new Set<string>()
      // The execution never completes: a finished instance waits on no deadline, but a command can
      // still come (a closed complaint reopened) and its definition decides it.
      for (let turn = 0; ; turn++) {
        const deadline =
          turn === 0 || definition.isFinished(state)
            ? undefined
            : earliestDeadline(definition.deadlines(state), fired)
        const input: TurnInput =
          deadline === undefined
            ? yield* awaitCommand(position)
            : yield* DurableDeferred.raceAll({
                name: `turn/${turn}`,
                success: TurnInput,
                error: Schema.Never,
                effects: [awaitCommand(position), awaitDeadline(deadline)],
              })
        let consumed: number | undefined
        let command: unknown
        if (input.kind === "command") {
          consumed = input.position
          command = JSON.parse(input.command)
          position = input.position + 1
        } else {
          command = { ...deadline!.command, at: input.firedAt }
        }
        const decided = definition.decide(state, command)
        const firstSequence = sequence
        const events: ReadonlyArray<ProcessEvent> = Result.isSuccess(decided) ? decided.success : []
        const requests: Array<EffectRequest> = []
        for (const event of events) {
          state = replay(definition, [event], state)
          requests.push(...definition.effects(state, event, { instanceId, sequence }))
          sequence += 1
        }
        const finished = definition.isFinished(state)
        const listed = finished ? [] : definition.deadlines(state)
        if (input.kind === "deadline") fired.add(deadlineOccurrence(deadline!))
        fired = new Set(listed.map(deadlineOccurrence).filter((occurrence) => fired.has(occurrence)))
        const next = earliestDeadline(listed, fired)
        const verdict = Result.isSuccess(decided)
          ? events.length === 0
            ? "no-change"
            : "applied"
          : "refused"
        const refusal = Result.isFailure(decided) ? decided.failure : undefined
        const outcome = inboxOutcome(verdict, refusal)
        const stateNow = state
        const report: TurnDecision = {
          process: processName,
          instanceId,
          turn,
          input:
            input.kind === "command"
              ? { _tag: "Command", position: input.position, command }
              : { _tag: "Deadline", key: deadline!.key, dueAt: deadline!.dueAt, command },
          outcome: verdict,
          refusal,
          events,
          state: stateNow,
          status: definition.statusOf(stateNow),
          finished,
          requests,
        }
        const result = yield* Activity.make({
          name: `turn/${turn}`,
          success: StepOutcome,
          execute: Effect.flatMap(Clock.currentTimeMillis, (at) =>
            performStep(
              instanceId,
              turn,
              requests,
              {
                process: processName,
                instanceId,
                turn,
                firstSequence,
                events,
                state: stateNow,
                status: definition.statusOf(stateNow),
                finished,
                nextDeadline: next ? { key: next.key, dueAt: next.dueAt } : undefined,
                consumed: consumed === undefined ? undefined : { position: consumed, outcome },
                at,
              },
              report,
            ),
          ),
        })
        for (const failure of result.failed) {
          let letter = failure.deadLetterId
          for (let round = 1; ; round++) {
            yield* DurableDeferred.await(retryDeferred(letter))
            const retried = yield* Activity.make({
              name: `turn/${turn}/effect/${failure.index}/round/${round}`,
              success: RetryOutcome,
              execute: retryEffect(instanceId, turn, failure.index, round, letter, requests[failure.index]!),
            })
            if (retried.deadLetterId === null) break
            letter = retried.deadLetterId
          }
        }
      }
    }),
  )
}
