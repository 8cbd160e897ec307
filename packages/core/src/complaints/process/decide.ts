import { Result } from "effect"
import { fromZodIssues } from "../../errors/validation-error.ts"
import { type ComplaintCommand, type ComplaintCommandType, commandSchemas } from "./commands.ts"
import type { DecideContext } from "./context.ts"
import { decideCheckSla, decidePause, decideReminder, decideResume, resumeEvent } from "./decide-clock.ts"
import {
  decideCheckFollowUp,
  decideClose,
  decideFollowUp,
  decideReopen,
  decideWithdraw,
} from "./decide-closure.ts"
import {
  decideConcludeLitigation,
  decideCustomerResponse,
  decideDepartmentOpinion,
  decideExecution,
  decideInvestigation,
  decideProposeRemedy,
  decideRemedyApproval,
  decideStartLitigation,
} from "./decide-handling.ts"
import {
  decideAccept,
  decideAssignHandler,
  decideClassify,
  decideRegister,
  decideReject,
} from "./decide-intake.ts"
import { evolveComplaint } from "./evolve.ts"
import { type ComplaintDecision, invalidInput, refuse } from "./refusal.ts"
import type { ComplaintState } from "./state.ts"

/**
 * The commands that move the case on. Given while the clock is stopped, they run it again first
 * (the wait is over), so the paused time is measured and the deadlines moved before they act.
 */
const resumingCommands: ReadonlySet<ComplaintCommandType> = new Set([
  "Classify",
  "RecordInvestigation",
  "ProposeRemedy",
  "RecordCustomerResponse",
  "StartLitigation",
  "RecordExecution",
  "Withdraw",
])

function route(state: ComplaintState, command: ComplaintCommand, context: DecideContext): ComplaintDecision {
  switch (command.type) {
    case "Register":
      return decideRegister(state, command, context)
    case "Accept":
      return decideAccept(state, command, context)
    case "Reject":
      return decideReject(state, command, context)
    case "Classify":
      return decideClassify(state, command, context)
    case "AssignHandler":
      return decideAssignHandler(state, command)
    case "RecordInvestigation":
      return decideInvestigation(state, command, context)
    case "RecordDepartmentOpinion":
      return decideDepartmentOpinion(state, command)
    case "ProposeRemedy":
      return decideProposeRemedy(state, command, context)
    case "DecideRemedyApproval":
      return decideRemedyApproval(state, command)
    case "RecordCustomerResponse":
      return decideCustomerResponse(state, command)
    case "StartLitigation":
      return decideStartLitigation(state, command, context)
    case "ConcludeLitigation":
      return decideConcludeLitigation(state, command, context)
    case "RecordExecution":
      return decideExecution(state, command, context)
    case "Close":
      return decideClose(state, command, context)
    case "RecordFollowUp":
      return decideFollowUp(state, command)
    case "Reopen":
      return decideReopen(state, command, context)
    case "Withdraw":
      return decideWithdraw(state, command)
    case "PauseClock":
      return decidePause(state, command, context)
    case "ResumeClock":
      return decideResume(state, command, context)
    case "CheckSla":
      return decideCheckSla(state, command)
    case "SendReminder":
      return decideReminder(state, command, context)
    case "CheckFollowUp":
      return decideCheckFollowUp(state, command)
  }
}

/**
 * Decides a complaint command: checks its shape (a `ValidationError` with paths, never a throw),
 * that it is not dated before the complaint's last event, that the stage allows it, and the
 * policy's rules; then returns the events. Deadlines computed from the calendar are recorded in
 * the events.
 */
export function decideComplaint(
  state: ComplaintState,
  input: ComplaintCommand,
  context: DecideContext,
): ComplaintDecision {
  const raw: unknown = input
  if (typeof raw !== "object" || raw === null)
    return invalidInput("command", [], "a command is an object with a type")
  const type = (raw as { type?: unknown }).type
  if (typeof type !== "string" || !Object.hasOwn(commandSchemas, type))
    return invalidInput("command", ["type"], `unknown command ${JSON.stringify(type)}`)
  const parsed = commandSchemas[type as ComplaintCommandType].safeParse(raw)
  if (!parsed.success) return Result.fail(fromZodIssues(`complaint.${type}`, parsed.error.issues))
  const command = parsed.data as ComplaintCommand
  if (command.at < state.lastEventAt)
    return invalidInput(command.type, ["at"], "is earlier than the complaint's last event")
  if (state.stage === "new" && command.type !== "Register")
    return refuse(state, command.type, "the complaint is not registered")
  if (
    state.pause !== undefined &&
    resumingCommands.has(command.type) &&
    "actor" in command &&
    command.actor
  ) {
    const resumed = resumeEvent(state, command.at, command.actor.personId, context)
    if (resumed !== undefined) {
      const decided = route(evolveComplaint(state, resumed), command, context)
      return Result.isFailure(decided) ? decided : Result.succeed([resumed, ...decided.success])
    }
  }
  return route(state, command, context)
}
