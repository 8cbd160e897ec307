import { chunk } from "@tixi/adapter-kit"
import { InvalidRequest, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { DingTalkClient } from "../client/dingtalk-client.ts"

/** Users one `asyncsend_v2` call takes in `userid_list` (doc 0769); more are sent in further calls. */
export const workNoticeMaxRecipients = 100

/** The most a work notice's `msg` may hold, in UTF-8 bytes as sent (doc 0769). */
export const workNoticeMaxBytes = 2_048

/** The `msg` of a markdown work notice, as it is sent. */
const workNoticeMessage = (title: string, markdown: string) => ({
  msgtype: "markdown",
  markdown: { title, text: markdown },
})

/**
 * Whether a markdown work notice fits DingTalk's 2,048 bytes, measured on the JSON sent (escapes
 * included), so the notifier can shorten the body before sending.
 */
export const fitsWorkNotice = (title: string, markdown: string): boolean =>
  Buffer.byteLength(JSON.stringify(workNoticeMessage(title, markdown)), "utf8") <= workNoticeMaxBytes

/**
 * Sends a work notice (工作通知) from the app to users; returns the task id of each call. DingTalk
 * takes at most 100 users per call, so more are sent in several calls; it delivers the same
 * content to the same user at most once a day, so a retry after a partial failure repeats nothing.
 * A message over 2,048 bytes fails `InvalidRequest` naming `markdown` before anything is sent.
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
  Effect.gen(function* () {
    if (!fitsWorkNotice(input.title, input.markdown)) {
      return yield* new PortFailure({
        port: "Notifier",
        operation: "notify",
        reason: new InvalidRequest({
          fields: [{ field: "markdown", message: `a work notice holds at most ${workNoticeMaxBytes} bytes` }],
        }),
        detail: `markdown: a work notice holds at most ${workNoticeMaxBytes} bytes`,
      })
    }
    const taskIds: Array<string> = []
    for (const userIds of chunk(input.userIds, workNoticeMaxRecipients)) {
      const body = yield* client.call({
        site: { port: "Notifier", operation: "notify" },
        api: "oapi",
        method: "POST",
        path: "/topapi/message/corpconversation/asyncsend_v2",
        json: {
          agent_id: input.agentId,
          userid_list: userIds.join(","),
          msg: workNoticeMessage(input.title, input.markdown),
        },
      })
      taskIds.push(String((body as { task_id?: unknown }).task_id ?? ""))
    }
    return taskIds as ReadonlyArray<string>
  })
