import type { Result } from "effect"
import type { Instant } from "../time/instant.ts"
import type { EffectRequest } from "./effect-request.ts"

/** What every command carries: its type and the instant it is decided at (from Effect's Clock). */
export interface ProcessCommand {
  readonly type: string
  readonly at: Instant
}

/** What every event carries: its type and the instant it happened. */
export interface ProcessEvent {
  readonly type: string
  readonly at: Instant
}

/** A command without its instant; deadlines carry these and the runner adds `at` when they fire. */
export type Unstamped<Command> = Command extends ProcessCommand ? Omit<Command, "at"> : never

/**
 * A timer the process asks for: when `dueAt` passes, `command` (stamped with the firing instant)
 * is decided. Deadlines are recomputed from the state after every event; a deadline that is no
 * longer listed is cancelled. The same deadline keeps the same `key` across recomputation, so a
 * durable runtime can keep one timer per key.
 */
export interface Deadline<Command> {
  readonly key: string
  readonly dueAt: Instant
  readonly command: Unstamped<Command>
}

/** Where an event stands in its instance: the instance's id and the event's 0-based sequence number. */
export interface StepContext {
  readonly instanceId: string
  readonly sequence: number
}

/**
 * A process of the handbooks (流程) as a pure state machine (DESIGN rule 2):
 * `decide(state, command)` gives events or a refusal, `evolve(state, event)` folds an event in,
 * `deadlines(state)` lists the timers it waits on and `effects(state, event)` the side effects an
 * event asks of the world. Nothing here does I/O or reads a clock, so the same definition runs
 * in a test, in an embedder's own persistence, or on tixi's durable runtime.
 */
export interface ProcessDefinition<
  State,
  Command extends ProcessCommand,
  Event extends ProcessEvent,
  Refusal,
> {
  /** A stable name, e.g. `complaint`; part of every idempotency key. */
  readonly name: string
  /** The definition's version; stored with each instance so old instances replay the same way. */
  readonly version: number
  /** The state of an instance before its first event. */
  readonly initialState: State
  /** The events a command produces in a state, or why it is refused. Never throws on bad input. */
  decide(state: State, command: Command): Result.Result<ReadonlyArray<Event>, Refusal>
  /** The state after an event. Total: every event that `decide` can produce is accepted. */
  evolve(state: State, event: Event): State
  /** The timers the instance waits on in this state. */
  deadlines(state: State): ReadonlyArray<Deadline<Command>>
  /** The side effects an event asks for, given the state after it; keys come from the step context. */
  effects(state: State, event: Event, step: StepContext): ReadonlyArray<EffectRequest>
  /** Whether the instance has ended and waits on nothing more. */
  isFinished(state: State): boolean
  /** A short status for listings (`tixi status`), e.g. `investigating`. */
  statusOf(state: State): string
}

/** Any process definition, for runners that host several. */
// biome-ignore lint/suspicious/noExplicitAny: runners hold definitions of different types side by side.
export type AnyProcessDefinition = ProcessDefinition<any, any, any, any>

/** The state type of a definition. */
export type StateOf<D> = D extends ProcessDefinition<infer S, infer _C, infer _E, infer _R> ? S : never
/** The command type of a definition. */
export type CommandOf<D> = D extends ProcessDefinition<infer _S, infer C, infer _E, infer _R> ? C : never
/** The event type of a definition. */
export type EventOf<D> = D extends ProcessDefinition<infer _S, infer _C, infer E, infer _R> ? E : never
/** The refusal type of a definition. */
export type RefusalOf<D> = D extends ProcessDefinition<infer _S, infer _C, infer _E, infer R> ? R : never
