import { weComOtherEventType } from "./intake-source.ts"
import type { WeComOtherMessage } from "./wecom-event.ts"

/**
 * Whether an intake event says WeCom's address book changed (`change_contact`: a member created,
 * updated or deleted, a department or tag changed): the runtime's `personCache.isDirectoryChange`,
 * so a post taken away stops being usable at once rather than when the cached person expires.
 */
export const isWeComDirectoryChange = (event: {
  readonly type: string
  readonly payload: unknown
}): boolean =>
  event.type === weComOtherEventType &&
  (event.payload as Partial<WeComOtherMessage> | undefined)?.event === "change_contact"
