import { Effect } from "effect"
import type { WeComClient } from "../client/wecom-client.ts"

/**
 * Sends an app message (应用消息) in markdown to members, with WeCom's duplicate check on (the same
 * content is not delivered twice within `duplicateCheckSeconds`, at most 4 hours). Returns the
 * members WeCom did not know.
 * https://developer.work.weixin.qq.com/document/path/90236
 * `POST /cgi-bin/message/send`
 */
export const sendAppMessage = (
  client: WeComClient,
  input: {
    readonly agentId: number
    readonly userIds: ReadonlyArray<string>
    readonly markdown: string
    readonly duplicateCheckSeconds: number
  },
) =>
  Effect.map(
    client.call({
      site: { port: "Notifier", operation: "notify" },
      method: "POST",
      path: "/cgi-bin/message/send",
      json: {
        touser: input.userIds.join("|"),
        msgtype: "markdown",
        agentid: input.agentId,
        markdown: { content: input.markdown },
        enable_duplicate_check: 1,
        duplicate_check_interval: Math.min(14_400, input.duplicateCheckSeconds),
      },
    }),
    (body) => ({
      invalidUsers: String(body.invaliduser ?? "")
        .split("|")
        .filter((user) => user.length > 0),
      msgid: String(body.msgid ?? ""),
    }),
  )
