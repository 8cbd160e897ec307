import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** Why the SLA clock stops: the next step waits on someone outside the company. */
export const PauseReason = enumeration("complaint.pauseReason", {
  waitingOnCustomer: label("等待客户回复", "Waiting on the customer"),
  waitingOnEvidence: label("等待客户提供凭证", "Waiting on evidence from the customer"),
  waitingOnThirdParty: label("等待第三方（承运人、厂家）", "Waiting on a third party (carrier, maker)"),
})

/** Why the SLA clock stops. */
export type PauseReason = ValueOf<typeof PauseReason>
