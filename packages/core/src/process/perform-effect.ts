import { Effect } from "effect"
import { InvalidRequest, NotFound, PortFailure } from "../errors/port-failure.ts"
import type { PersonId } from "../ids/ids.ts"
import { Approvals } from "../ports/approvals.ts"
import { Directory } from "../ports/directory.ts"
import { HostCrm } from "../ports/host-crm.ts"
import { Notifier } from "../ports/notifier.ts"
import type { Assignee, EffectRequest } from "./effect-request.ts"

/** What performing an effect produced on the host, for logs and inspection. */
export interface EffectOutcome {
  readonly kind: EffectRequest["kind"]
  readonly key: string
  /** The host's id of the record written or the approval opened, when there is one. */
  readonly reference: string | undefined
}

/** The ports an effect may need. */
export type EffectPorts = HostCrm | Approvals | Directory | Notifier

const unresolvable = (operation: string, assignee: Assignee) =>
  new PortFailure({
    port: "Directory",
    operation,
    reason: new InvalidRequest({ fields: [{ field: "assignee", message: "nobody holds this role" }] }),
    detail:
      "role" in assignee
        ? `nobody active holds role ${assignee.role}${assignee.departmentId ? ` in ${assignee.departmentId}` : ""}`
        : `person ${assignee.person} is not active`,
  })

/** Everyone an assignee names: all active holders of a role, or the one person. */
export const resolveAll = Effect.fnUntraced(function* (operation: string, assignee: Assignee) {
  const directory = yield* Directory
  if ("person" in assignee) {
    const person = yield* directory.person(assignee.person)
    if (!person.active) return yield* unresolvable(operation, assignee)
    return [person.id] as ReadonlyArray<PersonId>
  }
  const people = yield* directory.people({
    role: assignee.role,
    ...(assignee.departmentId ? { departmentId: assignee.departmentId } : {}),
  })
  if (people.length === 0) return yield* unresolvable(operation, assignee)
  return people.map((person) => person.id)
})

/** One person for an assignee: the named person, or the first active holder of the role. */
export const resolveOne = Effect.fnUntraced(function* (operation: string, assignee: Assignee) {
  const all = yield* resolveAll(operation, assignee)
  return all[0]!
})

/**
 * Performs one effect request through the ports. Every call is keyed (externalKey or approval
 * key), so performing a request again after a crash changes nothing on the host.
 */
export const performEffect = Effect.fnUntraced(function* (request: EffectRequest) {
  switch (request.kind) {
    case "host.case.upsert": {
      const record = yield* (yield* HostCrm).upsertCase(request.draft)
      return { kind: request.kind, key: request.key, reference: record.id } satisfies EffectOutcome
    }
    case "host.customer.update": {
      const host = yield* HostCrm
      const customer = yield* host.findCustomer(request.customerKey)
      if (!customer) {
        return yield* new PortFailure({
          port: "HostCrm",
          operation: "updateCustomerFields",
          reason: new NotFound({ resource: "customer", id: request.customerKey }),
          detail: `no customer with externalKey ${request.customerKey}`,
        })
      }
      const outcome = yield* host.updateCustomerFields([{ id: customer.id, fields: request.fields }])
      const failure = outcome.failed[0]
      if (failure) return yield* failure.error
      return { kind: request.kind, key: request.key, reference: customer.id } satisfies EffectOutcome
    }
    case "host.task.create": {
      const assigneeId = request.assignee ? yield* resolveOne("createTask", request.assignee) : undefined
      const task = yield* (yield* HostCrm).createTask({
        ...request.draft,
        ...(assigneeId ? { assigneeId } : {}),
      })
      return { kind: request.kind, key: request.key, reference: task.id } satisfies EffectOutcome
    }
    case "host.task.complete": {
      const task = yield* (yield* HostCrm).completeTask(request.taskKey)
      return { kind: request.kind, key: request.key, reference: task.id } satisfies EffectOutcome
    }
    case "host.activity.log": {
      const activity = yield* (yield* HostCrm).logActivity(request.draft)
      return { kind: request.kind, key: request.key, reference: activity.id } satisfies EffectOutcome
    }
    case "approval.submit": {
      const { originator, steps, ...rest } = request.submission
      const originatorId = yield* resolveOne("submitApproval", originator)
      const resolvedSteps = []
      for (const step of steps) {
        const approvers = new Set<PersonId>()
        for (const assignee of step.approvers) {
          for (const id of yield* resolveAll("submitApproval", assignee)) approvers.add(id)
        }
        resolvedSteps.push({ mode: step.mode, approvers: [...approvers] })
      }
      const record = yield* (yield* Approvals).submit({
        ...rest,
        key: request.key,
        originator: originatorId,
        steps: resolvedSteps,
      })
      return { kind: request.kind, key: request.key, reference: record.id } satisfies EffectOutcome
    }
    case "approval.withdraw": {
      const approvals = yield* Approvals
      const record = yield* approvals.findByKey(request.submissionKey)
      if (!record) {
        return yield* new PortFailure({
          port: "Approvals",
          operation: "withdraw",
          reason: new NotFound({ resource: "approval", id: request.submissionKey }),
          detail: `no approval was opened with key ${request.submissionKey}`,
        })
      }
      if (record.state !== "pending" && record.state !== "withdrawn") {
        // Decided meanwhile: nothing to withdraw; the decision event is on its way to the process.
        return { kind: request.kind, key: request.key, reference: record.id } satisfies EffectOutcome
      }
      const withdrawn = yield* approvals.withdraw(record.id, request.reason)
      return { kind: request.kind, key: request.key, reference: withdrawn.id } satisfies EffectOutcome
    }
    case "notify": {
      const recipients = new Set<PersonId>()
      for (const assignee of request.draft.recipients) {
        for (const id of yield* resolveAll("notify", assignee)) recipients.add(id)
      }
      const delivered = yield* (yield* Notifier).notify({
        ...request.draft,
        key: request.key,
        recipients: [...recipients],
      })
      return { kind: request.kind, key: request.key, reference: delivered.key } satisfies EffectOutcome
    }
  }
})
