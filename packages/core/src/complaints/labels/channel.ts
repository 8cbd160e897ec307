import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * How the complaint reached the company (投诉受理者, 投诉处理报告表: ①信件 ②传真 ③电话 ④采访 ⑤店内),
 * with the channels of today after the handbook's five.
 */
export const Channel = enumeration("complaint.channel", {
  letter: label("信件", "Letter"),
  fax: label("传真", "Fax"),
  phone: label("电话", "Phone"),
  visit: label("采访", "Visit"),
  inStore: label("店内", "In store"),
  web: label("网站", "Web form"),
  email: label("电子邮件", "E-mail"),
  chat: label("在线客服", "Chat"),
})

/** How the complaint reached the company. */
export type Channel = ValueOf<typeof Channel>

/** The channels where the customer stands before an officer, so the reception flow (投诉接待流程) applies. */
export const inPersonChannels: ReadonlyArray<Channel> = ["visit", "inStore"]
