import { Result } from "effect"
import { ValidationError } from "../../errors/validation-error.ts"
import * as Money from "../../money/money.ts"
import { remedyApprovalRoute } from "../policy/approval-chain.ts"
import { responsibilityIssues } from "../schema/responsibility.ts"
import type {
  ConcludeLitigation,
  DecideRemedyApproval,
  ProposeRemedy,
  RecordCustomerResponse,
  RecordDepartmentOpinion,
  RecordExecution,
  RecordInvestigation,
  StartLitigation,
} from "./commands.ts"
import type { DecideContext } from "./context.ts"
import type { InvestigationConcluded } from "./events.ts"
import { type ComplaintDecision, emit, invalidInput, refuse, roleRefusal } from "./refusal.ts"
import type { ComplaintState } from "./state.ts"

/**
 * ③ cause and responsible party (查明原因和责任方) ◇ own side? Yes: the case goes on to the
 * solution, with responsibility apportioned to departments (责任归属, shares adding up to 100 %).
 * No (非己方的原因): the customer is given an explanation and the complaint is resolved.
 */
export function decideInvestigation(
  state: ComplaintState,
  command: RecordInvestigation,
  context: DecideContext,
): ComplaintDecision {
  if (state.stage !== "investigating")
    return refuse(state, command.type, "the complaint is not under investigation")
  const responsibility = command.responsibility ?? []
  if (command.ownSide) {
    if (responsibility.length === 0)
      return invalidInput(
        "RecordInvestigation",
        ["responsibility"],
        "name the departments responsible and their shares",
      )
    const issues = responsibilityIssues(responsibility, ["responsibility"])
    if (issues.length > 0)
      return Result.fail(
        new ValidationError({
          subject: "complaint.RecordInvestigation",
          issues: issues.map((issue) => ({ path: [...issue.path], message: issue.message, code: "rule" })),
        }),
      )
  } else {
    if (responsibility.length > 0)
      return invalidInput(
        "RecordInvestigation",
        ["responsibility"],
        "the cause is not the company's, so no department is responsible",
      )
    if (command.explanation === undefined)
      return invalidInput(
        "RecordInvestigation",
        ["explanation"],
        "tell the customer why the cause is not ours",
      )
  }
  const concluded: InvestigationConcluded = {
    type: "InvestigationConcluded",
    at: command.at,
    by: command.actor.personId,
    cause: command.cause,
    ownSide: command.ownSide,
    responsibility,
    sanctions: command.sanctions ?? [],
    severity: command.severity,
    findings: command.findings,
    explanation: command.explanation,
  }
  if (command.ownSide) return emit(concluded)
  return emit(concluded, {
    type: "ComplaintResolved",
    at: command.at,
    by: command.actor.personId,
    outcome: "explained",
    cost: Money.zero(context.policy.currency),
    note: command.explanation,
  })
}

/** ④ a related department's opinion (相关部门协商). */
export function decideDepartmentOpinion(
  state: ComplaintState,
  command: RecordDepartmentOpinion,
): ComplaintDecision {
  if (state.stage !== "investigating" && state.stage !== "proposing" && state.stage !== "awaitingApproval")
    return refuse(
      state,
      command.type,
      "departments are consulted while the cause and the solution are worked out",
    )
  return emit({
    type: "DepartmentOpinionRecorded",
    at: command.at,
    by: command.actor.personId,
    department: command.department,
    opinion: command.opinion,
  })
}

/**
 * ⑤ propose a solution (提出处理方案). Within the actor's authority (权责内) it goes straight to the
 * customer; above it the approval chain of the policy decides (审批 by the 客服经理 and up).
 */
export function decideProposeRemedy(
  state: ComplaintState,
  command: ProposeRemedy,
  context: DecideContext,
): ComplaintDecision {
  if (state.stage !== "proposing")
    return refuse(state, command.type, "a solution is proposed once the cause is ours")
  const { currency } = context.policy
  for (const [index, remedy] of command.remedies.entries()) {
    if (remedy.amount.currency !== currency)
      return invalidInput("ProposeRemedy", ["remedies", index, "amount", "currency"], `must be ${currency}`)
  }
  let total: Money.Money
  try {
    total = Money.sum(
      command.remedies.map((remedy) => remedy.amount),
      currency,
    )
  } catch {
    return invalidInput("ProposeRemedy", ["remedies"], "the total is too large")
  }
  const route = remedyApprovalRoute(context.policy, command.actor, total, context.approvalPolicy)
  if (Result.isFailure(route)) return Result.fail(route.failure)
  return emit({
    type: "RemedyProposed",
    at: command.at,
    by: command.actor.personId,
    byRole: command.actor.role,
    number: state.proposalCount + 1,
    remedies: command.remedies.map((remedy) => ({
      kind: remedy.kind,
      amount: remedy.amount,
      ...(remedy.quantity !== undefined ? { quantity: remedy.quantity } : {}),
      ...(remedy.note !== undefined ? { note: remedy.note } : {}),
    })),
    total,
    note: command.note,
    approval: route.success.required
      ? {
          decidingRole: route.success.decidingRole,
          steps: route.success.steps,
          formId: route.success.formId,
          title: route.success.title,
        }
      : undefined,
  })
}

/**
 * The approvers' decision (审批): approved goes to the customer; rejected or withdrawn, revise.
 * Hosts deliver decisions at least once (a callback retried after a lost reply, the same decision
 * by HTTP and by a recovery pull), so the decision already recorded for the same approval is
 * taken again without effect; a different decision for it is refused.
 */
export function decideRemedyApproval(
  state: ComplaintState,
  command: DecideRemedyApproval,
): ComplaintDecision {
  const approval = state.proposal?.approval
  if (approval !== undefined && approval.status !== "notRequired" && approval.key === command.approvalKey) {
    if (approval.status === command.outcome) return emit()
    if (approval.status !== "pending")
      return refuse(
        state,
        command.type,
        `approval ${command.approvalKey} was already ${approval.status}, not ${command.outcome}`,
      )
  }
  if (state.stage !== "awaitingApproval" || approval === undefined || approval.status !== "pending")
    return refuse(state, command.type, "no solution is awaiting approval")
  if (approval.key !== command.approvalKey)
    return refuse(
      state,
      command.type,
      `the decision is for approval ${command.approvalKey}, not the pending ${approval.key}`,
    )
  return emit({
    type: "RemedyApprovalDecided",
    at: command.at,
    approvalKey: command.approvalKey,
    outcome: command.outcome,
    decidedBy: command.decidedBy,
    comment: command.comment,
  })
}

/** ⑥ negotiate ◇ customer satisfied? yes: execute; no: revise the solution or go to litigation. */
export function decideCustomerResponse(
  state: ComplaintState,
  command: RecordCustomerResponse,
): ComplaintDecision {
  if (state.stage !== "negotiating") return refuse(state, command.type, "no solution is before the customer")
  return emit({
    type: "CustomerResponded",
    at: command.at,
    by: command.actor.personId,
    accepted: command.accepted,
    note: command.note,
  })
}

/** ⑦ litigation (诉讼程序), once the customer has refused the solution. */
export function decideStartLitigation(
  state: ComplaintState,
  command: StartLitigation,
  context: DecideContext,
): ComplaintDecision {
  if (state.stage !== "proposing" || state.proposal?.customerResponse !== "refused")
    return refuse(state, command.type, "litigation follows the customer's refusal of a solution")
  const refused = roleRefusal(
    command.actor,
    context.policy.litigation.minimumRole,
    "litigation.minimumRole",
    "going to litigation",
  )
  if (refused) return refused
  return emit({
    type: "LitigationStarted",
    at: command.at,
    by: command.actor.personId,
    reference: command.reference,
    note: command.note,
  })
}

/** The litigation ends: the verdict and what the company pays settle the complaint. */
export function decideConcludeLitigation(
  state: ComplaintState,
  command: ConcludeLitigation,
  context: DecideContext,
): ComplaintDecision {
  if (state.stage !== "litigation") return refuse(state, command.type, "the complaint is not in litigation")
  if (command.award.currency !== context.policy.currency)
    return invalidInput("ConcludeLitigation", ["award", "currency"], `must be ${context.policy.currency}`)
  return emit(
    {
      type: "LitigationConcluded",
      at: command.at,
      by: command.actor.personId,
      verdict: command.verdict,
      award: command.award,
      note: command.note,
    },
    {
      type: "ComplaintResolved",
      at: command.at,
      by: command.actor.personId,
      outcome: "litigated",
      cost: command.award,
      note: command.note,
    },
  )
}

/** ⑧ the solution is carried out (按照方案执行); this is the actual handling date (实际办理日). */
export function decideExecution(
  state: ComplaintState,
  command: RecordExecution,
  context: DecideContext,
): ComplaintDecision {
  if (state.stage !== "executing" || state.proposal === undefined)
    return refuse(state, command.type, "no accepted solution is being carried out")
  if (command.cost !== undefined && command.cost.currency !== context.policy.currency)
    return invalidInput("RecordExecution", ["cost", "currency"], `must be ${context.policy.currency}`)
  return emit({
    type: "ComplaintResolved",
    at: command.at,
    by: command.actor.personId,
    outcome: "remedied",
    cost: command.cost ?? state.proposal.total,
    note: command.note,
  })
}
