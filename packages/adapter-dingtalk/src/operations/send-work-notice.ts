import { Effect } from "effect"
import type { DingTalkClient } from "../client/dingtalk-client.ts"

/**
 * Sends a work notice (工作通知) from the app to users; returns the task id. DingTalk delivers the
 * same content to the same user at most once a day, and allows 5,000 users per call.
 * https://open.dingtalk.com/document/orgapp/asynchronous-sending-of-enterprise-session-messages
 * `POST https://oapi.dingtalk.com/topapi/message/corpconversation/asyncsend_v2`
 */
export const sendWorkNotice = (
  client: DingTalkClient,
  input: {
    readonly agentId: number
    readonly userIds: ReadonlyArray<string>
    readonly title: string
    readonly markdown: string
  },
) =>
  Effect.map(
    client.call({
      site: { port: "Notifier", operation: "notify" },
      api: "oapi",
      method: "POST",
      path: "/topapi/message/corpconversation/asyncsend_v2",
      json: {
        agent_id: input.agentId,
        userid_list: input.userIds.join(","),
        msg: { msgtype: "markdown", markdown: { title: input.title, text: input.markdown } },
      },
    }),
    (body) => String((body as { task_id?: unknown }).task_id ?? ""),
  )
