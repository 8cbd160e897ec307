import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** How the follow-up visit after closure (回访) reached the customer. */
export const FollowUpMethod = enumeration("complaint.followUpMethod", {
  phone: label("电话回访", "Phone call"),
  visit: label("上门回访", "Visit"),
  message: label("短信或邮件回访", "Message or e-mail"),
})

/** How the follow-up visit reached the customer. */
export type FollowUpMethod = ValueOf<typeof FollowUpMethod>
