import type { EffectKind, EffectPorts, PortFailure, PostNotHeld, UnknownActor } from "@tixi/core"
import { Context, Effect, type Scope } from "effect"
import type { RuntimeStorageFailure, UnknownDeadLetter, UnknownInstance, UnknownProcess } from "./errors.ts"
import type { HostedProcess, InboundEvent, ProcessInstances } from "./hosted-process.ts"
import type { RetryPolicy } from "./retry-policy.ts"
import type { DecisionListener, TurnDecision, TurnListener, TurnRecord } from "./turn-record.ts"

/** Where a command landed: its instance's inbox position, or that it had arrived before. */
export interface Delivery {
  readonly process: string
  readonly instanceId: string
  readonly position: number
  /** True when the same command (same de-duplication key) had already been delivered. */
  readonly duplicate: boolean
}

/** What became of an inbound event for one process that routed it. */
export type RoutedDelivery =
  | { readonly _tag: "Delivered"; readonly delivery: Delivery }
  | {
      readonly _tag: "Rejected"
      readonly process: string
      readonly instanceId: string
      readonly reason: string
    }
  | {
      /** A process's `receive` took it in (read, decided, dispatched, or found nothing to do). */
      readonly _tag: "Received"
      readonly process: string
      readonly instanceId?: string | undefined
      readonly detail: string
    }

/** Commands may arrive without their instant; the runtime stamps them with the Clock. */
export type CommandInput = { readonly type: string; readonly at?: number } & Record<string, unknown>

/** Which engine runs the instances: the embedded one (one runner) or Effect Cluster's (several). */
export type EngineKind = "embedded" | "cluster"

/** What the runtime has done since it started, for reports and `tixi demo`. */
export interface RuntimeStatistics {
  readonly engine: EngineKind
  /** Durable turns taken on this runner. */
  readonly turns: number
  /** Turns that decided a command from an inbox. */
  readonly commands: number
  /** Turns that decided a deadline. */
  readonly deadlinesFired: number
  /** Commands (and deadlines) the process refused. */
  readonly refusals: number
  readonly events: number
  readonly effectsPerformed: Readonly<Partial<Record<EffectKind, number>>>
  /** Attempts repeated after retryable failures. */
  readonly effectRetries: number
  readonly deadLetters: number
  /**
   * Database transactions the engine committed for those turns (the embedded engine commits many
   * turns together); undefined where the engine does not count them.
   */
  readonly transactions: number | undefined
}

/** An instance as it stands: the state its last decided turn left it in. */
export interface InstanceView {
  readonly process: string
  readonly instanceId: string
  readonly state: unknown
  readonly status: string
  readonly finished: boolean
  /** Turns taken so far. */
  readonly turns: number
  /** An effect of it is parked as a dead letter. */
  readonly parked: boolean
}

/** The runtime's operations on process instances. */
export interface ProcessRuntimeService {
  readonly engine: EngineKind
  readonly processes: ReadonlyArray<HostedProcess>
  /** Starts an instance with its first command; starting it again changes nothing. */
  readonly start: (
    process: string,
    instanceId: string,
    command: CommandInput,
  ) => Effect.Effect<
    Delivery,
    UnknownProcess | RuntimeStorageFailure | UnknownActor | PostNotHeld | PortFailure
  >
  /**
   * Appends a command to an instance's inbox and wakes it; returns once the command is stored.
   * `dedupKey` (by default a fresh key) makes redelivery of the same command a no-op; vendor
   * callbacks use `source/eventId`. A finished instance still takes commands: its definition
   * decides them (a closed complaint can be reopened; anything else is refused and recorded).
   */
  readonly deliver: (
    process: string,
    instanceId: string,
    command: CommandInput,
    options?: { readonly dedupKey?: string },
  ) => Effect.Effect<
    Delivery,
    UnknownProcess | UnknownInstance | RuntimeStorageFailure | UnknownActor | PostNotHeld | PortFailure
  >
  /**
   * Delivers a command (starting the instance when it does not exist yet) and waits for the turn
   * that decides it: what it decided, the state after it, the effects performed. An effect parked
   * as a dead letter is answered as not performed, with its dead letter id, without waiting for
   * its retry. For callers that act on the answer, as a person at a screen does.
   */
  readonly dispatch: (
    process: string,
    instanceId: string,
    command: CommandInput,
  ) => Effect.Effect<
    TurnRecord,
    UnknownProcess | RuntimeStorageFailure | UnknownActor | PostNotHeld | PortFailure
  >
  /**
   * Delivers a command like `dispatch` but answers as soon as the turn is decided, before it is
   * committed and before its effects are performed (those follow in order, as for every turn).
   * For drivers that act on decisions at a high rate, such as simulations: their turns share
   * commits instead of each waiting for its own. The cluster engine decides in the workflow and
   * answers once the turn is recorded.
   */
  readonly decide: (
    process: string,
    instanceId: string,
    command: CommandInput,
  ) => Effect.Effect<
    TurnDecision,
    UnknownProcess | RuntimeStorageFailure | UnknownActor | PostNotHeld | PortFailure
  >
  /** The instance as it stands now, or undefined when it was never started. */
  readonly inspect: (
    process: string,
    instanceId: string,
  ) => Effect.Effect<InstanceView | undefined, UnknownProcess | RuntimeStorageFailure>
  /**
   * Routes an inbound event through every hosted process's `route` (delivering it where it
   * belongs) and `receive` (which may read the host first). A `PortFailure` comes from a
   * `receive` that could not read or write the host.
   */
  readonly routeEvent: (
    event: InboundEvent,
  ) => Effect.Effect<ReadonlyArray<RoutedDelivery>, RuntimeStorageFailure | PortFailure>
  /** Asks for a parked dead letter to be retried; the instance resumes right away. */
  readonly requestRetry: (
    deadLetterId: string,
  ) => Effect.Effect<void, UnknownDeadLetter | RuntimeStorageFailure>
  /** Re-signals commands and retry requests a crash may have left unsignalled; returns how many. */
  readonly pump: Effect.Effect<number, RuntimeStorageFailure>
  /** Tells `listener` of every turn taken on this runner, once performed, until the scope closes. */
  readonly observe: (listener: TurnListener) => Effect.Effect<void, never, Scope.Scope>
  /** Tells `listener` of every decision taken on this runner, before it is committed. */
  readonly observeDecisions: (listener: DecisionListener) => Effect.Effect<void, never, Scope.Scope>
  readonly statistics: Effect.Effect<RuntimeStatistics>
}

/**
 * The engine's own operations, as `routeThrough` uses them: commands routed from inbound events
 * carry actors the intake already resolved, so they do not go through the directory again.
 */
export interface EngineOperations {
  readonly start: (
    process: string,
    instanceId: string,
    command: CommandInput,
  ) => Effect.Effect<Delivery, UnknownProcess | RuntimeStorageFailure>
  readonly deliver: (
    process: string,
    instanceId: string,
    command: CommandInput,
    options?: { readonly dedupKey?: string },
  ) => Effect.Effect<Delivery, UnknownProcess | UnknownInstance | RuntimeStorageFailure>
  readonly dispatch: (
    process: string,
    instanceId: string,
    command: CommandInput,
  ) => Effect.Effect<TurnRecord, UnknownProcess | RuntimeStorageFailure>
  readonly inspect: ProcessRuntimeService["inspect"]
}

/** The process runtime service. */
export class ProcessRuntime extends Context.Service<ProcessRuntime, ProcessRuntimeService>()(
  "@tixi/runtime/ProcessRuntime",
) {}

/** Options of the process runtime, whichever engine runs it. */
export interface ProcessRuntimeOptions {
  readonly processes: ReadonlyArray<HostedProcess>
  readonly retryPolicy?: RetryPolicy | undefined
  /** How often stored but unsignalled commands and retry requests are looked for (default 1 s). */
  readonly pumpIntervalMillis?: number | undefined
}

/** The hosted processes by name. */
export const hostedByName = (processes: ReadonlyArray<HostedProcess>): ReadonlyMap<string, HostedProcess> => {
  const byName = new Map<string, HostedProcess>()
  for (const hosted of processes) {
    if (byName.has(hosted.definition.name)) {
      throw new Error(`two hosted processes are named ${JSON.stringify(hosted.definition.name)}`)
    }
    byName.set(hosted.definition.name, hosted)
  }
  return byName
}

/**
 * Routes an inbound event through every hosted process: `route` delivers it with the
 * de-duplication key `source/eventId` (an instance that does not exist rejects it); `receive`
 * takes it in with the runtime's own `inspect` and `dispatch`, on the host ports the engine was
 * built with.
 */
export const routeThrough = (
  processes: ReadonlyArray<HostedProcess>,
  operations: Pick<EngineOperations, "deliver" | "dispatch" | "inspect">,
  ports: Context.Context<EffectPorts>,
) => {
  // One view per process for the runtime's life: a `receive` may keep what it learns per view,
  // and a view never outlives the engine it reads.
  const views = new Map<string, ProcessInstances>()
  const instancesOf = (process: string): ProcessInstances => {
    let view = views.get(process)
    if (view === undefined) {
      view = {
        inspect: (instanceId) =>
          operations.inspect(process, instanceId).pipe(Effect.catchTag("UnknownProcess", Effect.die)),
        dispatch: (instanceId, command) =>
          operations
            .dispatch(process, instanceId, command)
            .pipe(Effect.catchTag("UnknownProcess", Effect.die)),
      }
      views.set(process, view)
    }
    return view
  }
  return (
    event: InboundEvent,
  ): Effect.Effect<ReadonlyArray<RoutedDelivery>, RuntimeStorageFailure | PortFailure> =>
    Effect.gen(function* () {
      const outcomes: Array<RoutedDelivery> = []
      for (const hosted of processes) {
        const process = hosted.definition.name
        if (hosted.receive) {
          const instances = instancesOf(process)
          const received = yield* hosted.receive(event, instances).pipe(Effect.provideContext(ports))
          for (const reception of received ?? [])
            outcomes.push({
              _tag: "Received",
              process,
              instanceId: reception.instanceId,
              detail: reception.detail,
            })
        }
        const target = hosted.route?.(event)
        if (target === undefined) continue
        const rejected = (error: { readonly message: string }) =>
          Effect.succeed<RoutedDelivery>({
            _tag: "Rejected",
            process,
            instanceId: target.instanceId,
            reason: error.message,
          })
        const delivered = yield* operations
          .deliver(process, target.instanceId, target.command as CommandInput, {
            dedupKey: `${event.source}/${event.id}`,
          })
          .pipe(
            Effect.map((delivery): RoutedDelivery => ({ _tag: "Delivered", delivery })),
            Effect.catchTags({
              UnknownInstance: rejected,
              UnknownProcess: (error) => Effect.die(error),
            }),
          )
        outcomes.push(delivered)
      }
      return outcomes
    })
}

/** Counts turns as `RuntimeStatistics` does, for engines that report turns to listeners. */
export const makeTurnCounter = (engine: EngineKind) => {
  const effectsPerformed: Partial<Record<EffectKind, number>> = {}
  const counts = { turns: 0, commands: 0, deadlinesFired: 0, refusals: 0, events: 0, retries: 0, letters: 0 }
  return {
    count: (turn: TurnRecord) => {
      counts.turns += 1
      if (turn.input._tag === "Command") counts.commands += 1
      else counts.deadlinesFired += 1
      if (turn.outcome === "refused") counts.refusals += 1
      counts.events += turn.events.length
      for (const effect of turn.effects) {
        counts.retries += effect.retries
        if (effect.performed) effectsPerformed[effect.kind] = (effectsPerformed[effect.kind] ?? 0) + 1
        else counts.letters += 1
      }
    },
    /** Retries and dead letters of effects performed again after `tixi retry`. */
    countRetried: (performed: boolean, kind: EffectKind, retries: number) => {
      counts.retries += retries
      if (performed) effectsPerformed[kind] = (effectsPerformed[kind] ?? 0) + 1
      else counts.letters += 1
    },
    snapshot: (transactions: number | undefined): RuntimeStatistics => ({
      engine,
      turns: counts.turns,
      commands: counts.commands,
      deadlinesFired: counts.deadlinesFired,
      refusals: counts.refusals,
      events: counts.events,
      effectsPerformed: { ...effectsPerformed },
      effectRetries: counts.retries,
      deadLetters: counts.letters,
      transactions,
    }),
  }
}
