import type { Label } from "../../labels/label.ts"
import type { Assignee, NotifyRequest } from "../../process/effect-request.ts"
import type { HostEffects } from "../../process/host-effects.ts"
import { personOrPost } from "../../process/person-or-post.ts"
import type { Actor } from "../../roles/actor.ts"

/** The supervisor who opened a key-account cycle, or the post when none is recorded yet. */
export const supervisorOf = (supervisor: Actor | undefined): Assignee =>
  personOrPost(supervisor?.personId, "supervisor")

/**
 * Tells `recipient` that the approver sent a key-account form back (✓ returned), with the
 * approver's comment or a default asking for it to be revised.
 */
export const returnedNotice = (
  host: HostEffects,
  recipient: Assignee,
  title: Label,
  comment: string | undefined,
): NotifyRequest =>
  host.notify([recipient], "warning", title, {
    "zh-CN": comment ?? "请修改后重新提交",
    en: comment ?? "revise and submit again",
  })
