import { approvalOutcomeEventType } from "@tixi/adapter-kit"
import type { ApprovalOutcomeEvent } from "@tixi/core"
import type { InboundEvent, RouteTarget } from "../engine/hosted-process.ts"

/**
 * The `route` of a process whose instances wait on approvals (a complaint's remedy, a credit-limit
 * override, a survey plan): an `approval.outcome` event from DingTalk, WeCom or Salesforce becomes
 * the command `toCommand` makes of it, on the instance its business key names. `toCommand` answers
 * undefined for approvals that are not this process's (another request type).
 */
export const routeApprovalOutcomes =
  <Command>(toCommand: (outcome: ApprovalOutcomeEvent) => Command | undefined) =>
  (event: InboundEvent): RouteTarget<Command> | undefined => {
    if (event.type !== approvalOutcomeEventType) return undefined
    const outcome = event.payload as ApprovalOutcomeEvent
    const command = toCommand(outcome)
    return command === undefined ? undefined : { instanceId: outcome.businessKey, command }
  }
