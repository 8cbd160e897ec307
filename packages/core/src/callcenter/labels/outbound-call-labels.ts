import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * Why the centre calls out (呼出业务): the handbook's chart is the sales call (电话销售与促销);
 * centres also call back, give notice and survey, and the follow-up policy differs by purpose.
 */
export const OutboundPurpose = enumeration("callcenter.outboundPurpose", {
  sales: label("电话销售", "Telesales"),
  promotion: label("促销", "Promotion"),
  callBack: label("回访", "Call-back"),
  notice: label("通知", "Notice"),
  survey: label("调查", "Survey"),
})
/** Why the centre calls out. */
export type OutboundPurpose = ValueOf<typeof OutboundPurpose>

/**
 * How one dialling attempt ended (◇ 接通？): only `connected` reaches the customer; a wrong
 * number ends the attempts at once, the others are tried again under the retry policy.
 */
export const CallAttemptOutcome = enumeration("callcenter.callAttemptOutcome", {
  connected: label("已接通", "Connected"),
  noAnswer: label("无人接听", "No answer"),
  busy: label("占线", "Busy"),
  voicemail: label("转入语音信箱", "Voicemail"),
  wrongNumber: label("号码错误", "Wrong number"),
})
/** How one dialling attempt ended. */
export type CallAttemptOutcome = ValueOf<typeof CallAttemptOutcome>

/** The attempt outcomes that are tried again: every one but connected and wrong number. */
export type RetriedOutcome = Exclude<CallAttemptOutcome, "connected" | "wrongNumber">

/** Where one customer on an outbound call list stands (呼出业务管理流程). */
export const OutboundCallStatus = enumeration("callcenter.outboundCallStatus", {
  none: label("未列入", "Not listed"),
  toCall: label("待呼出", "To call"),
  waitingRetry: label("待重拨", "Waiting to call again"),
  reached: label("已接通", "Reached"),
  followingUp: label("客户跟踪", "Following up"),
  done: label("已完成", "Done"),
  closed: label("已记录原因结束", "Closed with the reason recorded"),
  unreachable: label("无法联系", "Unreachable"),
  cancelled: label("已取消", "Cancelled"),
})
/** Where one customer on an outbound call list stands. */
export type OutboundCallStatus = ValueOf<typeof OutboundCallStatus>
