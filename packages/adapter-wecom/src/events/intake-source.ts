import { approvalOutcomeTranslator, type IntakeSource, noRecentIds, rejectCallback } from "@tixi/adapter-kit"
import type { ApprovalOutcomeEvent, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import { makeWeComCallbackHandler } from "./http-callback.ts"
import type { WeComCallbackKeys } from "./wecom-crypto.ts"
import { isApprovalEvent, type WeComApprovalEvent } from "./wecom-event.ts"

/** Settings of the WeCom callback endpoint. */
export interface WeComIntakeSourceOptions {
  /** The callback's Token, EncodingAESKey and receive id (the corpId, or the suiteId of a suite). */
  readonly keys: WeComCallbackKeys
  /** Where the intake serves it. Default `/hooks/wecom`. */
  readonly path?: string
  /**
   * How far a push's signed timestamp may be from the intake's clock (default 5 minutes); an
   * older push is refused as replayed.
   */
  readonly toleranceMillis?: number
  /**
   * Reads the tixi outcome of an approval change from WeCom (`adapter.toOutcome`): given, the
   * stored events are delivered to the processes as `approval.outcome` events.
   */
  readonly toOutcome?: (
    event: WeComApprovalEvent,
  ) => Effect.Effect<ApprovalOutcomeEvent | undefined, PortFailure>
}

/** The event type an approval change becomes in the intake; its payload is a `WeComApprovalEvent`. */
export const weComApprovalEventType = "wecom.approval"

/** The event type of WeCom's other messages and events; the payload is a `WeComOtherMessage`. */
export const weComOtherEventType = "wecom.event"

/**
 * WeCom's callbacks as an intake source (for `@tixi/runtime`'s `intake.sources`): the URL
 * verification GET answered with the decrypted echostr, message POSTs in XML or JSON verified on
 * the raw body and decrypted, a push whose signed timestamp is not recent refused as replayed,
 * `sys_approval_change` stored as a `wecom.approval` event keyed by sender, time, approval, status
 * and decisions so far (other messages by their own identity), answered `success` within
 * WeCom's 5 seconds.
 */
export function weComIntakeSource(options: WeComIntakeSourceOptions): IntakeSource {
  return {
    name: "wecom",
    path: options.path ?? "/hooks/wecom",
    acknowledgeWithinMillis: 5_000,
    translate:
      options.toOutcome === undefined
        ? undefined
        : approvalOutcomeTranslator(weComApprovalEventType, options.toOutcome),
    verify: (request) =>
      Effect.suspend(() => {
        const handle = makeWeComCallbackHandler({
          keys: options.keys,
          seen: noRecentIds,
          now: () => request.receivedAt,
          ...(options.toleranceMillis === undefined ? {} : { toleranceMillis: options.toleranceMillis }),
        })
        const outcome = handle({
          method: request.method,
          query: request.url.searchParams,
          body: new TextDecoder().decode(request.body),
        })
        if (!outcome.accepted) return rejectCallback(outcome.reason)
        return Effect.succeed({
          events: outcome.events.map((event) => ({
            id: event.dedupeKey,
            type: isApprovalEvent(event) ? weComApprovalEventType : weComOtherEventType,
            payload: event,
          })),
          response: {
            status: outcome.reply.status,
            headers: { "content-type": outcome.reply.contentType },
            body: outcome.reply.body,
          },
        })
      }),
  }
}
