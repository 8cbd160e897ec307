import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/** How the customer was told of a credit decision (通知客户). */
export const NoticeChannel = enumeration("credit.noticeChannel", {
  letter: label("书面通知", "Letter"),
  phone: label("电话", "Phone"),
  visit: label("上门", "Visit"),
  email: label("电子邮件", "Email"),
})

/** How the customer was told. */
export type NoticeChannel = ValueOf<typeof NoticeChannel>
