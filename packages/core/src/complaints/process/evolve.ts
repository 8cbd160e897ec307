import { idempotencyKey } from "../../ids/idempotency-key.ts"
import type { ComplaintEvent } from "./events.ts"
import { complaintProcessName } from "./refusal.ts"
import { type SlaClock, startClock } from "./sla.ts"
import type { ComplaintState } from "./state.ts"

const met = (clock: SlaClock | undefined, at: number): SlaClock | undefined =>
  clock === undefined || clock.metAt !== undefined ? clock : { ...clock, metAt: at }

/** The state after one event. */
function apply(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  switch (event.type) {
    case "ComplaintRegistered":
      return {
        ...state,
        stage: "registered",
        complaintId: event.complaintId,
        policyVersion: event.policyVersion,
        registration: event.registration,
        receivedAt: event.receivedAt,
        registeredAt: event.at,
        registeredBy: event.by,
        hostRecordId: event.hostRecordId,
        urgency: event.registration.urgency,
        type: event.registration.type,
        category: event.registration.category,
        firstResponse: startClock(event.firstResponse),
      }
    case "ComplaintAccepted":
      return {
        ...state,
        stage: "accepted",
        acceptedAt: event.at,
        handler: event.handler,
        firstResponse: met(state.firstResponse, event.at),
        resolution: startClock(event.resolution),
        reminders: { sent: state.reminders.sent, nextAt: event.nextReminderAt },
      }
    case "ComplaintRejected":
      return {
        ...state,
        stage: "rejected",
        rejection: { at: event.at, by: event.by, reason: event.reason, explanation: event.explanation },
        firstResponse: met(state.firstResponse, event.at),
        outcome: "rejected",
        resolvedAt: event.at,
        closedAt: event.at,
      }
    case "ComplaintClassified":
      return {
        ...state,
        stage: state.stage === "accepted" ? "investigating" : state.stage,
        category: event.category,
        type: event.complaintType,
        departmentId: event.departmentId,
        investigator: event.investigator,
      }
    case "HandlerAssigned":
      return { ...state, handler: event.handler }
    case "InvestigationConcluded":
      return {
        ...state,
        stage: event.ownSide ? "proposing" : state.stage,
        investigation: {
          at: event.at,
          by: event.by,
          cause: event.cause,
          ownSide: event.ownSide,
          responsibility: event.responsibility,
          sanctions: event.sanctions,
          severity: event.severity,
          findings: event.findings,
          explanation: event.explanation,
        },
      }
    case "DepartmentOpinionRecorded":
      return {
        ...state,
        opinions: [
          ...state.opinions,
          { department: event.department, opinion: event.opinion, by: event.by, at: event.at },
        ],
      }
    case "RemedyProposed":
      return {
        ...state,
        stage: event.approval ? "awaitingApproval" : "negotiating",
        proposalCount: event.number,
        proposal: {
          number: event.number,
          at: event.at,
          by: event.by,
          byRole: event.byRole,
          remedies: event.remedies,
          total: event.total,
          note: event.note,
          customerResponse: undefined,
          approval: event.approval
            ? {
                status: "pending",
                // The submit request of this event carries this key (see effects), and so does the decision.
                key: idempotencyKey(
                  complaintProcessName,
                  state.complaintId,
                  state.version,
                  "approval.submit",
                ),
                decidingRole: event.approval.decidingRole,
                steps: event.approval.steps,
                formId: event.approval.formId,
                title: event.approval.title,
                decidedBy: undefined,
                comment: undefined,
              }
            : { status: "notRequired" },
        },
      }
    case "RemedyApprovalDecided": {
      const proposal = state.proposal
      if (proposal === undefined || proposal.approval.status === "notRequired") return state
      return {
        ...state,
        stage: event.outcome === "approved" ? "negotiating" : "proposing",
        approvalRejections: state.approvalRejections + (event.outcome === "rejected" ? 1 : 0),
        proposal: {
          ...proposal,
          approval: {
            ...proposal.approval,
            status: event.outcome,
            decidedBy: event.decidedBy,
            comment: event.comment,
          },
        },
      }
    }
    case "CustomerResponded":
      return {
        ...state,
        stage: event.accepted ? "executing" : "proposing",
        customerRefusals: state.customerRefusals + (event.accepted ? 0 : 1),
        proposal: state.proposal && {
          ...state.proposal,
          customerResponse: event.accepted ? "accepted" : "refused",
        },
      }
    case "LitigationStarted":
      return {
        ...state,
        stage: "litigation",
        reminders: { sent: state.reminders.sent, nextAt: undefined },
        litigation: {
          startedAt: event.at,
          by: event.by,
          reference: event.reference,
          verdict: undefined,
          award: undefined,
          concludedAt: undefined,
        },
      }
    case "LitigationConcluded":
      return {
        ...state,
        litigation: state.litigation && {
          ...state.litigation,
          verdict: event.verdict,
          award: event.award,
          concludedAt: event.at,
        },
      }
    case "ComplaintResolved":
      return {
        ...state,
        stage: "resolved",
        outcome: event.outcome,
        resolvedAt: event.at,
        cost: event.cost,
        resolutionNote: event.note,
        resolution: met(state.resolution, event.at),
        reminders: { sent: state.reminders.sent, nextAt: undefined },
      }
    case "ComplaintClosed":
      return {
        ...state,
        stage: "closed",
        closedAt: event.at,
        closure: {
          by: event.by,
          summary: event.summary,
          evaluation: event.evaluation,
          improvements: event.improvements,
        },
        followUp:
          event.followUpDueAt === undefined
            ? undefined
            : {
                dueAt: event.followUpDueAt,
                overdueNotified: false,
                recordedAt: undefined,
                satisfaction: undefined,
                method: undefined,
                comment: undefined,
                by: undefined,
              },
      }
    case "FollowUpRecorded":
      return {
        ...state,
        followUp: {
          dueAt: state.followUp?.dueAt,
          overdueNotified: state.followUp?.overdueNotified ?? false,
          recordedAt: event.at,
          satisfaction: event.satisfaction,
          method: event.method,
          comment: event.comment,
          by: event.by,
        },
      }
    case "FollowUpOverdue":
      return { ...state, followUp: state.followUp && { ...state.followUp, overdueNotified: true } }
    case "ComplaintReopened":
      return {
        ...state,
        stage: "investigating",
        cycle: event.cycle,
        resolution: startClock(event.resolution),
        escalationLevel: 0,
        investigation: undefined,
        opinions: [],
        proposal: undefined,
        litigation: undefined,
        outcome: undefined,
        resolvedAt: undefined,
        cost: undefined,
        resolutionNote: undefined,
        closedAt: undefined,
        closure: undefined,
        followUp: undefined,
        reminders: { sent: state.reminders.sent, nextAt: event.nextReminderAt },
      }
    case "ComplaintWithdrawn":
      return {
        ...state,
        stage: "closed",
        outcome: "withdrawn",
        resolvedAt: event.at,
        closedAt: event.at,
        pause: undefined,
        followUp: undefined,
        reminders: { sent: state.reminders.sent, nextAt: undefined },
        proposal:
          state.proposal && state.proposal.approval.status === "pending"
            ? { ...state.proposal, approval: { ...state.proposal.approval, status: "withdrawn" } }
            : state.proposal,
      }
    case "ClockPaused":
      return {
        ...state,
        pause: { since: event.at, reason: event.reason, by: event.by, autoResumeAt: event.autoResumeAt },
        pauseCount: state.pauseCount + 1,
      }
    case "ClockResumed":
      return {
        ...state,
        pause: undefined,
        pausedWorkingMinutes: state.pausedWorkingMinutes + event.pausedWorkingMinutes,
        resolution: state.resolution && { ...state.resolution, schedule: event.resolution },
        reminders: { sent: state.reminders.sent, nextAt: event.nextReminderAt },
      }
    case "DeadlineWarned":
      return withClock(state, event.sla, (clock) => ({ ...clock, warned: true }))
    case "DeadlineBreached":
      return withClock(state, event.sla, (clock) => ({ ...clock, warned: true, breached: true }))
    case "Escalated":
      return {
        ...state,
        escalationLevel: Math.max(state.escalationLevel, event.level),
        escalations: [
          ...state.escalations,
          {
            cycle: state.cycle,
            sla: event.sla,
            level: event.level,
            role: event.role,
            dueAt: event.dueAt,
            at: event.at,
          },
        ],
      }
    case "ReminderSent":
      return {
        ...state,
        reminders: { sent: [...state.reminders.sent, event.at], nextAt: event.nextReminderAt },
      }
  }
}

function withClock(
  state: ComplaintState,
  sla: "firstResponse" | "resolution",
  change: (clock: SlaClock) => SlaClock,
): ComplaintState {
  const clock = state[sla]
  return clock === undefined ? state : { ...state, [sla]: change(clock) }
}

/**
 * Folds one event into the state. Total: every event `decide` produces is accepted, and the
 * instants come from the event, so replaying a log gives the same state under any calendar.
 */
export function evolveComplaint(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  const next = apply(state, event)
  return { ...next, version: state.version + 1, lastEventAt: Math.max(state.lastEventAt, event.at) }
}
