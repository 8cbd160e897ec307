import { Result } from "effect"
import { InvalidTransition, type NotWithinAuthority, PolicyRefusal } from "../../errors/refusals.ts"
import { ValidationError } from "../../errors/validation-error.ts"
import { isAtLeast, type Role } from "../../roles/role.ts"
import type { Actor } from "./actor.ts"
import type { ComplaintEvent } from "./events.ts"
import type { ComplaintState } from "./state.ts"

/** The name of the complaint process; part of every idempotency key. */
export const complaintProcessName = "complaint"

/**
 * Why a command was refused: bad input (`ValidationError` with paths), a command the stage does
 * not allow (`InvalidTransition`), a remedy no post may grant (`NotWithinAuthority`), or a rule of
 * the policy (`PolicyRefusal`, e.g. a purchase beyond the complaint window).
 */
export type ComplaintRefusal = ValidationError | InvalidTransition | NotWithinAuthority | PolicyRefusal

/** What `decide` returns. */
export type ComplaintDecision = Result.Result<ReadonlyArray<ComplaintEvent>, ComplaintRefusal>

/** Refuses a command the state does not allow, saying why. */
export function refuse(state: ComplaintState, command: string, reason: string): ComplaintDecision {
  return Result.fail(
    new InvalidTransition({
      process: complaintProcessName,
      instanceId: state.complaintId || "(unregistered)",
      state: state.stage,
      command,
      reason,
    }),
  )
}

/** Refuses bad input at one path. */
export function invalidInput(
  command: string,
  path: ReadonlyArray<string | number>,
  message: string,
): ComplaintDecision {
  return Result.fail(
    new ValidationError({
      subject: `complaint.${command}`,
      issues: [{ path: [...path], message, code: "invalid" }],
    }),
  )
}

/** Refuses by a rule of the policy. */
export function policyRefusal(rule: string, detail: string): ComplaintDecision {
  return Result.fail(new PolicyRefusal({ rule, detail }))
}

/** A refusal when the actor's post is below the post a rule asks for, else undefined. */
export function roleRefusal(
  actor: Actor,
  minimum: Role,
  rule: string,
  what: string,
): ComplaintDecision | undefined {
  if (isAtLeast(actor.role, minimum)) return undefined
  return policyRefusal(rule, `${what} needs a ${minimum} or higher; ${actor.personId} acts as ${actor.role}`)
}

/** Succeeds with events. */
export const emit = (...events: ReadonlyArray<ComplaintEvent>): ComplaintDecision => Result.succeed(events)
