import type { BusinessCalendar } from "../../calendar/index.ts"
import { idempotencyKey } from "../../ids/idempotency-key.ts"
import type { PersonId } from "../../ids/ids.ts"
import { asWritten, type Label, label } from "../../labels/label.ts"
import * as Money from "../../money/money.ts"
import type { ActivityKind } from "../../ports/host-crm.ts"
import type { NotificationSeverity } from "../../ports/notifier.ts"
import type { StepContext } from "../../process/definition.ts"
import type { Assignee, EffectRequest } from "../../process/effect-request.ts"
import { Role } from "../../roles/role.ts"
import type { Instant } from "../../time/instant.ts"
import { inPersonChannels } from "../labels/channel.ts"
import { FollowUpMethod } from "../labels/follow-up-method.ts"
import { RejectionReason } from "../labels/rejection-reason.ts"
import { RemedyKind } from "../labels/remedy-kind.ts"
import { ResolutionOutcome } from "../labels/resolution-outcome.ts"
import { caseDraftOf } from "./case-draft.ts"
import type { DecideContext } from "./context.ts"
import type { ComplaintEvent } from "./events.ts"
import { approvalValuesOf } from "./records.ts"
import { complaintProcessName } from "./refusal.ts"
import type { SlaKind } from "./sla.ts"
import { type ComplaintState, handlingStages } from "./state.ts"

/**
 * The host task keys of a complaint: one per purpose, cycle and person, so a retry never opens a
 * second task, and a task that moves to another person (a new handler) becomes a new task.
 */
export const complaintTaskKeys = {
  handling: (id: string, cycle: number, handler: string) => `${id}:handling:${cycle}:${handler}`,
  investigation: (id: string, cycle: number, investigator: string) =>
    `${id}:investigation:${cycle}:${investigator}`,
  execution: (id: string, cycle: number, proposal: number, handler: string) =>
    `${id}:execution:${cycle}:${proposal}:${handler}`,
  followUp: (id: string, cycle: number, handler: string) => `${id}:followUp:${cycle}:${handler}`,
}

const slaLabels: Readonly<Record<SlaKind, Label>> = {
  firstResponse: label("首次响应", "first response"),
  resolution: label("办理", "resolution"),
}

const pad = (value: number) => String(value).padStart(2, "0")

/** An amount for a task or a message: `CNY 450.00` (exact, and much cheaper than Intl formatting). */
const amountText = (amount: Money.Money) => `${amount.currency} ${Money.toMajorString(amount)}`

/** An instant as the calendar's local date and time, `2026-01-05 14:00`, for messages. */
export function localDateTime(calendar: BusinessCalendar, at: Instant): string {
  const date = calendar.dateOf(at)
  const minutes = Math.floor((at - calendar.startOfDay(date)) / 60_000)
  return `${date} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

/** Builds the effect requests of one event; keys follow `idempotencyKey(process, instance, step, kind)`. */
class EffectList {
  readonly requests: Array<EffectRequest> = []
  readonly state: ComplaintState
  readonly step: StepContext
  readonly context: DecideContext

  constructor(state: ComplaintState, step: StepContext, context: DecideContext) {
    this.state = state
    this.step = step
    this.context = context
  }

  key(kind: string, purpose?: string) {
    return idempotencyKey(
      complaintProcessName,
      this.step.instanceId,
      this.step.sequence,
      purpose ? `${kind}:${purpose}` : kind,
    )
  }

  get id() {
    return this.state.complaintId
  }

  /** The person who gets the case's tasks and messages: the handler, or whoever registered it. */
  get owner(): Assignee | undefined {
    const person = this.state.handler ?? this.state.registeredBy
    return person === undefined ? undefined : { person }
  }

  upsertCase() {
    this.requests.push({
      kind: "host.case.upsert",
      key: this.key("host.case.upsert"),
      draft: caseDraftOf(this.state),
    })
  }

  task(externalKey: string, assignee: PersonId | undefined, subject: Label, body: Label, dueAt?: Instant) {
    this.requests.push({
      kind: "host.task.create",
      key: this.key("host.task.create", externalKey),
      assignee: assignee === undefined ? this.owner : { person: assignee },
      draft: {
        externalKey,
        subject: `${subject["zh-CN"]} / ${subject.en}`,
        body: `${body["zh-CN"]}\n${body.en}`,
        caseKey: this.id,
        ...(dueAt !== undefined ? { dueAt } : {}),
      },
    })
  }

  complete(taskKey: string) {
    this.requests.push({ kind: "host.task.complete", key: this.key("host.task.complete", taskKey), taskKey })
  }

  activity(kind: ActivityKind, subject: Label, body: Label, occurredAt: Instant) {
    const customerKey = this.state.registration?.customerId
    this.requests.push({
      kind: "host.activity.log",
      key: this.key("host.activity.log"),
      draft: {
        externalKey: this.key("host.activity.log"),
        kind,
        subject: `${subject["zh-CN"]} / ${subject.en}`,
        body: `${body["zh-CN"]}\n${body.en}`,
        occurredAt,
        caseKey: this.id,
        ...(customerKey ? { customerKey } : {}),
      },
    })
  }

  notify(
    purpose: string,
    recipients: ReadonlyArray<Assignee | undefined>,
    severity: NotificationSeverity,
    title: Label,
    body: Label,
  ) {
    const present = recipients.filter((recipient): recipient is Assignee => recipient !== undefined)
    if (present.length === 0) return
    this.requests.push({
      kind: "notify",
      key: this.key("notify", purpose),
      draft: { recipients: present, severity, title, body, caseKey: this.id },
    })
  }

  when(at: Instant) {
    return localDateTime(this.context.calendar, at)
  }

  /** The handler's task for the complaint (处理投诉), due at the promised deadline. */
  handlingTask(handler: PersonId, reopenedBecause?: string) {
    const dueAt = this.state.resolution?.schedule.dueAt
    const due = dueAt === undefined ? "—" : this.when(dueAt)
    const { id } = this
    this.task(
      complaintTaskKeys.handling(id, this.state.cycle, handler),
      handler,
      reopenedBecause === undefined
        ? label(`处理投诉 ${id}`, `Handle complaint ${id}`)
        : label(`重新处理投诉 ${id}`, `Handle reopened complaint ${id}`),
      reopenedBecause === undefined
        ? label(`承诺办理期限：${due}`, `Promised by ${due}`)
        : label(`重开原因：${reopenedBecause}；期限 ${due}`, `Reopened: ${reopenedBecause}; due by ${due}`),
      dueAt,
    )
  }

  /** The handler's task to carry out the accepted solution (按照方案执行). */
  executionTask(handler: PersonId) {
    const proposal = this.state.proposal
    if (proposal === undefined) return
    const { id } = this
    this.task(
      complaintTaskKeys.execution(id, this.state.cycle, proposal.number, handler),
      handler,
      label(`执行投诉 ${id} 的处理方案`, `Carry out the solution of complaint ${id}`),
      label(
        proposal.remedies
          .map((remedy) => `${RemedyKind.label(remedy.kind, "zh-CN")} ${amountText(remedy.amount)}`)
          .join("；"),
        proposal.remedies
          .map((remedy) => `${RemedyKind.label(remedy.kind, "en")} ${amountText(remedy.amount)}`)
          .join("; "),
      ),
      this.state.resolution?.schedule.dueAt,
    )
  }

  /** The handler's follow-up visit after closure (回访). */
  followUpTask(handler: PersonId) {
    const dueAt = this.state.followUp?.dueAt
    if (dueAt === undefined) return
    const due = this.when(dueAt)
    const { id } = this
    this.task(
      complaintTaskKeys.followUp(id, this.state.cycle, handler),
      handler,
      label(`回访投诉客户 ${id}`, `Follow-up visit for complaint ${id}`),
      label(`请于 ${due} 前回访并记录满意度`, `Visit or call by ${due} and record the satisfaction`),
      dueAt,
    )
  }

  /** The person whose tasks these are: the handler (always set once the complaint is accepted). */
  get handlerId(): PersonId {
    return (this.state.handler ?? this.state.registeredBy ?? "unassigned") as PersonId
  }
}

/**
 * The side effects one event asks of the world, given the state after it: keep the host case up
 * to date (stage, SLA instants, breach flags, escalation level …), open and complete the tasks of
 * the people who act (investigation, execution, follow-up visit), record contacts with the
 * customer on the timeline, open and withdraw remedy approvals, and notify by role on warnings,
 * breaches and escalations.
 */
export function complaintEffects(
  state: ComplaintState,
  event: ComplaintEvent,
  step: StepContext,
  context: DecideContext,
): ReadonlyArray<EffectRequest> {
  const out = new EffectList(state, step, context)
  const id = state.complaintId
  const cycle = state.cycle
  switch (event.type) {
    case "ComplaintRegistered": {
      out.upsertCase()
      if (inPersonChannels.includes(event.registration.channel))
        out.activity(
          "meeting",
          label("来访接待", "Complaint received at the desk"),
          label(
            event.registration.receptionNotes ?? event.registration.subject,
            event.registration.receptionNotes ?? event.registration.subject,
          ),
          event.receivedAt,
        )
      break
    }
    case "ComplaintAccepted": {
      out.upsertCase()
      const due = out.when(event.resolution.dueAt)
      out.handlingTask(event.handler)
      out.activity(
        "note",
        label("投诉已受理", "Complaint accepted"),
        label(
          `已告知客户受理，承诺办理期限 ${due}`,
          `Told the customer it is accepted, to be handled by ${due}`,
        ),
        event.at,
      )
      break
    }
    case "ComplaintRejected":
      out.upsertCase()
      out.activity(
        "note",
        label("不予受理", "Complaint not accepted"),
        label(
          `${RejectionReason.label(event.reason, "zh-CN")}：${event.explanation}`,
          `${RejectionReason.label(event.reason, "en")}: ${event.explanation}`,
        ),
        event.at,
      )
      break
    case "ComplaintClassified":
      out.upsertCase()
      // A new investigator takes over an investigation still open: the previous one's task closes.
      if (event.previousInvestigator !== undefined && state.investigation === undefined)
        out.complete(complaintTaskKeys.investigation(id, cycle, event.previousInvestigator))
      if (event.investigator !== undefined)
        out.task(
          complaintTaskKeys.investigation(id, cycle, event.investigator),
          event.investigator,
          label(`调查投诉 ${id}`, `Investigate complaint ${id}`),
          label("查明原因和责任方", "Find the cause and the responsible party"),
          state.resolution?.schedule.dueAt,
        )
      break
    case "HandlerAssigned": {
      out.upsertCase()
      // The open tasks of the previous handler move to the new one.
      const previous = event.previousHandler
      if (previous !== undefined) {
        if (handlingStages.has(state.stage) || state.stage === "litigation") {
          out.complete(complaintTaskKeys.handling(id, cycle, previous))
          out.handlingTask(event.handler)
        }
        if (state.stage === "executing" && state.proposal) {
          out.complete(complaintTaskKeys.execution(id, cycle, state.proposal.number, previous))
          out.executionTask(event.handler)
        }
        if (
          state.stage === "closed" &&
          state.followUp?.dueAt !== undefined &&
          state.followUp.recordedAt === undefined
        ) {
          out.complete(complaintTaskKeys.followUp(id, cycle, previous))
          out.followUpTask(event.handler)
        }
      }
      out.notify(
        "assigned",
        [{ person: event.handler }],
        "info",
        label(`投诉 ${id} 已转交给您`, `Complaint ${id} is now yours`),
        label(state.registration?.subject ?? id, state.registration?.subject ?? id),
      )
      break
    }
    case "InvestigationConcluded":
      out.upsertCase()
      if (state.investigator !== undefined)
        out.complete(complaintTaskKeys.investigation(id, cycle, state.investigator))
      break
    case "DepartmentOpinionRecorded":
      out.activity("note", label("相关部门意见", "Department's opinion"), asWritten(event.opinion), event.at)
      break
    case "RemedyProposed": {
      out.upsertCase()
      const approval = state.proposal?.approval
      if (event.approval && approval && approval.status === "pending") {
        const total = amountText(event.total)
        out.requests.push({
          kind: "approval.submit",
          key: approval.key,
          submission: {
            requestType: "complaint.remedy",
            businessKey: id,
            title: label(
              `${event.approval.title["zh-CN"]}：投诉 ${id}（${total}）`,
              `${event.approval.title.en}: complaint ${id} (${total})`,
            ),
            originator: { person: event.by },
            formId: event.approval.formId,
            values: approvalValuesOf(state, event.approval.formId),
            steps: event.approval.steps,
          },
        })
      }
      break
    }
    case "RemedyApprovalDecided": {
      out.upsertCase()
      const approved = event.outcome === "approved"
      out.notify(
        "approval",
        [out.owner],
        approved ? "info" : "warning",
        approved
          ? label(`投诉 ${id} 的方案已批准`, `Remedy for complaint ${id} approved`)
          : label(`投诉 ${id} 的方案未获批准`, `Remedy for complaint ${id} not approved`),
        label(
          approved ? "请与客户协商" : `请修改方案${event.comment ? `：${event.comment}` : ""}`,
          approved
            ? "Put it to the customer"
            : `Revise the solution${event.comment ? `: ${event.comment}` : ""}`,
        ),
      )
      break
    }
    case "CustomerResponded":
      out.upsertCase()
      out.activity(
        "call",
        event.accepted
          ? label("客户同意处理方案", "Customer accepted the solution")
          : label("客户不同意处理方案", "Customer refused the solution"),
        asWritten(event.note ?? ""),
        event.at,
      )
      if (event.accepted) out.executionTask(out.handlerId)
      break
    case "LitigationStarted":
      out.upsertCase()
      out.notify(
        "litigation",
        [{ role: "manager" }, { role: "director" }],
        "urgent",
        label(`投诉 ${id} 进入诉讼程序`, `Complaint ${id} goes to litigation`),
        label(event.note ?? event.reference ?? "", event.note ?? event.reference ?? ""),
      )
      break
    case "LitigationConcluded":
      break
    case "ComplaintResolved":
      out.upsertCase()
      out.complete(complaintTaskKeys.handling(id, cycle, out.handlerId))
      if (event.outcome === "remedied" && state.proposal)
        out.complete(complaintTaskKeys.execution(id, cycle, state.proposal.number, out.handlerId))
      out.activity(
        "note",
        label(
          `投诉已办结：${ResolutionOutcome.label(event.outcome, "zh-CN")}`,
          `Resolved: ${ResolutionOutcome.label(event.outcome, "en")}`,
        ),
        asWritten(event.note ?? ""),
        event.at,
      )
      break
    case "ComplaintClosed":
      out.upsertCase()
      out.followUpTask(out.handlerId)
      break
    case "FollowUpRecorded": {
      out.upsertCase()
      if (state.followUp?.dueAt !== undefined)
        out.complete(complaintTaskKeys.followUp(id, cycle, out.handlerId))
      out.activity(
        event.method === "visit" ? "visit" : event.method === "phone" ? "call" : "email",
        label(
          `${FollowUpMethod.label(event.method, "zh-CN")}：满意度 ${event.satisfaction}/5`,
          `${FollowUpMethod.label(event.method, "en")}: satisfaction ${event.satisfaction}/5`,
        ),
        asWritten(event.comment ?? ""),
        event.at,
      )
      if (event.satisfaction <= context.policy.followUp.dissatisfiedAtOrBelow)
        out.notify(
          "dissatisfied",
          [{ role: "supervisor" }],
          "warning",
          label(
            `投诉 ${id} 回访不满意（${event.satisfaction}/5）`,
            `Customer dissatisfied after complaint ${id} (${event.satisfaction}/5)`,
          ),
          label(
            `考虑重开投诉${event.comment ? `：${event.comment}` : ""}`,
            `Consider reopening it${event.comment ? `: ${event.comment}` : ""}`,
          ),
        )
      break
    }
    case "FollowUpOverdue":
      out.notify(
        "followUpOverdue",
        [out.owner, { role: "supervisor" }],
        "warning",
        label(`投诉 ${id} 回访逾期`, `Follow-up visit for complaint ${id} overdue`),
        label(`应于 ${out.when(event.dueAt)} 前回访`, `It was due by ${out.when(event.dueAt)}`),
      )
      break
    case "ComplaintReopened": {
      out.upsertCase()
      out.handlingTask(out.handlerId, event.reason)
      if (state.investigator !== undefined)
        out.task(
          complaintTaskKeys.investigation(id, cycle, state.investigator),
          state.investigator,
          label(`重新调查投诉 ${id}`, `Investigate reopened complaint ${id}`),
          asWritten(event.reason),
          event.resolution.dueAt,
        )
      out.notify(
        "reopened",
        [out.owner, { role: "supervisor" }],
        "warning",
        label(`投诉 ${id} 已重开`, `Complaint ${id} reopened`),
        asWritten(event.reason),
      )
      break
    }
    case "ComplaintWithdrawn": {
      out.upsertCase()
      const approval = state.proposal?.approval
      if (approval && approval.status === "withdrawn")
        out.requests.push({
          kind: "approval.withdraw",
          key: out.key("approval.withdraw"),
          submissionKey: approval.key,
          reason: `complaint withdrawn by the customer: ${event.reason}`,
        })
      if (state.acceptedAt !== undefined) out.complete(complaintTaskKeys.handling(id, cycle, out.handlerId))
      if (
        state.investigator !== undefined &&
        state.investigation === undefined &&
        state.acceptedAt !== undefined
      )
        out.complete(complaintTaskKeys.investigation(id, cycle, state.investigator))
      if (state.proposal?.customerResponse === "accepted")
        out.complete(complaintTaskKeys.execution(id, cycle, state.proposal.number, out.handlerId))
      out.activity(
        "note",
        label("客户撤回投诉", "Customer withdrew the complaint"),
        asWritten(event.reason),
        event.at,
      )
      break
    }
    case "ClockPaused":
      out.upsertCase()
      out.activity(
        "note",
        label("等待客户，暂停计时", "Waiting on the customer; SLA clock stopped"),
        label(event.note ?? event.reason, event.note ?? event.reason),
        event.at,
      )
      break
    case "ClockResumed":
      out.upsertCase()
      if (event.by === undefined)
        out.notify(
          "autoResumed",
          [out.owner],
          "warning",
          label(
            `投诉 ${id} 暂停已到期，恢复计时`,
            `Complaint ${id}: the pause ran out, the SLA clock runs again`,
          ),
          label(
            `新期限 ${out.when(event.resolution.dueAt)}`,
            `Now due by ${out.when(event.resolution.dueAt)}`,
          ),
        )
      break
    case "DeadlineWarned":
      out.notify(
        `warning:${event.sla}`,
        [out.owner],
        "warning",
        label(
          `投诉 ${id} ${slaLabels[event.sla]["zh-CN"]}即将超时`,
          `Complaint ${id}: ${slaLabels[event.sla].en} due soon`,
        ),
        label(`期限 ${out.when(event.dueAt)}`, `Due by ${out.when(event.dueAt)}`),
      )
      break
    case "DeadlineBreached":
      out.upsertCase()
      out.notify(
        `breach:${event.sla}`,
        [out.owner],
        "urgent",
        label(
          `投诉 ${id} ${slaLabels[event.sla]["zh-CN"]}已超时`,
          `Complaint ${id}: ${slaLabels[event.sla].en} overdue`,
        ),
        label(`期限为 ${out.when(event.dueAt)}`, `It was due by ${out.when(event.dueAt)}`),
      )
      break
    case "Escalated":
      out.upsertCase()
      out.notify(
        `escalation:${event.level}`,
        [{ role: event.role }, out.owner],
        "urgent",
        label(
          `投诉 ${id} 已升级至${Role.label(event.role, "zh-CN")}（${slaLabels[event.sla]["zh-CN"]}超时）`,
          `Complaint ${id} escalated to the ${Role.label(event.role, "en").toLowerCase()} (${slaLabels[event.sla].en} overdue)`,
        ),
        label(
          `期限为 ${out.when(event.dueAt)}，请督促处理`,
          `It was due by ${out.when(event.dueAt)}; please see that it is handled`,
        ),
      )
      break
    case "ReminderSent":
      out.notify(
        `reminder:${event.number}`,
        [out.owner],
        "info",
        label(`督促：投诉 ${id} 尚未办结`, `Reminder: complaint ${id} is still open`),
        label(
          `办理期限 ${state.resolution ? out.when(state.resolution.schedule.dueAt) : "—"}`,
          `Due by ${state.resolution ? out.when(state.resolution.schedule.dueAt) : "—"}`,
        ),
      )
      break
  }
  return out.requests
}
