import { isRefusal } from "@tixi/core"
import { Effect } from "effect"
import type { CommandInput, ProcessRuntimeService } from "../engine/process-runtime.ts"
import type { AuditRecord } from "./audit-entry.ts"
import type { AuditTrailService } from "./audit-trail.ts"

/** The first person a command names as acting (`actor` first), as it claimed to act. */
const claimedActor = (
  command: CommandInput,
): { readonly personId: string | undefined; readonly post: string | undefined } => {
  const values = [command.actor, ...Object.values(command)]
  for (const value of values) {
    if (typeof value !== "object" || value === null) continue
    const { personId, role } = value as { personId?: unknown; role?: unknown }
    if (typeof personId === "string" && typeof role === "string") return { personId, post: role }
  }
  return { personId: typeof command.decidedBy === "string" ? command.decidedBy : undefined, post: undefined }
}

/**
 * How a command's failure is filed: `refused` when the error says it is a refusal (the caller was
 * told no: `isRefusal`), `failed` for everything else (storage, a directory outage).
 */
export const auditOutcomeOf = (error: unknown): "refused" | "failed" =>
  isRefusal(error) ? "refused" : "failed"

/**
 * The runtime with every command that fails before it is stored recorded in the audit trail:
 * refused (the directory does not know the person or does not give them the post they claim, no
 * such process or instance) or failed
 * (storage, a directory outage), with the failure's tag and message and the post the command
 * claimed. The caller gets the same failure as before.
 *
 * Commands that are stored are not recorded here: the database records each one with the turn
 * that decides it, in the same transaction (see `auditStatements`), so an accepted or refused
 * turn and its audit row never disagree, even across a crash. A failure before storage writes
 * nothing else, so this row is the only trace; it is written after the failure, and a crash in
 * between loses the row of a command that changed nothing.
 */
export const withAuditTrail = (
  runtime: ProcessRuntimeService,
  trail: AuditTrailService,
): ProcessRuntimeService => {
  const audited = <A, E extends { readonly _tag: string; readonly message: string }>(
    process: string,
    instanceId: string,
    command: CommandInput,
    operation: Effect.Effect<A, E>,
  ): Effect.Effect<A, E> =>
    Effect.tapError(operation, (error) => {
      const actor = claimedActor(command)
      const entry: AuditRecord = {
        kind: typeof command.approvalKey === "string" ? "approval" : "command",
        outcome: auditOutcomeOf(error),
        personId: actor.personId,
        post: actor.post,
        process,
        instanceId,
        commandType: command.type,
        refusal: error._tag,
        reason: error.message,
      }
      // The caller's failure stands whatever becomes of its audit row.
      return Effect.catch(trail.record(entry), (failure) =>
        Effect.logError("tixi audit: a refused command could not be recorded", failure),
      )
    })
  return {
    ...runtime,
    start: (process, instanceId, command) =>
      audited(process, instanceId, command, runtime.start(process, instanceId, command)),
    deliver: (process, instanceId, command, options) =>
      audited(process, instanceId, command, runtime.deliver(process, instanceId, command, options)),
    dispatch: (process, instanceId, command) =>
      audited(process, instanceId, command, runtime.dispatch(process, instanceId, command)),
    decide: (process, instanceId, command) =>
      audited(process, instanceId, command, runtime.decide(process, instanceId, command)),
  }
}
