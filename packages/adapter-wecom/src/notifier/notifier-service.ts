import { type IdMapping, renderNotification } from "@tixi/adapter-kit"
import { type DeliveredNotification, InvalidRequest, type NotifierService, PortFailure } from "@tixi/core"
import { Clock, Effect } from "effect"
import type { WeComClient } from "../client/wecom-client.ts"
import { sendAppMessage } from "../operations/send-app-message.ts"

/**
 * Notifications as WeCom app messages (应用消息) in markdown. Once per key: in memory, and after a
 * restart WeCom's duplicate check drops the same content for four hours (the key is part of it).
 */
export function makeWeComNotifier(client: WeComClient, ids: IdMapping): NotifierService {
  const delivered = new Map<string, DeliveredNotification>()
  const invalid = (fields: Array<{ field: string; message: string }>) =>
    new PortFailure({
      port: "Notifier",
      operation: "notify",
      reason: new InvalidRequest({ fields }),
      detail: fields.map((problem) => `${problem.field}: ${problem.message}`).join("; "),
    })
  return {
    host: "wecom",
    notify: (draft) =>
      Effect.gen(function* () {
        const known = delivered.get(draft.key)
        if (known) return known
        const problems: Array<{ field: string; message: string }> = []
        if (draft.recipients.length === 0) problems.push({ field: "recipients", message: "nobody to notify" })
        if (client.settings.agentId === undefined)
          problems.push({ field: "agentId", message: "app messages need the app's AgentId" })
        if (problems.length > 0) return yield* invalid(problems)
        const sent = yield* sendAppMessage(client, {
          agentId: client.settings.agentId!,
          userIds: draft.recipients.map(ids.userIdOf),
          markdown: renderNotification(draft, client.settings.locale).markdown,
          duplicateCheckSeconds: 14_400,
        })
        if (sent.invalidUsers.length === draft.recipients.length) {
          return yield* invalid([
            { field: "recipients", message: `WeCom knows none of ${sent.invalidUsers.join(", ")}` },
          ])
        }
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
