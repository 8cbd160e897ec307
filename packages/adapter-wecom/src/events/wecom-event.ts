import { contentId } from "@tixi/adapter-kit"
import { listOf, textOf, type XmlObject, type XmlValue } from "./parse-xml.ts"

/** A `sys_approval_change` event (审批申请状态变化回调), as tixi reads it from the XML or JSON body. */
export interface WeComApprovalEvent {
  readonly event: "sys_approval_change"
  /**
   * WeCom's documented dedupe key is FromUserName + CreateTime; the approval, the kind of change,
   * its status and the number of decisions so far are added (two approvers may decide in one second).
   */
  readonly dedupeKey: string
  readonly spNo: string
  readonly templateId: string | undefined
  /** 1 审批中, 2 已通过, 3 已驳回, 4 已撤销, 6 通过后撤销, 7 已删除, 10 已支付. */
  readonly spStatus: number
  /** 1 提单, 2 同意, 3 驳回, 4 转审, 5 催办, 6 撤销, 8 通过后撤销, 10 添加备注. */
  readonly statusChangeEvent: number | undefined
  readonly applicant: string | undefined
  readonly createTime: number
  /** Each node's decisions in order. */
  readonly records: ReadonlyArray<{
    readonly spStatus: number
    /** 1 或签, 2 会签: the legacy numbering, the reverse of `applyevent`'s `apv_rel`. */
    readonly approverAttr: number | undefined
    readonly details: ReadonlyArray<{
      readonly approver: string | undefined
      readonly speech: string | undefined
      readonly spStatus: number
      readonly spTime: number
    }>
  }>
}

/** Any other message (text, other events), passed through. */
export interface WeComOtherMessage {
  readonly event: string
  /**
   * The message's own identity: `msg:` and its MsgId when it has one (user messages), else the
   * sender, time, event and a hash of its content. Sender, time and event alone would merge
   * three `change_contact` events of one second into one; a retry carries the same content.
   */
  readonly dedupeKey: string
  readonly payload: XmlObject | Readonly<Record<string, unknown>>
}

const number = (value: XmlValue | unknown | undefined) => {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value : undefined
  const parsed = text === undefined ? Number.NaN : Number(text)
  return Number.isFinite(parsed) ? parsed : undefined
}

/**
 * A child as an object of children, or undefined: JSON-mode messages may hold null, numbers or
 * arrays where WeCom's XML has elements, and nothing here may throw on them.
 */
const objectOf = (value: unknown): XmlObject | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as XmlObject) : undefined

/** Reads a decrypted message (the XML as parsed, or the JSON object of JSON-mode callbacks). */
export function parseWeComMessage(
  message: XmlObject | Readonly<Record<string, unknown>>,
): WeComApprovalEvent | WeComOtherMessage {
  const get = (name: string) => (message as Record<string, XmlValue>)[name]
  const from = textOf(get("FromUserName")) ?? ""
  const createTime = number(get("CreateTime")) ?? 0
  const event = textOf(get("Event")) ?? textOf(get("MsgType")) ?? "unknown"
  const approval = objectOf(get("ApprovalInfo"))
  if (event !== "sys_approval_change" || approval === undefined) {
    // A MsgId read as a JSON number may have lost digits (it is 64-bit): only its text is trusted.
    const messageId = textOf(get("MsgId"))
    const dedupeKey =
      messageId !== undefined && messageId !== ""
        ? `msg:${messageId}`
        : `${from}:${createTime}:${event}:${contentId(JSON.stringify(message))}`
    return { event, dedupeKey, payload: message }
  }
  const spNo = textOf(approval.SpNo) ?? (typeof approval.SpNo === "number" ? String(approval.SpNo) : "")
  const statusChangeEvent = number(approval.StatuChangeEvent)
  const spStatus = number(approval.SpStatus) ?? 0
  const records = listOf(approval.SpRecord).map((record) => {
    const node = objectOf(record) ?? {}
    return {
      spStatus: number(node.SpStatus) ?? 0,
      approverAttr: number(node.ApproverAttr),
      details: listOf(node.Details).map((detail) => {
        const entry = objectOf(detail) ?? {}
        return {
          approver: textOf(objectOf(entry.Approver)?.UserId),
          speech: textOf(entry.Speech) || undefined,
          spStatus: number(entry.SpStatus) ?? 0,
          spTime: number(entry.SpTime) ?? 0,
        }
      }),
    }
  })
  // Two approvers of a 会签 node may decide within the same second: the same sender, CreateTime,
  // approval and kind of change. The decisions made so far tell those changes apart, while a
  // retried or duplicated push of one change (the same message) keeps its key.
  const decided = records.reduce(
    (count, record) => count + record.details.filter((detail) => detail.spStatus !== 1).length,
    0,
  )
  return {
    event: "sys_approval_change",
    dedupeKey: `${from}:${createTime}:${spNo}:${statusChangeEvent ?? ""}:${spStatus}:${decided}`,
    spNo,
    templateId: textOf(approval.TemplateId),
    spStatus,
    statusChangeEvent,
    applicant: textOf(objectOf(approval.Applyer)?.UserId),
    createTime,
    records,
  }
}

/** Whether a parsed message is an approval change. */
export const isApprovalEvent = (
  message: WeComApprovalEvent | WeComOtherMessage,
): message is WeComApprovalEvent => message.event === "sys_approval_change" && "spNo" in message
