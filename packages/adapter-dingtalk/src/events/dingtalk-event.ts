import { contentId } from "@tixi/adapter-kit"

/**
 * An approval event as DingTalk pushes it, from either channel: HTTP callbacks put the fields at
 * the top level with `EventType`/`eventId`; Stream mode wraps them in `data` with
 * `eventType`/`eventId`. Both become this one shape.
 */
export interface DingTalkApprovalEvent {
  readonly eventType: "bpms_instance_change" | "bpms_task_change"
  /** DingTalk's event id: duplicates and retries carry the same one. */
  readonly eventId: string
  readonly processInstanceId: string
  readonly processCode: string | undefined
  /** start | finish | terminate | delete (instances); start | finish | cancel (tasks). */
  readonly type: string
  /** agree | refuse (absent on terminate); tasks also redirect. */
  readonly result: string | undefined
  /** The originator (instance events) or the approver (task events). */
  readonly staffId: string | undefined
  readonly remark: string | undefined
  readonly title: string | undefined
  /** Milliseconds. */
  readonly createTime: number | undefined
  readonly finishTime: number | undefined
  readonly eventTime: number | undefined
}

/** Any other event (check_url, address-book changes, …), passed through for the caller. */
export interface DingTalkOtherEvent {
  readonly eventType: string
  /**
   * DingTalk's event id, or for a push without one the event type and a hash of its content: a
   * retry sends the same content, so it keeps the id; without an id the event could not be
   * de-duplicated, and was dropped.
   */
  readonly eventId: string
  readonly payload: Readonly<Record<string, unknown>>
}

const text = (value: unknown) => (typeof value === "string" && value.length > 0 ? value : undefined)
const millis = (value: unknown) => {
  const number = typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN
  return Number.isFinite(number) && number > 0 ? number : undefined
}

/**
 * Reads a decrypted HTTP plaintext, a Stream message's data, or a failed-delivery record into an
 * approval event (or another event). Returns undefined for payloads that are not objects.
 */
export function parseDingTalkEvent(
  payload: unknown,
  envelope: { readonly eventType?: string; readonly eventId?: string; readonly eventTime?: number } = {},
): DingTalkApprovalEvent | DingTalkOtherEvent | undefined {
  if (typeof payload !== "object" || payload === null) return undefined
  const body = payload as Record<string, unknown>
  const eventType = envelope.eventType ?? text(body.EventType) ?? text(body.eventType) ?? "unknown"
  const eventId = envelope.eventId ?? text(body.eventId)
  const other = (): DingTalkOtherEvent => ({
    eventType,
    eventId: eventId ?? `${eventType}:${contentId(JSON.stringify(body))}`,
    payload: body,
  })
  if (eventType !== "bpms_instance_change" && eventType !== "bpms_task_change") return other()
  const processInstanceId = text(body.processInstanceId)
  if (processInstanceId === undefined) return other()
  const type = text(body.type) ?? "unknown"
  const result = text(body.result)
  return {
    eventType,
    // Failed-delivery records carry no event id: the instance, the change and its time identify it.
    eventId:
      eventId ??
      `${eventType}:${processInstanceId}:${type}:${result ?? ""}:${text(body.taskId) ?? String(body.taskId ?? "")}`,
    processInstanceId,
    processCode: text(body.processCode),
    type,
    result,
    staffId: text(body.staffId),
    remark: text(body.remark),
    title: text(body.title),
    createTime: millis(body.createTime),
    finishTime: millis(body.finishTime),
    eventTime: envelope.eventTime ?? millis(body.EventTime) ?? millis(body.eventBornTime),
  }
}

/** Whether a parsed event is an approval event. */
export const isApprovalEvent = (
  event: DingTalkApprovalEvent | DingTalkOtherEvent,
): event is DingTalkApprovalEvent => "processInstanceId" in event
