import { type IdMapping, renderNotification } from "@tixi/adapter-kit"
import { type DeliveredNotification, InvalidRequest, type NotifierService, PortFailure } from "@tixi/core"
import { Clock, Effect } from "effect"
import type { DingTalkClient } from "../client/dingtalk-client.ts"
import { fitsWorkNotice, sendWorkNotice } from "../operations/send-work-notice.ts"

/**
 * Notifications as DingTalk work notices (工作通知) from the app (`agentId`), in markdown. Once per
 * key: in memory, and after a restart DingTalk itself drops the same content to the same user
 * within the day (the key is part of the content). A long body is shortened to DingTalk's 2,048
 * bytes; more than 100 recipients are sent in several calls.
 */
export function makeDingTalkNotifier(client: DingTalkClient, ids: IdMapping): NotifierService {
  const delivered = new Map<string, DeliveredNotification>()
  return {
    host: "dingtalk",
    notify: (draft) =>
      Effect.gen(function* () {
        const known = delivered.get(draft.key)
        if (known) return known
        const problems: Array<{ field: string; message: string }> = []
        if (draft.recipients.length === 0) problems.push({ field: "recipients", message: "nobody to notify" })
        if (client.settings.agentId === undefined)
          problems.push({ field: "agentId", message: "work notices need the app's AgentId" })
        if (problems.length > 0) {
          return yield* new PortFailure({
            port: "Notifier",
            operation: "notify",
            reason: new InvalidRequest({ fields: problems }),
            detail: problems.map((problem) => `${problem.field}: ${problem.message}`).join("; "),
          })
        }
        const text = renderNotification(draft, client.settings.locale, { fits: fitsWorkNotice })
        yield* sendWorkNotice(client, {
          agentId: client.settings.agentId!,
          userIds: draft.recipients.map(ids.userIdOf),
          title: text.title,
          markdown: text.markdown,
        })
        const result = {
          key: draft.key,
          recipients: draft.recipients,
          deliveredAt: yield* Clock.currentTimeMillis,
        }
        delivered.set(draft.key, result)
        return result
      }),
  }
}
