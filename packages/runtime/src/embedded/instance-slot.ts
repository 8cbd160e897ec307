import { type AnyProcessDefinition, type EffectRequest, type ProcessEvent, replay } from "@tixi/core"
import type { Deferred } from "effect"
import type { RuntimeStorageFailure } from "../engine/errors.ts"
import type { TurnDecision, TurnEffect, TurnRecord } from "../engine/turn-record.ts"
import { quote, rowLiteral } from "./sql-literal.ts"
import type { DeadLetterRow, InstanceRow, PendingEffects } from "./write-group.ts"

/** Who waits for a command: its caller, at the moment it decided, or once performed. */
export interface CommandWaiters {
  readonly decided: Deferred.Deferred<TurnDecision> | undefined
  readonly performed: Deferred.Deferred<TurnRecord> | undefined
}

/** A command waiting in an instance's inbox (decisions wait while an effect is parked). */
export interface QueuedCommand {
  readonly position: number
  readonly dedupKey: string
  readonly command: { readonly type: string; readonly at: number }
  readonly waiters: CommandWaiters
  /** Somebody waits for the command to be stored: its turn is committed at once. */
  readonly urgent: boolean
}

/** A decided turn whose effects are not all done yet (the in-memory side of the outbox). */
export interface PendingTurn {
  readonly turn: number
  /** The sequences of the turn's events: `from` to `to`, exclusive. */
  readonly from: number
  readonly to: number
  readonly requests: ReadonlyArray<EffectRequest>
  /** Undefined for turns read back after a restart: what they decided is in the past. */
  readonly decision: TurnDecision | undefined
  /** Completes once the turn is committed (undefined for turns read back: they are). */
  committed: Deferred.Deferred<void, RuntimeStorageFailure> | undefined
  readonly waiters: CommandWaiters | undefined
  /** The effects performed so far, by idempotency key. */
  readonly results: Map<string, TurnEffect>
}

/**
 * An instance as the embedded engine holds it in memory while it is in use: its state (so a turn
 * never replays history), the commands waiting in its inbox, the keys it has seen, the turns whose
 * effects are on their way, and its open dead letters. The database has all of it; an idle slot
 * is dropped and read again when needed.
 */
export interface InstanceSlot {
  readonly process: string
  readonly instanceId: string
  readonly key: string
  readonly definition: AnyProcessDefinition
  /** False for an instance that was never started (kept only while a caller looks at it). */
  exists: boolean
  version: number
  state: unknown
  status: string
  finished: boolean
  sequence: number
  turn: number
  /** The sequence at which the state was last written whole. */
  stateSequence: number
  nextPosition: number
  startedAt: number
  updatedAt: number
  finishedAt: number | undefined
  retries: number
  /** Deadline occurrences (`key@dueAt`) that fired and are still listed. */
  firedDeadlines: Set<string>
  /** The earliest deadline not yet fired. */
  nextDeadline: { readonly key: string; readonly dueAt: number; readonly command: unknown } | undefined
  /** Decided turns whose effects are not all done, oldest first; effects run in this order. */
  readonly outbox: Array<PendingTurn>
  /** The stored row may list effects that are done since (cleared lazily). */
  outboxWritten: boolean
  /** Dead letters of the oldest pending turn, not yet resolved, in effect order. */
  openLetters: Array<DeadLetterRow>
  /** Unconsumed commands, by position. */
  readonly queue: Array<QueuedCommand>
  /** Every de-duplication key delivered, with its position. */
  readonly dedupKeys: Map<string, number>
  /** A fiber is performing this instance's effects. */
  working: boolean
  /** Groups queued for this instance and not yet committed; an instance is dropped only at zero. */
  unwritten: number
  /** The slot no longer matches the database (a write was refused); it is read again when needed. */
  broken: boolean
}

/** The key of an instance in the engine's maps. */
export const slotKey = (process: string, instanceId: string) => `${process}\u0000${instanceId}`

/** A slot for an instance that does not exist (yet). */
export function emptySlot(definition: AnyProcessDefinition, instanceId: string): InstanceSlot {
  return {
    process: definition.name,
    instanceId,
    key: slotKey(definition.name, instanceId),
    definition,
    exists: false,
    version: definition.version,
    state: definition.initialState,
    status: "starting",
    finished: false,
    sequence: 0,
    turn: 0,
    stateSequence: 0,
    nextPosition: 0,
    startedAt: 0,
    updatedAt: 0,
    finishedAt: undefined,
    retries: 0,
    firedDeadlines: new Set(),
    nextDeadline: undefined,
    outbox: [],
    outboxWritten: false,
    openLetters: [],
    queue: [],
    dedupKeys: new Map(),
    working: false,
    unwritten: 0,
    broken: false,
  }
}

/** The outbox as the instance row keeps it: the turns with effects not known to be done. */
export const pendingEffects = (slot: InstanceSlot): ReadonlyArray<PendingEffects> =>
  slot.outbox
    .filter((pending) => pending.requests.length > 0)
    .map((pending) => ({ turn: pending.turn, from: pending.from, to: pending.to }))

/**
 * The row of a slot as it stands now (taken right after the slot changed, so rows reach the
 * database in the order the slot changed). `withState` writes the state whole (a snapshot).
 */
export function snapshot(slot: InstanceSlot, withState: boolean): InstanceRow {
  return {
    process: slot.process,
    instanceId: slot.instanceId,
    version: slot.version,
    status: slot.status,
    finished: slot.finished,
    parked: slot.openLetters.length > 0,
    state: withState ? { value: slot.turn === 0 ? null : slot.state, sequence: slot.sequence } : undefined,
    sequence: slot.sequence,
    turn: slot.turn,
    nextPosition: slot.nextPosition,
    nextDeadline: slot.nextDeadline
      ? { key: slot.nextDeadline.key, dueAt: slot.nextDeadline.dueAt }
      : undefined,
    retries: slot.retries,
    startedAt: slot.startedAt,
    updatedAt: slot.updatedAt,
    finishedAt: slot.finishedAt,
    pendingEffects: pendingEffects(slot),
    firedDeadlines: [...slot.firedDeadlines],
  }
}

/** What reading an instance returns: its row, its inbox, its open dead letters, the events to replay. */
export interface StoredInstance {
  readonly process: string
  readonly instance_id: string
  readonly version: number
  readonly status: string
  readonly finished: boolean
  readonly state: unknown
  readonly state_sequence: number | null
  readonly sequence: number
  readonly turn: number
  readonly started_at: bigint | number
  readonly updated_at: bigint | number
  readonly finished_at: bigint | number | null
  readonly retries: number
  readonly pending_effects: ReadonlyArray<PendingEffects> | null
  readonly fired_deadlines: ReadonlyArray<string> | null
  /** Every inbox entry: position, key, and the command while it is unconsumed. */
  readonly inbox: ReadonlyArray<{
    readonly p: number
    readonly k: string
    readonly c: { readonly type: string; readonly at: number } | null
  }>
  readonly letters: ReadonlyArray<{
    readonly id: string
    readonly turn: number
    readonly round: number
    readonly request: EffectRequest
    readonly error: string
    readonly attempts: number
    readonly status: DeadLetterRow["status"]
    readonly parked_at: number
    readonly retry_requested_at: number | null
  }>
  /** Where the replay starts: the stored state's sequence, or 0 when pending effects lie before it. */
  readonly replay_from: number
  /** The events from `replay_from` on, in order. */
  readonly replay: ReadonlyArray<ProcessEvent>
}

/**
 * Fills a slot from what the database has: the stored state with the events since replayed, and
 * the effects of the turns left pending recomputed from their events on the way.
 */
export function fillSlot(slot: InstanceSlot, stored: StoredInstance): void {
  slot.exists = true
  slot.version = stored.version
  const definition = slot.definition
  const pending = stored.pending_effects ?? []
  const requests = new Map<number, Array<EffectRequest>>(pending.map((entry) => [entry.turn, []]))
  let state = stored.replay_from === 0 || stored.state === null ? definition.initialState : stored.state
  let sequence = stored.replay_from
  for (const event of stored.replay) {
    state = replay(definition, [event], state)
    const owner = pending.find((entry) => sequence >= entry.from && sequence < entry.to)
    if (owner)
      requests
        .get(owner.turn)!
        .push(...definition.effects(state, event, { instanceId: slot.instanceId, sequence }))
    sequence += 1
  }
  slot.state = state
  slot.status = stored.status
  slot.finished = stored.finished
  slot.sequence = stored.sequence
  slot.turn = stored.turn
  slot.stateSequence = stored.state_sequence ?? (stored.state === null ? 0 : stored.sequence)
  slot.startedAt = Number(stored.started_at)
  slot.updatedAt = Number(stored.updated_at)
  slot.finishedAt = stored.finished_at === null ? undefined : Number(stored.finished_at)
  slot.retries = stored.retries
  slot.firedDeadlines = new Set(stored.fired_deadlines ?? [])
  slot.outboxWritten = pending.length > 0
  for (const entry of pending) {
    slot.outbox.push({
      turn: entry.turn,
      from: entry.from,
      to: entry.to,
      requests: requests.get(entry.turn) ?? [],
      decision: undefined,
      committed: undefined,
      waiters: undefined,
      results: new Map(),
    })
  }
  let next = 0
  for (const entry of stored.inbox) {
    slot.dedupKeys.set(entry.k, entry.p)
    if (entry.c !== null) {
      slot.queue.push({
        position: entry.p,
        dedupKey: entry.k,
        command: entry.c,
        waiters: { decided: undefined, performed: undefined },
        urgent: false,
      })
    }
    next = Math.max(next, entry.p + 1)
  }
  slot.nextPosition = next
  slot.openLetters = stored.letters.map((letter) => ({
    id: letter.id,
    process: slot.process,
    instanceId: slot.instanceId,
    turn: letter.turn,
    round: letter.round,
    request: letter.request,
    error: letter.error,
    attempts: letter.attempts,
    status: letter.status,
    parkedAt: Number(letter.parked_at),
    retryRequestedAt: letter.retry_requested_at === null ? undefined : Number(letter.retry_requested_at),
    resolvedAt: undefined,
  }))
}

/** Reads instances with their inboxes, open dead letters and events since their stored state, in one query. */
export const loadInstancesSql = (
  wanted: ReadonlyArray<{ readonly process: string; readonly instanceId: string }>,
) => `
  SELECT s.process, s.instance_id, s.version, s.status, s.finished, s.state, s.state_sequence, s.sequence,
    s.turn, s.started_at, s.updated_at, s.finished_at, s.retries, s.pending_effects, s.fired_deadlines,
    COALESCE((
      SELECT json_agg(json_build_object('p', i.position, 'k', i.dedup_key,
        'c', CASE WHEN i.outcome IS NULL THEN i.command END) ORDER BY i.position)
      FROM tixi_inbox i WHERE i.process = s.process AND i.instance_id = s.instance_id
    ), '[]'::json) AS inbox,
    COALESCE((
      SELECT json_agg(json_build_object('id', d.id, 'turn', d.turn, 'round', d.round,
        'request', d.request, 'error', d.error, 'attempts', d.attempts, 'status', d.status,
        'parked_at', d.parked_at, 'retry_requested_at', d.retry_requested_at) ORDER BY d.turn, d.parked_at)
      FROM tixi_dead_letters d
      WHERE d.process = s.process AND d.instance_id = s.instance_id
        AND d.status IN ('parked', 'retry-requested', 'retrying')
    ), '[]'::json) AS letters,
    r.replay_from,
    COALESCE((
      SELECT json_agg(e.event ORDER BY e.sequence) FROM tixi_events e
      WHERE e.process = s.process AND e.instance_id = s.instance_id AND e.sequence >= r.replay_from
    ), '[]'::json) AS replay
  FROM tixi_instances s
  JOIN (VALUES ${wanted.map((key) => rowLiteral([quote(key.process), quote(key.instanceId)])).join(", ")})
    AS wanted(process, instance_id)
    ON s.process = wanted.process AND s.instance_id = wanted.instance_id
  CROSS JOIN LATERAL (
    SELECT CASE
      WHEN s.state IS NULL THEN 0
      WHEN COALESCE((SELECT MIN((p->>'from')::int) FROM jsonb_array_elements(s.pending_effects) p), 2147483647)
        < COALESCE(s.state_sequence, s.sequence) THEN 0
      ELSE COALESCE(s.state_sequence, s.sequence)
    END AS replay_from
  ) r
`
