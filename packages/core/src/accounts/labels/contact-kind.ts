import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * How an officer was in touch with a key account (大客户日常维护, 开发接触): each is logged on the
 * host's timeline as the activity of the same name.
 */
export const ContactKind = enumeration("accounts.contactKind", {
  visit: label("上门拜访", "Visit"),
  call: label("电话", "Call"),
  meeting: label("会议", "Meeting"),
  email: label("邮件", "E-mail"),
})

/** A kind of contact with a key account. */
export type ContactKind = ValueOf<typeof ContactKind>
