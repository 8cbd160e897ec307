import type { EffectKind, EffectRequest, ProcessEvent } from "@tixi/core"

/** What a turn decided: a command taken from the instance's inbox, or a deadline that fell due. */
export type TurnInput =
  | {
      readonly _tag: "Command"
      /** The command's position in the instance's inbox. */
      readonly position: number
      readonly command: unknown
    }
  | {
      readonly _tag: "Deadline"
      readonly key: string
      readonly dueAt: number
      /** The deadline's command, stamped with the instant it fired. */
      readonly command: unknown
    }

/** What became of one effect a turn asked for. */
export interface TurnEffect {
  readonly kind: EffectKind
  readonly key: string
  /** False when it was parked as a dead letter (see `deadLetterId`). */
  readonly performed: boolean
  /** Attempts repeated after retryable failures. */
  readonly retries: number
  readonly deadLetterId?: string | undefined
}

/**
 * What a turn decided: its input, the events and the state after them, and the effects it asks
 * for. The embedded engine knows it the moment it decides, before the turn is committed; `decide`
 * answers with it, and `observe(listener, { when: "decided" })` reports it.
 */
export interface TurnDecision {
  readonly process: string
  readonly instanceId: string
  /** The 0-based number of the turn in its instance. */
  readonly turn: number
  readonly input: TurnInput
  readonly outcome: "applied" | "no-change" | "refused"
  /** Why the process refused the command (the definition's refusal value), when it did. */
  readonly refusal: unknown
  readonly events: ReadonlyArray<ProcessEvent>
  readonly state: unknown
  readonly status: string
  readonly finished: boolean
  /** The effects the turn asks for, in the order they are performed. */
  readonly requests: ReadonlyArray<EffectRequest>
}

/**
 * One durable turn of an instance, once it is committed and its effects were performed (or
 * parked). `dispatch` answers with it, and `observe` lets a program follow every turn (a
 * projection, a test).
 */
export interface TurnRecord extends TurnDecision {
  readonly effects: ReadonlyArray<TurnEffect>
}

/** A function told of every turn; it must not throw or block (it runs on the engine's fiber). */
export type TurnListener = (turn: TurnRecord) => void

/** A function told of every decision, before the turn is committed. */
export type DecisionListener = (decision: TurnDecision) => void

/** A refusal as one line (`InvalidTransition: …`), for the inbox and `tixi status`. */
export const describeRefusal = (refusal: unknown): string => {
  if (typeof refusal === "object" && refusal !== null) {
    const tagged = refusal as { readonly _tag?: unknown; readonly message?: unknown }
    const message =
      typeof tagged.message === "string" && tagged.message.length > 0 ? tagged.message : undefined
    const tag = typeof tagged._tag === "string" ? tagged._tag : "Refusal"
    return message ? `${tag}: ${message}` : tag
  }
  return String(refusal)
}

/** The outcome of a turn as the inbox keeps it: `applied`, `no-change` or `refused: …`. */
export const inboxOutcome = (outcome: TurnRecord["outcome"], refusal: unknown): string =>
  outcome === "refused" ? `refused: ${describeRefusal(refusal)}` : outcome
