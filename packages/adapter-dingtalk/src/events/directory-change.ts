import type { DingTalkOtherEvent } from "./dingtalk-event.ts"
import { dingTalkOtherEventType } from "./intake-source.ts"

/** DingTalk's address-book events (通讯录事件): people, departments and role labels changing. */
const directoryEventTypes: ReadonlySet<string> = new Set([
  "user_add_org",
  "user_modify_org",
  "user_leave_org",
  "user_active_org",
  "org_admin_add",
  "org_admin_remove",
  "org_dept_create",
  "org_dept_modify",
  "org_dept_remove",
  "label_user_change",
  "label_conf_add",
  "label_conf_modify",
  "label_conf_del",
])

/**
 * Whether an intake event says DingTalk's address book changed (a user's roles, title or
 * department): the runtime's `personCache.isDirectoryChange`, so a post taken away stops being
 * usable at once rather than when the cached person expires.
 */
export const isDingTalkDirectoryChange = (event: {
  readonly type: string
  readonly payload: unknown
}): boolean =>
  event.type === dingTalkOtherEventType &&
  directoryEventTypes.has((event.payload as Partial<DingTalkOtherEvent> | undefined)?.eventType ?? "")
