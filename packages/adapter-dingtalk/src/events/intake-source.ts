import {
  approvalOutcomeTranslator,
  type IntakeSource,
  noRecentIds,
  rejectCallback,
  type VerifiedEvent,
} from "@tixi/adapter-kit"
import type { ApprovalOutcomeEvent, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { DingTalkCallbackKeys } from "./dingtalk-crypto.ts"
import { type DingTalkApprovalEvent, isApprovalEvent } from "./dingtalk-event.ts"
import { makeDingTalkCallbackHandler } from "./http-callback.ts"

/** Settings of the DingTalk callback endpoint. */
export interface DingTalkIntakeSourceOptions {
  /** The callback's token, AES key and owner (appKey, corpId or suiteKey), as in the console. */
  readonly keys: DingTalkCallbackKeys
  /** Where the intake serves it. Default `/hooks/dingtalk`. */
  readonly path?: string
  /**
   * How far a push's signed timestamp may be from the intake's clock (default 5 minutes); an
   * older push is refused as replayed.
   */
  readonly toleranceMillis?: number
  /**
   * Reads the tixi outcome of an approval event from DingTalk (`adapter.toOutcome`): given, the
   * stored events are delivered to the processes as `approval.outcome` events.
   */
  readonly toOutcome?: (
    event: DingTalkApprovalEvent,
  ) => Effect.Effect<ApprovalOutcomeEvent | undefined, PortFailure>
}

/** The event type an approval callback becomes in the intake; its payload is a `DingTalkApprovalEvent`. */
export const dingTalkApprovalEventType = "dingtalk.approval"

/** The event type of DingTalk's other subscribed events (address book, …); the payload is a `DingTalkOtherEvent`. */
export const dingTalkOtherEventType = "dingtalk.event"

/**
 * DingTalk's HTTP callbacks as an intake source (for `@tixi/runtime`'s `intake.sources`): the
 * signature is checked and the body decrypted before anything is parsed, a push whose signed
 * timestamp is not recent is refused as replayed, `bpms_instance_change` and `bpms_task_change`
 * become `dingtalk.approval` events keyed by DingTalk's event id (its retries at 10 s and 30 s
 * carry the same id, so the intake keeps one; a push without one gets an id derived from its
 * content), other subscribed events `dingtalk.event`, and the answer is the
 * encrypted `success` DingTalk waits for within 1.5 s, the check_url handshake included.
 * Turning an approval event into tixi's outcome reads the instance from DingTalk, so it happens
 * after the answer, when the event is delivered (`toOutcome`).
 */
export function dingTalkIntakeSource(options: DingTalkIntakeSourceOptions): IntakeSource {
  return {
    name: "dingtalk",
    path: options.path ?? "/hooks/dingtalk",
    acknowledgeWithinMillis: 1_500,
    translate:
      options.toOutcome === undefined
        ? undefined
        : approvalOutcomeTranslator(dingTalkApprovalEventType, options.toOutcome),
    verify: (request) =>
      Effect.suspend(() => {
        const handle = makeDingTalkCallbackHandler({
          keys: options.keys,
          now: () => request.receivedAt,
          seen: noRecentIds,
          ...(options.toleranceMillis === undefined ? {} : { toleranceMillis: options.toleranceMillis }),
        })
        const outcome = handle({
          method: request.method,
          query: request.url.searchParams,
          body: new TextDecoder().decode(request.body),
          headers: request.headers,
        })
        if (!outcome.accepted) return rejectCallback(outcome.reason)
        const events: Array<VerifiedEvent> = []
        for (const event of outcome.events) {
          events.push({
            id: event.eventId,
            type: isApprovalEvent(event) ? dingTalkApprovalEventType : dingTalkOtherEventType,
            payload: event,
          })
        }
        return Effect.succeed({
          events,
          response: {
            status: outcome.reply.status,
            headers: { "content-type": outcome.reply.contentType },
            body: outcome.reply.body,
          },
        })
      }),
  }
}
