import { Result } from "effect"
import type { z } from "zod"
import { InvalidTransition } from "../errors/refusals.ts"
import type { ValidationError } from "../errors/validation-error.ts"
import { type IdempotencyKey, idempotencyKey } from "../ids/idempotency-key.ts"
import { parseProcessCommand } from "./decider-support.ts"
import type { Deadline, ProcessCommand, ProcessDefinition, ProcessEvent, StepContext } from "./definition.ts"
import type { EffectRequest } from "./effect-request.ts"
import { type HostEffects, hostEffects } from "./host-effects.ts"
import { noTimers } from "./timers.ts"

/**
 * What the kit reads of a flow's state: the step it stands at, and — when the flow counts its
 * events — `sequence`, which the kit advances on every event so approval keys made in `decide`
 * are those the runner makes for effects.
 */
export interface FlowState {
  readonly status: string
  readonly sequence?: number
}

/** What a step's decision has at hand besides the state and the command. */
export interface Decision<Event> {
  /** Refuses the command in this state, naming why (an `InvalidTransition` naming flow, instance, status and command). */
  refuse(reason: string): Result.Result<never, InvalidTransition>
  /** Accepts the command with these events, in order. */
  accept(...events: ReadonlyArray<Event>): Result.Result<ReadonlyArray<Event>, never>
  /**
   * Accepts the command with these events when `condition` holds, and with none otherwise: a
   * timer that fires after its step was done, a reminder already sent, changes nothing.
   */
  acceptIf(condition: boolean, ...events: ReadonlyArray<Event>): Result.Result<ReadonlyArray<Event>, never>
  /**
   * The idempotency key the effect of `kind` will have when asked for by the event `offset`
   * places after the last one stored: approval keys are decided with the event that opens them.
   * Keyed by the business id (`idOf`); the first command, before the state knows it, passes `id`.
   */
  keyAt(offset: number, kind: string, id?: string): IdempotencyKey
}

/** A step: how one command is decided. Decisions (◇) are plain TypeScript inside it. */
export type StepDecision<State, Command, Event, Refusal> = (
  state: State,
  command: Command,
  decision: Decision<Event>,
) => Result.Result<ReadonlyArray<Event>, Refusal | InvalidTransition>

/**
 * How each event changes the state: a new state built from `state` (or `state` itself when
 * nothing changes). The kit advances `sequence` on what the fold returns.
 */
export type EventFold<State, Event> = (state: State, event: Event) => State

/** The effects one event asks of the world, built with the event's keyed `HostEffects`. */
export type EventEffects<State, Event> = (
  state: State,
  event: Event,
  host: HostEffects,
) => ReadonlyArray<EffectRequest>

/** A flow written with the kit: its chart's steps, its events' folds, its timers and its effects. */
export interface FlowSpec<
  State extends FlowState,
  Command extends ProcessCommand,
  Event extends ProcessEvent,
  Refusal,
> {
  /** The process name, part of every idempotency key (never change it for a flow with stored instances). */
  readonly name: string
  /** The definition's version, stored with each instance. */
  readonly version?: number
  readonly initialState: State
  /** The validator of every command; a command it refuses is a `ValidationError` naming the field. */
  readonly commands: z.ZodType<Command>
  /** The instance's business id, named in refusals and notifications (e.g. the evaluation id). */
  readonly idOf: (state: State) => string
  /** One decision per command type, in the chart's order. */
  readonly steps: {
    readonly [Type in Command["type"]]: StepDecision<
      State,
      Extract<Command, { readonly type: Type }>,
      Event,
      Refusal
    >
  }
  /** One fold per event type. */
  readonly folds: {
    readonly [Type in Event["type"]]: EventFold<State, Extract<Event, { readonly type: Type }>>
  }
  /** The timers the instance waits on; `timers()` drops the ones that do not apply. */
  readonly deadlines?: (state: State) => ReadonlyArray<Deadline<Command>>
  /** The effects of the events that have any; the state is the one after the event. */
  readonly effects?: {
    readonly [Type in Event["type"]]?: EventEffects<State, Extract<Event, { readonly type: Type }>>
  }
  /** The statuses in which the instance has ended. */
  readonly finished: ReadonlyArray<State["status"]>
  /**
   * The status line the host shows, when it must say more than `status` (a promise overdue, the
   * PDCA phase being corrected); `status` itself otherwise.
   */
  readonly statusOf?: (state: State) => string
}

/**
 * The `Decision` a step gets: one object per command with its methods on the prototype, since
 * every command of every instance makes one and a closure per method would multiply the garbage.
 */
class StepDecisionContext<Event> implements Decision<Event> {
  readonly #process: string
  readonly #instanceId: string
  readonly #state: FlowState
  readonly #commandType: string

  constructor(process: string, instanceId: string, state: FlowState, commandType: string) {
    this.#process = process
    this.#instanceId = instanceId
    this.#state = state
    this.#commandType = commandType
  }

  refuse(reason: string): Result.Result<never, InvalidTransition> {
    return Result.fail(
      new InvalidTransition({
        process: this.#process,
        instanceId: this.#instanceId,
        state: this.#state.status,
        command: this.#commandType,
        reason,
      }),
    )
  }

  accept(...events: ReadonlyArray<Event>): Result.Result<ReadonlyArray<Event>, never> {
    return Result.succeed(events)
  }

  acceptIf(condition: boolean, ...events: ReadonlyArray<Event>): Result.Result<ReadonlyArray<Event>, never> {
    return Result.succeed(condition ? events : [])
  }

  keyAt(offset: number, kind: string, id: string = this.#instanceId): IdempotencyKey {
    return idempotencyKey(this.#process, id, (this.#state.sequence ?? 0) + offset, kind)
  }
}

/** What an event without effects asks of the world: one shared, frozen empty list rather than a new one per event. */
const noEffects: ReadonlyArray<never> = Object.freeze([])

/**
 * Builds a `ProcessDefinition` from a flow's steps: validation of every command, refusals named
 * the same way in every flow, the event counter, keyed host effects. Both runtime engines, the
 * in-memory runner and embedders see an ordinary definition, so instances stored before a flow
 * moved onto the kit replay to the same states.
 */
export function defineFlow<
  State extends FlowState,
  Command extends ProcessCommand,
  Event extends ProcessEvent,
  Refusal,
>(
  spec: FlowSpec<State, Command, Event, Refusal>,
): ProcessDefinition<State, Command, Event, Refusal | InvalidTransition | ValidationError> {
  const subject = `${spec.name}.command`
  const steps = spec.steps as unknown as Readonly<
    Record<string, StepDecision<State, Command, Event, Refusal>>
  >
  const folds = spec.folds as unknown as Readonly<Record<string, EventFold<State, Event>>>
  const effects = (spec.effects ?? {}) as Readonly<Record<string, EventEffects<State, Event> | undefined>>
  const finished = new Set<string>(spec.finished)
  const counted = typeof spec.initialState.sequence === "number"

  return {
    name: spec.name,
    version: spec.version ?? 1,
    initialState: spec.initialState,
    decide(state, input) {
      const parsed = parseProcessCommand(subject, spec.commands, input)
      if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
      const command = parsed.success
      const decision = new StepDecisionContext<Event>(spec.name, spec.idOf(state), state, command.type)
      return steps[command.type]!(state, command, decision)
    },
    evolve(state, event) {
      const next = folds[event.type]!(state, event)
      if (!counted) return next
      const sequence = (state.sequence ?? 0) + 1
      if (next === state)
        return { ...state, sequence }
        // The fold built `next` for this event (a spread of `state`), so the counter is set on it
        // rather than spreading the whole state a second time on every event.
      ;(next as { sequence: number }).sequence = sequence
      return next
    },
    deadlines: (state) => spec.deadlines?.(state) ?? noTimers,
    effects(state, event, step: StepContext) {
      const build = effects[event.type]
      return build === undefined
        ? noEffects
        : build(state, event, hostEffects(spec.name, step, spec.idOf(state)))
    },
    isFinished: (state) => finished.has(state.status),
    statusOf: spec.statusOf ?? ((state) => state.status),
  }
}
