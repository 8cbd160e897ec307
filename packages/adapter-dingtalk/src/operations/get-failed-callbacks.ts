import { Effect } from "effect"
import type { DingTalkClient } from "../client/dingtalk-client.ts"

/** A callback DingTalk could not deliver. */
export interface FailedCallback {
  readonly tag: string
  readonly eventTime: number
  /** The event's data as it would have been pushed (bpmsCallBackData for approvals). */
  readonly data: Readonly<Record<string, unknown>>
}

/**
 * Callbacks whose pushes failed (after DingTalk's retries at 10 s and 30 s), at most 200 a call.
 * https://open.dingtalk.com/document/orgapp/obtain-the-event-list-of-failed-push-messages
 * `GET https://oapi.dingtalk.com/call_back/get_call_back_failed_result`
 */
export const getFailedCallbacks = (client: DingTalkClient) =>
  Effect.map(
    client.call({
      site: { port: "Approvals", operation: "getFailedCallbacks" },
      api: "oapi",
      method: "GET",
      path: "/call_back/get_call_back_failed_result",
    }),
    (body) => {
      const raw = body as { failed_list?: ReadonlyArray<Record<string, unknown>>; has_more?: unknown }
      const failed: Array<FailedCallback> = []
      for (const entry of raw.failed_list ?? []) {
        const tag = String(entry.call_back_tag ?? "")
        const inner = (entry[tag] ?? {}) as Record<string, unknown>
        const data = (inner.bpmsCallBackData ?? inner.callbackData ?? inner) as Record<string, unknown>
        failed.push({ tag, eventTime: Number(entry.event_time ?? 0), data })
      }
      return { failed, hasMore: raw.has_more === true }
    },
  )
