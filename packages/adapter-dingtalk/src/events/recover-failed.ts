import type { RecentIds } from "@tixi/adapter-kit"
import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { DingTalkClient } from "../client/dingtalk-client.ts"
import { getFailedCallbacks } from "../operations/get-failed-callbacks.ts"
import { type DingTalkApprovalEvent, isApprovalEvent, parseDingTalkEvent } from "./dingtalk-event.ts"

/**
 * After an outage: pulls every callback DingTalk failed to deliver (after its retries at 10 s and
 * 30 s; pull within minutes, the list is DingTalk's only copy), 200 at a time until none remain,
 * and returns the approval events not seen before.
 */
export const recoverFailedDeliveries = (
  client: DingTalkClient,
  seen: RecentIds,
): Effect.Effect<ReadonlyArray<DingTalkApprovalEvent>, PortFailure> =>
  Effect.gen(function* () {
    const events: Array<DingTalkApprovalEvent> = []
    for (let round = 0; round < 50; round++) {
      const page = yield* getFailedCallbacks(client)
      for (const failed of page.failed) {
        const event = parseDingTalkEvent(failed.data, { eventType: failed.tag, eventTime: failed.eventTime })
        if (event === undefined || !isApprovalEvent(event)) continue
        if (seen.firstSighting(event.eventId)) events.push(event)
      }
      if (!page.hasMore) break
    }
    return events
  })
