import {
  type AnyProcessDefinition,
  type EffectPorts,
  type EffectRequest,
  type ProcessEvent,
  replay,
} from "@tixi/core"
import { Clock, Deferred, Effect, FiberSet, Latch, Result, type Scope, Semaphore } from "effect"
import { SqlClient } from "effect/sql"
import { deadlineOccurrence, earliestDeadline } from "../cluster/process-workflow.ts"
import { deadLetterId } from "../engine/dead-letter-id.ts"
import {
  RuntimeStorageFailure,
  UnknownDeadLetter,
  UnknownInstance,
  UnknownProcess,
} from "../engine/errors.ts"
import type { HostedProcess } from "../engine/hosted-process.ts"
import {
  type CommandInput,
  type Delivery,
  type EngineOperations,
  hostedByName,
  makeTurnCounter,
  type ProcessRuntimeService,
} from "../engine/process-runtime.ts"
import { defaultRetryPolicy, performWithRetry, type RetryPolicy } from "../engine/retry-policy.ts"
import {
  type DecisionListener,
  inboxOutcome,
  type TurnDecision,
  type TurnInput,
  type TurnListener,
  type TurnRecord,
} from "../engine/turn-record.ts"
import { makeDeadlineScheduler } from "./deadline-scheduler.ts"
import { makeGroupCommit } from "./group-commit.ts"
import {
  type CommandWaiters,
  emptySlot,
  fillSlot,
  type InstanceSlot,
  loadInstancesSql,
  type PendingTurn,
  type QueuedCommand,
  type StoredInstance,
  slotKey,
  snapshot,
} from "./instance-slot.ts"
import type { DeadLetterRow, EventRow, InboxRow, WriteGroup } from "./write-group.ts"

/** How the embedded engine runs. */
export interface EmbeddedEngineOptions {
  readonly processes: ReadonlyArray<HostedProcess>
  readonly retryPolicy?: RetryPolicy | undefined
  /** Idle instances kept in memory (their state, inbox keys); the others are read when needed. Default 2,000. */
  readonly cacheSize?: number | undefined
  /** How far ahead deadlines are held in memory. Default 6 hours of clock time. */
  readonly timerWindowMillis?: number | undefined
  /** Instances performing effects at once (effects may wait on hosts). Default 256. */
  readonly concurrency?: number | undefined
  /** How long a turn nobody waits to acknowledge may wait for others to share its commit. Default 10 ms. */
  readonly lingerMillis?: number | undefined
  /** The state is written whole every this many turns (and when an instance finishes). Default 8. */
  readonly snapshotEvery?: number | undefined
}

/** The embedded engine, as the runtime layer uses it: most of `ProcessRuntime`, and what simulations need. */
export interface EmbeddedEngine
  extends Pick<
    ProcessRuntimeService,
    "start" | "decide" | "inspect" | "requestRetry" | "observe" | "observeDecisions" | "statistics"
  > {
  readonly dispatch: EngineOperations["dispatch"]
  readonly deliver: (
    process: string,
    instanceId: string,
    command: CommandInput,
    dedupKey: string | undefined,
  ) => Effect.Effect<Delivery, UnknownProcess | UnknownInstance | RuntimeStorageFailure>
  /** Picks up retry requests written to the database by someone else; returns how many. */
  readonly pickUpRetryRequests: Effect.Effect<number, RuntimeStorageFailure>
  /** Decides every turn due at the clock's instant. */
  readonly settle: Effect.Effect<void, RuntimeStorageFailure>
  /** Settles, then waits until every decided turn is committed and its effects performed. */
  readonly drain: Effect.Effect<void, RuntimeStorageFailure>
  readonly nextTimer: (limit: number) => Effect.Effect<number | undefined, RuntimeStorageFailure>
}

/** A turn to take: the next command, or a deadline that fell due before it. */
type Next =
  | { readonly _tag: "Command"; readonly queued: QueuedCommand }
  | {
      readonly _tag: "Deadline"
      readonly deadline: { readonly key: string; readonly dueAt: number; readonly command: unknown }
    }

const storageFailure = (operation: string) => (error: unknown) =>
  new RuntimeStorageFailure({
    operation,
    detail: error instanceof Error ? error.message : String(error),
  })

const noWaiters: CommandWaiters = { decided: undefined, performed: undefined }

let dedupCounter = 0
const freshKey = (process: string) => `local/${process}/${Date.now()}/${++dedupCounter}`

/**
 * tixi's embedded engine: one runner, instances kept in memory while in use, everything durable
 * in tixi's own tables. A turn decides the next command or due deadline with the pure definition
 * the moment it is there (the state is in memory, so no history is replayed), and queues its
 * projection, inbox outcome, events and the effects it asks for (an outbox) for the group commit,
 * which writes the turns of every instance together. Once a turn is committed its effects are
 * performed with their idempotency keys, in order per instance, and marked done with a later
 * commit. A crash loses at most turns not yet committed (their commands are in the inbox, or were
 * never acknowledged) and repeats at most effects not yet marked done (harmless: idempotent).
 * Deadlines come from the instances' indexed next deadline, so timers that fell due while the
 * runner was down fire as soon as it starts.
 */
export const makeEmbeddedEngine = (
  options: EmbeddedEngineOptions,
): Effect.Effect<EmbeddedEngine, never, SqlClient.SqlClient | EffectPorts | Scope.Scope> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const clock = yield* Clock.Clock
    const ports = yield* Effect.context<EffectPorts>()
    const retryPolicy = options.retryPolicy ?? defaultRetryPolicy
    const cacheSize = options.cacheSize ?? 2_000
    const snapshotEvery = Math.max(1, options.snapshotEvery ?? 8)
    const hosted = hostedByName(options.processes)
    const writer = yield* makeGroupCommit({ lingerMillis: options.lingerMillis })
    const permits = yield* Semaphore.make(options.concurrency ?? 256)
    // Effects run as fibers of the engine's scope, with the context it was built in (its Clock too).
    const run = yield* FiberSet.makeRuntime<never>()
    const counter = makeTurnCounter("embedded")
    const listeners = new Set<TurnListener>()
    const deciders = new Set<DecisionListener>()

    /** Instances in memory, least recently used first. */
    const slots = new Map<string, InstanceSlot>()
    // Every instance the database has: asking for one that does not exist (a new complaint) then
    // costs no query. Read once at start; the engine is the only writer.
    const stored = new Set<string>()
    for (const row of yield* Effect.orDie(
      sql<{ process: string; instance_id: string }>`SELECT process, instance_id FROM tixi_instances`,
    ))
      stored.add(slotKey(row.process, row.instance_id))
    const scheduler = makeDeadlineScheduler({
      windowMillis: options.timerWindowMillis ?? 6 * 3_600_000,
      isLive: (key) => slots.has(key),
      keyOf: slotKey,
    })
    const wakeScheduler = yield* Latch.make(false)
    let schedulerWakeAt = Number.POSITIVE_INFINITY

    /** Instances being read to take a turn, and instances performing effects. */
    const busy = { loading: 0, working: 0 }
    let waiters: Array<{ readonly done: Deferred.Deferred<void>; readonly effects: boolean }> = []
    const wakeWaiters = () => {
      if (waiters.length === 0 || busy.loading > 0) return
      const still: typeof waiters = []
      for (const waiter of waiters) {
        if (waiter.effects && busy.working > 0) still.push(waiter)
        else Deferred.doneUnsafe(waiter.done, Effect.void)
      }
      waiters = still
    }
    const until = (effects: boolean) =>
      Effect.suspend(() => {
        if (busy.loading === 0 && (!effects || busy.working === 0)) return Effect.void
        const done = Deferred.makeUnsafe<void>()
        waiters.push({ done, effects })
        return Deferred.await(done)
      })

    const now = () => clock.currentTimeMillisUnsafe()
    const withSql = <A, E>(effect: Effect.Effect<A, E, SqlClient.SqlClient>) =>
      Effect.provideService(effect, SqlClient.SqlClient, sql)
    const logDefect = (message: string, cause: unknown) => run(Effect.logError(message, cause))

    const lookup = (process: string) => {
      const entry = hosted.get(process)
      return entry ? Effect.succeed(entry.definition) : Effect.fail(new UnknownProcess({ process }))
    }

    const stamp = (command: CommandInput): { readonly type: string; readonly at: number } =>
      typeof command.at === "number" ? (command as { type: string; at: number }) : { ...command, at: now() }

    // ---- instances in memory -------------------------------------------------------------------

    const touch = (slot: InstanceSlot) => {
      slots.delete(slot.key)
      slots.set(slot.key, slot)
    }

    const evictable = (slot: InstanceSlot) =>
      !slot.working &&
      slot.unwritten === 0 &&
      slot.queue.length === 0 &&
      slot.outbox.length === 0 &&
      slot.openLetters.length === 0

    /** Writes the row of an instance whose effects are all done, so its outbox reads empty. */
    const clearOutbox = (slot: InstanceSlot, always = false) => {
      if ((!always && !slot.outboxWritten) || slot.broken) return
      slot.outboxWritten = slot.outbox.length > 0
      submitFor(slot, { instances: [snapshot(slot, false)] }, false)
    }

    /** Drops idle instances beyond the cache size, oldest first (their deadlines stay scheduled). */
    const evict = () => {
      if (slots.size <= cacheSize) return
      let budget = slots.size - cacheSize
      for (const slot of slots.values()) {
        if (budget === 0) break
        if (slot.outboxWritten) clearOutbox(slot)
        if (!evictable(slot)) continue
        slots.delete(slot.key)
        scheduler.release(slot.key)
        budget -= 1
      }
    }

    const toLoad = new Map<string, { definition: AnyProcessDefinition; instanceId: string }>()
    const loading = new Map<string, Deferred.Deferred<InstanceSlot, RuntimeStorageFailure>>()
    const wakeLoader = yield* Latch.make(false)

    // One reader takes every instance asked for meanwhile and reads them with one query.
    yield* Effect.forkScoped(
      Effect.forever(
        Effect.gen(function* () {
          yield* wakeLoader.await
          yield* Effect.yieldNow
          const batch = [...toLoad.entries()].slice(0, 200)
          for (const [key] of batch) toLoad.delete(key)
          if (toLoad.size === 0) wakeLoader.closeUnsafe()
          if (batch.length === 0) return
          const rows = yield* sql
            .unsafe<StoredInstance>(
              loadInstancesSql(batch.map(([, wanted]) => ({ process: wanted.definition.name, ...wanted }))),
            )
            .unprepared.pipe(Effect.result)
          const found = new Map<string, StoredInstance>()
          if (Result.isSuccess(rows)) {
            for (const row of rows.success) found.set(slotKey(row.process, row.instance_id), row)
          }
          for (const [key, wanted] of batch) {
            const waiter = loading.get(key)
            loading.delete(key)
            if (waiter === undefined) continue
            if (Result.isFailure(rows)) {
              Deferred.doneUnsafe(waiter, Effect.fail(storageFailure("read")(rows.failure)))
              continue
            }
            const existing = slots.get(key)
            if (existing !== undefined && !existing.broken) {
              Deferred.doneUnsafe(waiter, Effect.succeed(existing))
              continue
            }
            const slot = emptySlot(wanted.definition, wanted.instanceId)
            const stored = found.get(key)
            if (stored !== undefined) {
              try {
                fillSlot(slot, stored)
                refreshNextDeadline(slot)
              } catch (error) {
                Deferred.doneUnsafe(waiter, Effect.fail(storageFailure("read")(error)))
                continue
              }
            }
            slots.set(key, slot)
            Deferred.doneUnsafe(waiter, Effect.succeed(slot))
          }
          evict()
        }),
      ),
    )

    /** The instance in memory, read from the database when it is not (one query for many callers). */
    const getSlot = (definition: AnyProcessDefinition, instanceId: string) =>
      Effect.suspend(() => {
        const key = slotKey(definition.name, instanceId)
        const existing = slots.get(key)
        if (existing !== undefined && !existing.broken) {
          touch(existing)
          return Effect.succeed(existing)
        }
        if (!stored.has(key) && !loading.has(key)) {
          const slot = emptySlot(definition, instanceId)
          slots.set(key, slot)
          evict()
          return Effect.succeed(slot)
        }
        let waiter = loading.get(key)
        if (waiter === undefined) {
          waiter = Deferred.makeUnsafe<InstanceSlot, RuntimeStorageFailure>()
          loading.set(key, waiter)
          toLoad.set(key, { definition, instanceId })
          wakeLoader.openUnsafe()
        }
        return Deferred.await(waiter)
      })

    // ---- deadlines ---------------------------------------------------------------------------

    /** Recomputes the earliest unfired deadline of a slot from its state. */
    const refreshNextDeadline = (slot: InstanceSlot) => {
      if (slot.turn === 0 || slot.finished) {
        slot.nextDeadline = undefined
        return
      }
      const next = earliestDeadline(slot.definition.deadlines(slot.state), slot.firedDeadlines)
      slot.nextDeadline = next ? { key: next.key, dueAt: next.dueAt, command: next.command } : undefined
    }

    /** Tells the scheduler when the instance next needs a turn by its own timers. */
    const registerDeadline = (slot: InstanceSlot) => {
      const dueAt = slot.openLetters.length > 0 ? undefined : slot.nextDeadline?.dueAt
      scheduler.set(slot.process, slot.instanceId, slot.key, dueAt)
      if (dueAt !== undefined && dueAt < schedulerWakeAt) {
        schedulerWakeAt = dueAt
        wakeScheduler.openUnsafe()
      }
    }

    // ---- writing -------------------------------------------------------------------------------

    /** A slot whose write was refused no longer matches the database: forget it, fail its callers. */
    const breakSlot = (slot: InstanceSlot) => {
      if (slot.broken) return
      slot.broken = true
      if (slots.get(slot.key) === slot) slots.delete(slot.key)
      const failure = Effect.die(new Error(`${slot.process}/${slot.instanceId} could not be written`))
      for (const waiters of [
        ...slot.queue.map((queued) => queued.waiters),
        ...slot.outbox.map((pending) => pending.waiters),
      ]) {
        if (waiters?.decided) Deferred.doneUnsafe(waiters.decided, failure)
        if (waiters?.performed) Deferred.doneUnsafe(waiters.performed, failure)
      }
    }

    /**
     * Queues a group that belongs to a slot right now (groups keep the order in which the slot
     * changed) and returns what completes once it is committed. The slot stays in memory until then.
     */
    const submitFor = (slot: InstanceSlot, group: WriteGroup, urgent: boolean) => {
      slot.unwritten += 1
      return writer.submit(group, {
        urgent,
        onSettled: (failure) => {
          slot.unwritten -= 1
          if (failure) breakSlot(slot)
        },
      })
    }

    // ---- deciding ------------------------------------------------------------------------------

    const nextTurn = (slot: InstanceSlot, at: number): Next | undefined => {
      const queued = slot.queue[0]
      const deadline = slot.nextDeadline
      if (
        deadline !== undefined &&
        deadline.dueAt <= at &&
        (queued === undefined || deadline.dueAt <= queued.command.at)
      ) {
        return { _tag: "Deadline", deadline }
      }
      return queued ? { _tag: "Command", queued } : undefined
    }

    /**
     * Decides one turn: pure decide and evolve, the slot changed, the turn's writes queued and its
     * effects put in the outbox. Runs synchronously in the caller's fiber: nothing waits here.
     */
    const decideTurn = (slot: InstanceSlot, next: Next, at: number) => {
      const definition = slot.definition
      const command =
        next._tag === "Command"
          ? next.queued.command
          : { ...(next.deadline.command as object), at: Math.max(next.deadline.dueAt, at) }
      const decided = definition.decide(slot.state, command)
      const events: ReadonlyArray<ProcessEvent> = Result.isSuccess(decided) ? decided.success : []
      const turn = slot.turn
      let state = slot.state
      let sequence = slot.sequence
      const requests: Array<EffectRequest> = []
      const eventRows: Array<EventRow> = []
      for (const event of events) {
        state = replay(definition, [event], state)
        requests.push(...definition.effects(state, event, { instanceId: slot.instanceId, sequence }))
        eventRows.push({ process: slot.process, instanceId: slot.instanceId, sequence, event })
        sequence += 1
      }
      const verdict = Result.isSuccess(decided) ? (events.length === 0 ? "no-change" : "applied") : "refused"
      const refusal = Result.isFailure(decided) ? decided.failure : undefined
      slot.state = state
      slot.sequence = sequence
      slot.turn = turn + 1
      slot.status = definition.statusOf(state)
      slot.finished = definition.isFinished(state)
      slot.updatedAt = at
      slot.finishedAt = slot.finished ? at : undefined
      if (next._tag === "Deadline") slot.firedDeadlines.add(deadlineOccurrence(next.deadline))
      const listed = slot.finished ? [] : definition.deadlines(state)
      slot.firedDeadlines = new Set(
        listed.map(deadlineOccurrence).filter((occurrence) => slot.firedDeadlines.has(occurrence)),
      )
      refreshNextDeadline(slot)
      let input: TurnInput
      let waiters: CommandWaiters = noWaiters
      let urgent = false
      const inbox: Array<InboxRow> = []
      if (next._tag === "Command") {
        slot.queue.shift()
        waiters = next.queued.waiters
        urgent = next.queued.urgent
        input = { _tag: "Command", position: next.queued.position, command }
        inbox.push({
          process: slot.process,
          instanceId: slot.instanceId,
          position: next.queued.position,
          dedupKey: next.queued.dedupKey,
          command,
          receivedAt: next.queued.command.at,
          outcome: inboxOutcome(verdict, refusal),
        })
      } else {
        input = { _tag: "Deadline", key: next.deadline.key, dueAt: next.deadline.dueAt, command }
      }
      const decision: TurnDecision = {
        process: slot.process,
        instanceId: slot.instanceId,
        turn,
        input,
        outcome: verdict,
        refusal,
        events,
        state,
        status: slot.status,
        finished: slot.finished,
        requests,
      }
      const pending: PendingTurn = {
        turn,
        from: sequence - events.length,
        to: sequence,
        requests,
        decision,
        committed: undefined,
        waiters,
        results: new Map(),
      }
      slot.outbox.push(pending)
      // The state is written whole on the first turn and every few turns after; in between, the
      // events since the last snapshot rebuild it.
      const withState = (slot.turn - 1) % snapshotEvery === 0 || slot.finished
      if (withState) slot.stateSequence = slot.sequence
      slot.outboxWritten = true
      pending.committed = submitFor(
        slot,
        { instances: [snapshot(slot, withState)], inbox, events: eventRows },
        urgent || waiters.performed !== undefined,
      )
      for (const listener of deciders) {
        try {
          listener(decision)
        } catch (error) {
          logDefect("tixi: a decision listener threw", error)
        }
      }
      if (waiters.decided) Deferred.doneUnsafe(waiters.decided, Effect.succeed(decision))
    }

    /** Decides every turn the instance can take now, then lets its effects run. */
    const decideAvailable = (slot: InstanceSlot) => {
      if (!slot.exists || slot.broken) return
      try {
        while (!slot.broken && slot.openLetters.length === 0) {
          const at = now()
          const next = nextTurn(slot, at)
          if (next === undefined) break
          decideTurn(slot, next, at)
        }
      } catch (error) {
        logDefect(`tixi embedded engine: ${slot.process}/${slot.instanceId} could not decide`, error)
        breakSlot(slot)
        return
      }
      registerDeadline(slot)
      startWorker(slot)
    }

    // ---- effects -------------------------------------------------------------------------------

    const report = (record: TurnRecord) => {
      counter.count(record)
      for (const listener of listeners) {
        try {
          listener(record)
        } catch (error) {
          logDefect("tixi: a turn listener threw", error)
        }
      }
    }

    /** Performs the effects of the oldest pending turn; the failures that will not pass are parked. */
    const performTurn = (slot: InstanceSlot, pending: PendingTurn) =>
      Effect.gen(function* () {
        const parked: Array<DeadLetterRow> = []
        for (const [index, request] of pending.requests.entries()) {
          if (pending.results.has(request.key)) continue
          // After a restart, effects already parked wait for their retry; the others run again.
          if (
            slot.openLetters.some(
              (letter) => letter.turn === pending.turn && letter.request.key === request.key,
            )
          )
            continue
          const attempt = yield* performWithRetry(request, retryPolicy).pipe(Effect.provideContext(ports))
          if (attempt.ok) {
            slot.retries += attempt.retries
            pending.results.set(request.key, {
              kind: request.kind,
              key: request.key,
              performed: true,
              retries: attempt.retries,
            })
            continue
          }
          slot.retries += attempt.attempts - 1
          const id = deadLetterId(slot.process, slot.instanceId, pending.turn, index, 0)
          parked.push({
            id,
            process: slot.process,
            instanceId: slot.instanceId,
            turn: pending.turn,
            round: 0,
            request,
            error: attempt.error,
            attempts: attempt.attempts,
            status: "parked",
            parkedAt: now(),
            retryRequestedAt: undefined,
            resolvedAt: undefined,
          })
          pending.results.set(request.key, {
            kind: request.kind,
            key: request.key,
            performed: false,
            retries: attempt.attempts - 1,
            deadLetterId: id,
          })
        }
        if (parked.length > 0) {
          slot.openLetters.push(...parked)
          slot.updatedAt = now()
          registerDeadline(slot)
          yield* Deferred.await(
            submitFor(slot, { deadLetters: parked, instances: [snapshot(slot, false)] }, true),
          )
        }
      })

    /** Retries a parked effect someone asked to retry; a new failure parks it again (next round). */
    const retryLetter = (slot: InstanceSlot, pending: PendingTurn | undefined, letter: DeadLetterRow) =>
      Effect.gen(function* () {
        const attempt = yield* performWithRetry(letter.request, retryPolicy).pipe(
          Effect.provideContext(ports),
        )
        const at = now()
        const written: Array<DeadLetterRow> = []
        const index = slot.openLetters.findIndex((open) => open.id === letter.id)
        const retries = attempt.ok ? attempt.retries : attempt.attempts - 1
        slot.retries += retries
        if (attempt.ok) {
          written.push({ ...letter, status: "resolved", resolvedAt: at })
          slot.openLetters.splice(index, 1)
          pending?.results.set(letter.request.key, {
            kind: letter.request.kind,
            key: letter.request.key,
            performed: true,
            retries,
          })
        } else {
          const effectIndex = Math.max(
            0,
            (pending?.requests ?? []).findIndex((request) => request.key === letter.request.key),
          )
          const next: DeadLetterRow = {
            ...letter,
            id: deadLetterId(slot.process, slot.instanceId, letter.turn, effectIndex, letter.round + 1),
            round: letter.round + 1,
            error: attempt.error,
            attempts: attempt.attempts,
            status: "parked",
            parkedAt: at,
            retryRequestedAt: undefined,
          }
          written.push({ ...letter, status: "failed-again", resolvedAt: at }, next)
          slot.openLetters.splice(index, 1, next)
        }
        counter.countRetried(attempt.ok, letter.request.kind, retries)
        slot.updatedAt = at
        yield* Deferred.await(
          submitFor(slot, { deadLetters: written, instances: [snapshot(slot, false)] }, true),
        )
      })

    /**
     * Performs the instance's pending effects turn by turn, each once its turn is committed. A
     * parked effect stops the instance (no further decisions, no further effects) until it is
     * retried; then the turns decided meanwhile follow.
     */
    const work = (slot: InstanceSlot) =>
      Effect.gen(function* () {
        while (!slot.broken) {
          const pending = slot.outbox[0]
          if (pending === undefined) {
            const letter = slot.openLetters.find((open) => open.status !== "parked")
            if (letter === undefined) break
            yield* retryLetter(slot, undefined, letter)
            continue
          }
          if (pending.committed) yield* Deferred.await(pending.committed)
          const letters = slot.openLetters.filter((open) => open.turn === pending.turn)
          if (letters.length > 0) {
            const retry = letters.find((open) => open.status !== "parked")
            if (retry === undefined) break
            yield* retryLetter(slot, pending, retry)
            continue
          }
          yield* performTurn(slot, pending)
          const recordOf = (decision: TurnDecision): TurnRecord => ({
            ...decision,
            effects: pending.requests.flatMap((request) => {
              const result = pending.results.get(request.key)
              return result ? [result] : []
            }),
          })
          if (slot.openLetters.some((open) => open.turn === pending.turn)) {
            // A caller waiting on the turn (`dispatch`, the intake's `receive`) learns now that an
            // effect was parked, with its dead letter; it does not wait for a retry that may
            // never be asked for. Listeners hear of the turn once it is done.
            if (pending.decision && pending.waiters?.performed)
              Deferred.doneUnsafe(pending.waiters.performed, Effect.succeed(recordOf(pending.decision)))
            continue
          }
          slot.outbox.shift()
          const record: TurnRecord | undefined = pending.decision ? recordOf(pending.decision) : undefined
          if (record) {
            report(record)
            if (pending.waiters?.performed)
              Deferred.doneUnsafe(pending.waiters.performed, Effect.succeed(record))
          } else {
            for (const result of pending.results.values())
              counter.countRetried(result.performed, result.kind, result.retries)
          }
          // The outbox is not rewritten for every turn done: the instance's next turn writes it,
          // and an idle instance's is cleared when it leaves memory or the runner stops. A crash
          // in between performs the last turn's effects again, which their keys make harmless.
          // Retries are written at once (they are rare, and `tixi status` counts them).
          if ([...pending.results.values()].some((result) => result.retries > 0)) clearOutbox(slot, true)
        }
      }).pipe(
        permits.withPermits(1),
        Effect.catchCause((cause) =>
          Effect.andThen(
            Effect.logError(`tixi embedded engine: ${slot.process}/${slot.instanceId} stopped`, cause),
            Effect.sync(() => breakSlot(slot)),
          ),
        ),
        Effect.ensuring(
          Effect.sync(() => {
            slot.working = false
            busy.working -= 1
            registerDeadline(slot)
            // Turns decided or retries asked for while the worker was finishing.
            if (!slot.broken) {
              if (slot.openLetters.length === 0) decideAvailable(slot)
              else startWorker(slot)
            }
            wakeWaiters()
            evict()
          }),
        ),
      )

    const hasEffectWork = (slot: InstanceSlot) =>
      slot.outbox.length > 0 || slot.openLetters.some((letter) => letter.status !== "parked")

    /** While the engine resumes, effects wait: the instances to read and decide go first. */
    let resuming = false
    const deferredWorkers = new Set<InstanceSlot>()

    const startWorker = (slot: InstanceSlot) => {
      if (slot.working || slot.broken || !hasEffectWork(slot)) return
      if (resuming) {
        deferredWorkers.add(slot)
        return
      }
      const head = slot.outbox[0]
      // Parked, and nobody asked for a retry: nothing to do until someone does.
      if (
        head !== undefined &&
        slot.openLetters.some((letter) => letter.turn === head.turn) &&
        !slot.openLetters.some((letter) => letter.turn === head.turn && letter.status !== "parked")
      )
        return
      slot.working = true
      busy.working += 1
      run(work(slot))
    }

    /** An instance needs a look (a deadline fell due, a retry was asked for, a restart). */
    const markReady = (process: string, instanceId: string) => {
      const definition = hosted.get(process)?.definition
      if (definition === undefined) return
      const key = slotKey(process, instanceId)
      const loaded = slots.get(key)
      if (loaded !== undefined && !loaded.broken) {
        decideAvailable(loaded)
        return
      }
      busy.loading += 1
      run(
        getSlot(definition, instanceId).pipe(
          Effect.tap((slot) => Effect.sync(() => decideAvailable(slot))),
          Effect.catchCause((cause) =>
            Effect.logWarning(`tixi embedded engine: reading ${instanceId} failed`, cause),
          ),
          Effect.ensuring(
            Effect.sync(() => {
              busy.loading -= 1
              wakeWaiters()
            }),
          ),
        ),
      )
    }

    /** Marks the instances whose deadlines fell due at the clock's instant as ready. */
    const fireDue = Effect.gen(function* () {
      const due = yield* withSql(scheduler.takeDue(now()))
      for (const instance of due) markReady(instance.process, instance.instanceId)
      schedulerWakeAt = scheduler.wakeAt()
    })

    // The one scheduler: sleeps until the earliest deadline it holds (or until a turn sets an
    // earlier one), then decides the turns of the instances due.
    yield* Effect.forkScoped(
      Effect.forever(
        Effect.gen(function* () {
          wakeScheduler.closeUnsafe()
          yield* fireDue
          const delay = Math.max(0, Math.min(schedulerWakeAt - now(), 2 ** 31 - 1))
          if (delay > 0) yield* Effect.raceFirst(wakeScheduler.await, Effect.sleep(delay))
        }).pipe(
          Effect.catchCause((cause) =>
            Effect.andThen(
              Effect.logWarning("tixi embedded engine: reading deadlines failed; trying again", cause),
              Effect.sleep("1 second"),
            ),
          ),
        ),
      ),
    )

    // ---- commands ----------------------------------------------------------------------------

    /**
     * Puts a command in an instance's inbox and decides it at once when the instance is free to
     * decide; returns what completes once the command is stored (alone, or with its turn).
     */
    const accept = (
      slot: InstanceSlot,
      command: { readonly type: string; readonly at: number },
      dedupKey: string,
      waiters: CommandWaiters,
      urgent: boolean,
    ): { readonly position: number; readonly stored: Deferred.Deferred<void, RuntimeStorageFailure> } => {
      const position = slot.nextPosition
      slot.nextPosition += 1
      slot.dedupKeys.set(dedupKey, position)
      slot.queue.push({ position, dedupKey, command, waiters, urgent })
      touch(slot)
      decideAvailable(slot)
      // Decided: the command is stored with its turn.
      const pending = slot.outbox.find(
        (turn) => turn.decision?.input._tag === "Command" && turn.decision.input.position === position,
      )
      if (pending?.committed !== undefined) return { position, stored: pending.committed }
      // Not decided yet (an effect is parked): the command waits in the inbox.
      const stored = submitFor(
        slot,
        {
          inbox: [
            {
              process: slot.process,
              instanceId: slot.instanceId,
              position,
              dedupKey,
              command,
              receivedAt: command.at,
              outcome: undefined,
            },
          ],
        },
        urgent,
      )
      return { position, stored }
    }

    const create = (slot: InstanceSlot, command: { readonly type: string; readonly at: number }) => {
      stored.add(slot.key)
      slot.exists = true
      slot.startedAt = command.at
      slot.updatedAt = command.at
      slot.status = "starting"
      slot.stateSequence = 0
    }

    /** Starts an instance with its first command, or delivers to it; shared by `dispatch` and `decide`. */
    const startOrDeliver = (
      process: string,
      instanceId: string,
      input: CommandInput,
      waiters: CommandWaiters,
      urgent: boolean,
    ) =>
      Effect.gen(function* () {
        const definition = yield* lookup(process)
        const command = stamp(input)
        const slot = yield* getSlot(definition, instanceId)
        if (!slot.exists) {
          // The first turn's row creates the instance.
          create(slot, command)
          return accept(slot, command, "start", waiters, urgent)
        }
        return accept(slot, command, freshKey(process), waiters, urgent)
      })

    const start: EmbeddedEngine["start"] = (process, instanceId, input) =>
      Effect.gen(function* () {
        const definition = yield* lookup(process)
        const command = stamp(input)
        const slot = yield* getSlot(definition, instanceId)
        if (slot.exists) return { process, instanceId, position: 0, duplicate: true }
        create(slot, command)
        const { stored } = accept(slot, command, "start", noWaiters, true)
        yield* Deferred.await(stored)
        return { process, instanceId, position: 0, duplicate: false }
      })

    const deliver: EmbeddedEngine["deliver"] = (process, instanceId, input, dedupKey) =>
      Effect.gen(function* () {
        const definition = yield* lookup(process)
        const command = stamp(input)
        const slot = yield* getSlot(definition, instanceId)
        if (!slot.exists) return yield* new UnknownInstance({ process, instanceId })
        const key = dedupKey ?? freshKey(process)
        const previous = slot.dedupKeys.get(key)
        if (previous !== undefined) return { process, instanceId, position: previous, duplicate: true }
        const { position, stored } = accept(slot, command, key, noWaiters, true)
        yield* Deferred.await(stored)
        return { process, instanceId, position, duplicate: false }
      })

    const dispatch: EmbeddedEngine["dispatch"] = (process, instanceId, input) =>
      Effect.gen(function* () {
        const performed = Deferred.makeUnsafe<TurnRecord>()
        yield* startOrDeliver(process, instanceId, input, { decided: undefined, performed }, true)
        return yield* Deferred.await(performed)
      })

    const decide: EmbeddedEngine["decide"] = (process, instanceId, input) =>
      Effect.gen(function* () {
        const decided = Deferred.makeUnsafe<TurnDecision>()
        yield* startOrDeliver(process, instanceId, input, { decided, performed: undefined }, false)
        return yield* Deferred.await(decided)
      })

    const inspect: EmbeddedEngine["inspect"] = (process, instanceId) =>
      Effect.gen(function* () {
        const definition = yield* lookup(process)
        const slot = yield* getSlot(definition, instanceId)
        if (!slot.exists) return undefined
        return {
          process,
          instanceId,
          state: slot.state,
          status: slot.status,
          finished: slot.finished,
          turns: slot.turn,
          parked: slot.openLetters.length > 0,
        }
      })

    // ---- dead letters ------------------------------------------------------------------------

    const findLetter = (id: string) =>
      sql<{ process: string; instance_id: string }>`
        SELECT process, instance_id FROM tixi_dead_letters WHERE id = ${id}
      `.pipe(Effect.mapError(storageFailure("retry")))

    const requestRetry: EmbeddedEngine["requestRetry"] = (id) =>
      Effect.gen(function* () {
        const [row] = yield* findLetter(id)
        const definition = row ? hosted.get(row.process)?.definition : undefined
        if (row === undefined || definition === undefined) return yield* new UnknownDeadLetter({ id })
        const slot = yield* getSlot(definition, row.instance_id)
        const index = slot.openLetters.findIndex((letter) => letter.id === id && letter.status === "parked")
        if (index < 0) return yield* new UnknownDeadLetter({ id })
        const letter: DeadLetterRow = {
          ...slot.openLetters[index]!,
          status: "retry-requested",
          retryRequestedAt: now(),
        }
        slot.openLetters[index] = letter
        yield* Deferred.await(submitFor(slot, { deadLetters: [letter] }, true))
        startWorker(slot)
      })

    const pickUpRetryRequests: EmbeddedEngine["pickUpRetryRequests"] = Effect.gen(function* () {
      const rows = yield* sql<{ id: string; process: string; instance_id: string }>`
        SELECT id, process, instance_id FROM tixi_dead_letters WHERE status = 'retry-requested'
      `.pipe(Effect.mapError(storageFailure("pump")))
      let picked = 0
      for (const row of rows) {
        const definition = hosted.get(row.process)?.definition
        if (definition === undefined) continue
        const slot = yield* getSlot(definition, row.instance_id)
        const index = slot.openLetters.findIndex(
          (letter) => letter.id === row.id && letter.status === "parked",
        )
        if (index < 0) continue
        slot.openLetters[index] = { ...slot.openLetters[index]!, status: "retry-requested" }
        startWorker(slot)
        picked += 1
      }
      return picked
    })

    // ---- start-up ----------------------------------------------------------------------------

    // Instances a crash (or a stop) interrupted: commands not yet taken, effects not known to be
    // done, retries asked for, and deadlines that fell due while the runner was down. They are read
    // and their turns decided before the engine counts as started, so a restarted runner has fired
    // its overdue timers by the time it serves.
    yield* Effect.gen(function* () {
      const interrupted = yield* sql<{ process: string; instance_id: string }>`
        SELECT DISTINCT process, instance_id FROM tixi_inbox WHERE outcome IS NULL
        UNION SELECT process, instance_id FROM tixi_instances WHERE pending_effects IS NOT NULL
        UNION SELECT process, instance_id FROM tixi_dead_letters WHERE status IN ('retry-requested', 'retrying')
      `
      const due = yield* withSql(scheduler.takeDue(now()))
      // Overdue timers first: they are read (and fired) before anything else.
      const keys = new Map<string, { readonly process: string; readonly instanceId: string }>()
      for (const instance of due) keys.set(slotKey(instance.process, instance.instanceId), instance)
      for (const row of interrupted) {
        const key = slotKey(row.process, row.instance_id)
        if (!keys.has(key)) keys.set(key, { process: row.process, instanceId: row.instance_id })
      }
      resuming = true
      yield* Effect.forEach(
        keys.values(),
        ({ process, instanceId }) => {
          const definition = hosted.get(process)?.definition
          return definition === undefined
            ? Effect.void
            : Effect.map(getSlot(definition, instanceId), (slot) => decideAvailable(slot))
        },
        { concurrency: "unbounded", discard: true },
      )
      schedulerWakeAt = scheduler.wakeAt()
    }).pipe(
      Effect.catchCause((cause) => Effect.logError("tixi embedded engine: resuming failed", cause)),
      // Effects wait until every resumed turn is decided, so reading instances goes first.
      Effect.ensuring(
        Effect.sync(() => {
          resuming = false
          for (const slot of deferredWorkers) startWorker(slot)
          deferredWorkers.clear()
        }),
      ),
    )

    // What is queued is committed before the runner stops, with the outboxes that are done.
    yield* Effect.addFinalizer(() =>
      Effect.suspend(() => {
        for (const slot of slots.values()) clearOutbox(slot)
        return Effect.ignore(Effect.timeout(writer.flushed, "5 seconds"))
      }),
    )

    const settle = Effect.gen(function* () {
      yield* fireDue.pipe(Effect.mapError(storageFailure("settle")))
      while (busy.loading > 0) {
        yield* until(false)
        yield* fireDue.pipe(Effect.mapError(storageFailure("settle")))
      }
    })

    return {
      start,
      deliver,
      dispatch,
      decide,
      inspect,
      requestRetry,
      pickUpRetryRequests,
      observe: (listener) =>
        Effect.acquireRelease(
          Effect.sync(() => listeners.add(listener)),
          () => Effect.sync(() => listeners.delete(listener)),
        ),
      observeDecisions: (listener) =>
        Effect.acquireRelease(
          Effect.sync(() => deciders.add(listener)),
          () => Effect.sync(() => deciders.delete(listener)),
        ),
      statistics: Effect.sync(() => counter.snapshot(writer.statistics().transactions)),
      settle,
      drain: Effect.gen(function* () {
        while (true) {
          yield* settle
          yield* writer.flushed
          yield* until(true)
          if (busy.loading === 0 && busy.working === 0) return
        }
      }),
      nextTimer: (limit) =>
        withSql(scheduler.earliestBefore(Math.min(limit, Number.MAX_SAFE_INTEGER))).pipe(
          Effect.mapError(storageFailure("timers")),
        ),
    } satisfies EmbeddedEngine
  })
