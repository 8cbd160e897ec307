import {
  approvalOutcomeTranslator,
  IntakeRejected,
  type IntakeSource,
  noRecentIds,
  rejectUndecryptable,
} from "@tixi/adapter-kit"
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
 * the raw body and decrypted, `sys_approval_change` stored as a `wecom.approval` event keyed by
 * WeCom's dedupe key (sender, time, approval, status and decisions so far), answered `success`
 * within WeCom's 5 seconds.
 */
export function weComIntakeSource(options: WeComIntakeSourceOptions): IntakeSource {
  const handle = makeWeComCallbackHandler({ keys: options.keys, seen: noRecentIds })
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
        const outcome = handle({
          method: request.method,
          query: request.url.searchParams,
          body: new TextDecoder().decode(request.body),
        })
        if (!outcome.accepted) {
          return outcome.reason._tag === "MalformedCallback"
            ? Effect.fail(new IntakeRejected({ reason: "malformed", detail: outcome.reason.message }))
            : rejectUndecryptable(outcome.reason)
        }
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
