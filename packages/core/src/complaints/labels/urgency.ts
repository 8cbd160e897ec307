import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"
import type { HostCasePriority } from "../../ports/host-crm.ts"

/** How urgently the complaint must be handled (处理紧急程度, 投诉处理报告表: ①特急 ②急 ③普通). */
export const Urgency = enumeration("complaint.urgency", {
  critical: label("特急", "Critical"),
  urgent: label("急", "Urgent"),
  normal: label("普通", "Normal"),
})

/** How urgently the complaint must be handled. */
export type Urgency = ValueOf<typeof Urgency>

/** The host case priority of each urgency (HubSpot `hs_ticket_priority`, Salesforce `Priority`). */
export const priorityOfUrgency: Readonly<Record<Urgency, HostCasePriority>> = {
  critical: "urgent",
  urgent: "high",
  normal: "normal",
}
