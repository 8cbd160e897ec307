import { Clock, Effect, Result } from "effect"
import type { PortFailure } from "../../errors/port-failure.ts"
import { Directory } from "../../ports/directory.ts"
import { coalesceHostChanges } from "../../ports/host-change-coalescing.ts"
import {
  type CaseDraft,
  type HostCase,
  type HostChange,
  HostCrm,
  type HostCustomer,
  isUnkeyedCaseKey,
} from "../../ports/host-crm.ts"
import type { Unstamped } from "../../process/definition.ts"
import { postOf } from "../../roles/resolve-actor.ts"
import type { Actor } from "../process/actor.ts"
import type { ComplaintCommand, ComplaintCommandType } from "../process/commands.ts"
import type { ComplaintRefusal } from "../process/refusal.ts"
import type { ComplaintState } from "../process/state.ts"
import { decideHostChange, type HostChangeIgnored, type HostChangeRules } from "./host-change-decision.ts"

// Kept where it was first published: `Complaints.coalesceHostChanges`.
export { coalesceHostChanges }

/** A complaint as the intake reads it: its state, or undefined when there is none by that number. */
type ComplaintLookup = { readonly state: ComplaintState } | undefined

/**
 * Where complaints live: the in-memory runner (`makeInMemoryRunner(complaintProcess(…))`) has this
 * shape, and so can an embedder's own persistence or the durable runtime (`@tixi/runtime`'s
 * `hostComplaints`), whose instances are read from its database.
 */
export interface ComplaintIntakeTarget<R> {
  /** The complaint by its number: at once from memory, or as an Effect from storage. */
  readonly instance: (complaintId: string) => ComplaintLookup | Effect.Effect<ComplaintLookup, never, R>
  /** Every complaint, read once to learn which host records complaints were registered from. */
  readonly instances?: () => ReadonlyArray<{ readonly instanceId: string; readonly state: ComplaintState }>
  readonly dispatch: (
    complaintId: string,
    command: Unstamped<ComplaintCommand>,
  ) => Effect.Effect<Result.Result<unknown, ComplaintRefusal>, never, R>
}

/** How the intake takes changes in: the rules of `decideHostChange` and who acts. */
export interface ComplaintHostIntakeOptions extends HostChangeRules {
  /**
   * Who acts when tixi does not know the member of staff behind a change: the service desk's
   * intake account, in its post (the post decides what it may do, e.g. close a complaint).
   */
  readonly intakeActor: Actor
  /**
   * The member of staff behind a change. By default the case's owner, when the Directory knows
   * them and they are active, acting in the highest post they hold.
   */
  readonly actorOf?: (
    hostCase: HostCase | undefined,
    change: HostChange,
  ) => Effect.Effect<Actor | undefined, never, Directory>
}

/**
 * What the intake did with one change. `refused` keeps the decider's refusal (a registration
 * missing the customer, a complaint closed before it was resolved), so a refused intake is seen,
 * not lost; `failed` keeps the port failure (retry the change when `isRetryable`).
 */
export type HostIntakeOutcome =
  | { readonly kind: "registered"; readonly change: HostChange; readonly complaintId: string }
  | {
      readonly kind: "dispatched"
      readonly change: HostChange
      readonly complaintId: string
      readonly command: ComplaintCommandType
    }
  | {
      readonly kind: "refused"
      readonly change: HostChange
      readonly complaintId: string
      readonly command: ComplaintCommandType
      readonly refusal: ComplaintRefusal
      /** Whether the case was put back as tixi holds it (a refused staff edit is overridden). */
      readonly restored: boolean
    }
  | {
      readonly kind: "restored"
      readonly change: HostChange
      readonly complaintId: string
      readonly overridden: ReadonlyArray<string>
    }
  | {
      readonly kind: "ignored"
      readonly change: HostChange
      readonly reason: HostChangeIgnored
      readonly complaintId?: string
    }
  | { readonly kind: "failed"; readonly change: HostChange; readonly error: PortFailure }

/** Turns host changes into complaint commands and case corrections. */
export interface ComplaintHostIntake<R> {
  /**
   * Takes a batch of changes (from `pollChanges` or a webhook delivery) in order. Changes of the
   * same record are taken together, since each is decided against the case as it is now.
   */
  readonly handle: (
    changes: ReadonlyArray<HostChange>,
  ) => Effect.Effect<ReadonlyArray<HostIntakeOutcome>, never, R | HostCrm | Directory>
}

/** Whether any change failed in a way that may pass: the batch should be taken again later. */
export const intakeNeedsRetry = (outcomes: ReadonlyArray<HostIntakeOutcome>): boolean =>
  outcomes.some((outcome) => outcome.kind === "failed" && outcome.error.isRetryable)

/** The case's owner as an actor, when the Directory knows them: in the highest post they hold. */
const ownerAsActor = (hostCase: HostCase | undefined) =>
  Effect.gen(function* () {
    if (hostCase?.ownerId === undefined) return undefined
    const directory = yield* Directory
    const person = yield* Effect.orElseSucceed(directory.person(hostCase.ownerId), () => undefined)
    if (person === undefined || !person.active) return undefined
    const role = postOf(person)
    return role === undefined ? undefined : ({ personId: person.id, role } satisfies Actor)
  })

/**
 * The intake of changes staff make in the host CRM for the complaint process (see
 * `decideHostChange` for which edits tixi honours, overrides or ignores): it reads each changed
 * case, finds its complaint (by the case's tixi key, or by the record a complaint was registered
 * from), dispatches the commands, writes overridden cases back, and reports every outcome, refusals
 * included (also logged as warnings). tixi's own writes are dropped before anything is read.
 */
export function makeComplaintHostIntake<R>(
  target: ComplaintIntakeTarget<R>,
  options: ComplaintHostIntakeOptions,
): ComplaintHostIntake<R> {
  // Host records complaints were registered from: the complaint is found by it until its case
  // carries the complaint's key (the case upsert may not have reached the host yet).
  const registeredFrom = new Map<string, string>()
  for (const { instanceId, state } of target.instances?.() ?? [])
    if (state.hostRecordId !== undefined) registeredFrom.set(state.hostRecordId, instanceId)
  const actorOf = options.actorOf ?? ownerAsActor

  const restore = (draft: CaseDraft) =>
    Effect.flatMap(HostCrm, (host) => Effect.result(host.upsertCase(draft)))

  const takeOne = (change: HostChange) =>
    Effect.gen(function* (): Effect.gen.Return<HostIntakeOutcome, never, R | HostCrm | Directory> {
      if (change.origin === "tixi") return { kind: "ignored", change, reason: "tixiWrite" }
      if (change.object !== "case") return { kind: "ignored", change, reason: "notACase" }
      const host = yield* HostCrm
      const read = yield* Effect.result(host.getCase(change.recordId))
      if (Result.isFailure(read) && read.failure.reason._tag !== "NotFound")
        return { kind: "failed", change, error: read.failure }
      const hostCase = Result.isSuccess(read) ? read.success : undefined
      const complaintId =
        hostCase !== undefined && !isUnkeyedCaseKey(hostCase.externalKey)
          ? hostCase.externalKey
          : (change.externalKey ?? registeredFrom.get(change.recordId))
      const found = complaintId === undefined ? undefined : target.instance(complaintId)
      const complaint = (Effect.isEffect(found) ? yield* found : found)?.state
      let customer: HostCustomer | undefined
      if (complaint === undefined && hostCase?.customerKey !== undefined) {
        const found = yield* Effect.result(host.findCustomer(hostCase.customerKey))
        if (Result.isFailure(found)) return { kind: "failed", change, error: found.failure }
        customer = found.success
      }
      const actor = (yield* actorOf(hostCase, change)) ?? options.intakeActor
      const at = yield* Clock.currentTimeMillis
      const decision = decideHostChange({ change, hostCase, complaint, customer, actor, at }, options)
      switch (decision.kind) {
        case "ignore":
          return {
            kind: "ignored",
            change,
            reason: decision.reason,
            ...(decision.complaintId === undefined ? {} : { complaintId: decision.complaintId }),
          }
        case "register": {
          const outcome = yield* target.dispatch(decision.complaintId, decision.command)
          if (Result.isFailure(outcome)) {
            yield* Effect.logWarning(
              `intake of host case ${change.recordId} refused: ${outcome.failure.message}`,
            )
            return {
              kind: "refused",
              change,
              complaintId: decision.complaintId,
              command: "Register",
              refusal: outcome.failure,
              restored: false,
            }
          }
          registeredFrom.set(change.recordId, decision.complaintId)
          return { kind: "registered", change, complaintId: decision.complaintId }
        }
        case "command": {
          const outcome = yield* target.dispatch(decision.complaintId, decision.command)
          if (Result.isSuccess(outcome))
            return {
              kind: "dispatched",
              change,
              complaintId: decision.complaintId,
              command: decision.command.type,
            }
          yield* Effect.logWarning(
            `${decision.command.type} of complaint ${decision.complaintId} from host case ${change.recordId} refused: ${outcome.failure.message}`,
          )
          const written = yield* restore(decision.restore)
          if (Result.isFailure(written)) return { kind: "failed", change, error: written.failure }
          return {
            kind: "refused",
            change,
            complaintId: decision.complaintId,
            command: decision.command.type,
            refusal: outcome.failure,
            restored: true,
          }
        }
        case "restore": {
          const written = yield* restore(decision.draft)
          if (Result.isFailure(written)) return { kind: "failed", change, error: written.failure }
          return {
            kind: "restored",
            change,
            complaintId: decision.complaintId,
            overridden: decision.overridden,
          }
        }
      }
    })

  return {
    handle: (changes) =>
      Effect.gen(function* () {
        const outcomes: Array<HostIntakeOutcome> = []
        for (const change of coalesceHostChanges(changes)) {
          const outcome = yield* takeOne(change)
          if (outcome.kind === "failed")
            yield* Effect.logWarning(`host change ${change.changeId} not taken in: ${outcome.error.message}`)
          outcomes.push(outcome)
        }
        return outcomes
      }),
  }
}
