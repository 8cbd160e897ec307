import { Clock, Effect, Result } from "effect"
import type { PortFailure } from "../errors/port-failure.ts"
import type { Instant } from "../time/instant.ts"
import type {
  CommandOf,
  Deadline,
  EventOf,
  ProcessDefinition,
  ProcessEvent,
  RefusalOf,
  StateOf,
  Unstamped,
} from "./definition.ts"
import type { EffectKind, EffectRequest } from "./effect-request.ts"
import { type EffectPorts, performEffect } from "./perform-effect.ts"
import { PriorityQueue } from "./priority-queue.ts"
import type { Handled } from "./replay.ts"

/** One process instance as the runner holds it: its state and its whole event log. */
export interface RunnerInstance<State, Event> {
  readonly instanceId: string
  readonly state: State
  readonly events: ReadonlyArray<Event>
  readonly status: string
  readonly finished: boolean
}

/**
 * An effect the runner could not perform: a non-retryable port failure, or a retryable one that
 * kept failing. Kept in view (never dropped) so someone can fix the cause and perform it again.
 */
export interface DeadLetter {
  readonly instanceId: string
  /** The sequence number of the event that asked for the effect. */
  readonly sequence: number
  readonly request: EffectRequest
  readonly error: PortFailure
  readonly attempts: number
  readonly at: Instant
}

/** A deadline the runner waits on. */
export interface PendingDeadline {
  readonly instanceId: string
  readonly key: string
  readonly dueAt: Instant
}

/** What the runner has done, for reports and tests. */
export interface RunnerStatistics {
  readonly commands: number
  readonly refusals: number
  readonly events: number
  readonly deadlinesFired: number
  /** Deadlines whose command the process refused when they fired (the state had moved on). */
  readonly staleDeadlines: number
  readonly effectsPerformed: Readonly<Partial<Record<EffectKind, number>>>
  /** Attempts repeated after a retryable port failure. */
  readonly effectRetries: number
  readonly deadLetters: number
}

/** How the runner performs effects. */
export interface InMemoryRunnerOptions {
  /**
   * Attempts per effect when the port fails with a retryable failure (rate limit, outage);
   * default 3. Retries are immediate: the runner never sleeps, so it runs under a simulated clock.
   */
  readonly maxAttempts?: number
}

/**
 * Runs process definitions in memory, without the durable runtime: it keeps each instance's state
 * and event log, decides commands stamped with Effect's `Clock`, performs the effects through the
 * ports (retrying retryable failures, keeping the others as dead letters), and keeps the
 * deadlines in a priority queue that fires them as the clock advances. Under a simulated clock
 * (`TestClock`), `advanceTo` steps from deadline to deadline, so ninety days run in seconds.
 */
export interface InMemoryRunner<
  State,
  Command extends { readonly type: string; readonly at: Instant },
  Event extends ProcessEvent,
  Refusal,
> {
  readonly definition: ProcessDefinition<State, Command, Event, Refusal>
  /**
   * Decides a command for an instance (created on its first command), stamped with the clock's
   * current instant; folds and stores the events, performs their effects, reschedules deadlines.
   */
  dispatch(
    instanceId: string,
    command: Unstamped<Command>,
  ): Effect.Effect<Result.Result<Handled<State, Event>, Refusal>, never, EffectPorts>
  /** Fires every deadline due at or before the clock's current instant; returns how many fired. */
  fireDue(): Effect.Effect<number, never, EffectPorts>
  /**
   * Moves a simulated clock to `target`, stopping at each deadline on the way (set with `setTime`,
   * e.g. `TestClock.setTime`) so each fires at its own instant; returns how many fired.
   */
  advanceTo(
    target: Instant,
    setTime: (at: Instant) => Effect.Effect<void>,
  ): Effect.Effect<number, never, EffectPorts>
  /** The earliest deadline waiting, if any. */
  nextDeadlineAt(): Instant | undefined
  instance(instanceId: string): RunnerInstance<State, Event> | undefined
  instances(): ReadonlyArray<RunnerInstance<State, Event>>
  /** The deadlines waiting, of one instance or all, earliest first. */
  pendingDeadlines(instanceId?: string): ReadonlyArray<PendingDeadline>
  deadLetters(): ReadonlyArray<DeadLetter>
  statistics(): RunnerStatistics
}

/** A runner for a definition's types. */
export type InMemoryRunnerOf<D> = InMemoryRunner<StateOf<D>, CommandOf<D>, EventOf<D>, RefusalOf<D>>

interface Scheduled<Command> {
  readonly dueAt: Instant
  readonly generation: number
  readonly command: Unstamped<Command>
  fired: boolean
}

interface HeapEntry {
  readonly dueAt: Instant
  readonly order: number
  readonly instanceId: string
  readonly key: string
  readonly generation: number
}

const before = (left: HeapEntry, right: HeapEntry) =>
  left.dueAt < right.dueAt || (left.dueAt === right.dueAt && left.order < right.order)

interface MutableInstance<State, Event> {
  state: State
  readonly events: Array<Event>
}

/** Builds an in-memory runner for one process definition. */
export function makeInMemoryRunner<
  State,
  Command extends { readonly type: string; readonly at: Instant },
  Event extends ProcessEvent,
  Refusal,
>(
  definition: ProcessDefinition<State, Command, Event, Refusal>,
  options: InMemoryRunnerOptions = {},
): InMemoryRunner<State, Command, Event, Refusal> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3)
  const instances = new Map<string, MutableInstance<State, Event>>()
  const schedules = new Map<string, Map<string, Scheduled<Command>>>()
  const heap = new PriorityQueue<HeapEntry>(before)
  const deadLetters: Array<DeadLetter> = []
  const performed: Partial<Record<EffectKind, number>> = {}
  let order = 0
  let generation = 0
  let commands = 0
  let refusals = 0
  let eventCount = 0
  let deadlinesFired = 0
  let staleDeadlines = 0
  let effectRetries = 0

  const reschedule = (instanceId: string, state: State) => {
    const current = schedules.get(instanceId) ?? new Map<string, Scheduled<Command>>()
    const listed: ReadonlyArray<Deadline<Command>> = definition.deadlines(state)
    const keep = new Set<string>()
    for (const deadline of listed) {
      keep.add(deadline.key)
      const existing = current.get(deadline.key)
      if (existing && existing.dueAt === deadline.dueAt) continue
      const scheduled: Scheduled<Command> = {
        dueAt: deadline.dueAt,
        generation: ++generation,
        command: deadline.command,
        fired: false,
      }
      current.set(deadline.key, scheduled)
      heap.push({
        dueAt: deadline.dueAt,
        order: ++order,
        instanceId,
        key: deadline.key,
        generation: scheduled.generation,
      })
    }
    for (const key of current.keys()) if (!keep.has(key)) current.delete(key)
    if (current.size === 0) schedules.delete(instanceId)
    else schedules.set(instanceId, current)
  }

  const performAll = (instanceId: string, sequence: number, requests: ReadonlyArray<EffectRequest>) =>
    Effect.gen(function* () {
      for (const request of requests) {
        for (let attempt = 1; ; attempt++) {
          const outcome = yield* Effect.result(performEffect(request))
          if (Result.isSuccess(outcome)) {
            performed[request.kind] = (performed[request.kind] ?? 0) + 1
            break
          }
          const error = outcome.failure
          if (error.isRetryable && attempt < maxAttempts) {
            effectRetries += 1
            continue
          }
          deadLetters.push({
            instanceId,
            sequence,
            request,
            error,
            attempts: attempt,
            at: yield* Clock.currentTimeMillis,
          })
          break
        }
      }
    })

  const decideAt = (instanceId: string, command: Command) =>
    Effect.gen(function* () {
      commands += 1
      const instance = instances.get(instanceId) ?? { state: definition.initialState, events: [] }
      const decided = definition.decide(instance.state, command)
      if (Result.isFailure(decided)) {
        refusals += 1
        return Result.fail(decided.failure) as Result.Result<Handled<State, Event>, Refusal>
      }
      if (!instances.has(instanceId)) instances.set(instanceId, instance)
      const produced = decided.success
      let state = instance.state
      for (const event of produced) {
        const sequence = instance.events.length
        state = definition.evolve(state, event)
        instance.state = state
        instance.events.push(event)
        eventCount += 1
        yield* performAll(instanceId, sequence, definition.effects(state, event, { instanceId, sequence }))
      }
      reschedule(instanceId, state)
      return Result.succeed({ events: produced, state }) as Result.Result<Handled<State, Event>, Refusal>
    })

  const fireDue = () =>
    Effect.gen(function* () {
      const now = yield* Clock.currentTimeMillis
      let fired = 0
      for (let top = heap.peek(); top !== undefined && top.dueAt <= now; top = heap.peek()) {
        heap.pop()
        const scheduled = schedules.get(top.instanceId)?.get(top.key)
        if (scheduled === undefined || scheduled.generation !== top.generation || scheduled.fired) continue
        scheduled.fired = true
        fired += 1
        deadlinesFired += 1
        const outcome = yield* decideAt(top.instanceId, {
          ...scheduled.command,
          at: now,
        } as unknown as Command)
        if (Result.isFailure(outcome)) {
          refusals -= 1
          staleDeadlines += 1
        }
      }
      return fired
    })

  const live = (entry: HeapEntry) => {
    const scheduled = schedules.get(entry.instanceId)?.get(entry.key)
    return scheduled !== undefined && scheduled.generation === entry.generation && !scheduled.fired
  }

  const nextDeadlineAt = (): Instant | undefined => {
    for (let top = heap.peek(); top !== undefined; top = heap.peek()) {
      if (live(top)) return top.dueAt
      heap.pop()
    }
    return undefined
  }

  const view = (
    instanceId: string,
    instance: MutableInstance<State, Event>,
  ): RunnerInstance<State, Event> => ({
    instanceId,
    state: instance.state,
    events: instance.events,
    status: definition.statusOf(instance.state),
    finished: definition.isFinished(instance.state),
  })

  return {
    definition,
    dispatch: (instanceId, command) =>
      Effect.gen(function* () {
        const at = yield* Clock.currentTimeMillis
        return yield* decideAt(instanceId, { ...command, at } as unknown as Command)
      }),
    fireDue,
    advanceTo: (target, setTime) =>
      Effect.gen(function* () {
        let fired = 0
        for (let next = nextDeadlineAt(); next !== undefined && next <= target; next = nextDeadlineAt()) {
          const now = yield* Clock.currentTimeMillis
          if (next > now) yield* setTime(next)
          fired += yield* fireDue()
        }
        const now = yield* Clock.currentTimeMillis
        if (target > now) yield* setTime(target)
        return fired + (yield* fireDue())
      }),
    nextDeadlineAt,
    instance: (instanceId) => {
      const instance = instances.get(instanceId)
      return instance === undefined ? undefined : view(instanceId, instance)
    },
    instances: () => [...instances.entries()].map(([instanceId, instance]) => view(instanceId, instance)),
    pendingDeadlines: (instanceId) => {
      const out: Array<PendingDeadline> = []
      for (const [id, scheduled] of schedules) {
        if (instanceId !== undefined && id !== instanceId) continue
        for (const [key, entry] of scheduled)
          if (!entry.fired) out.push({ instanceId: id, key, dueAt: entry.dueAt })
      }
      return out.sort((left, right) => left.dueAt - right.dueAt || (left.key < right.key ? -1 : 1))
    },
    deadLetters: () => [...deadLetters],
    statistics: () => ({
      commands,
      refusals,
      events: eventCount,
      deadlinesFired,
      staleDeadlines,
      effectsPerformed: { ...performed },
      effectRetries,
      deadLetters: deadLetters.length,
    }),
  }
}
