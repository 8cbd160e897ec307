import { enumeration, type ValueOf } from "../../labels/enumeration.ts"
import { label } from "../../labels/label.ts"

/**
 * The five SERVQUAL dimensions (Parasuraman, Zeithaml & Berry 1988), in the instrument's order.
 * Read in the order reliability, assurance, tangibles, empathy, responsiveness they spell RATER.
 */
export const ServqualDimension = enumeration("quality.servqualDimension", {
  tangibles: label("有形性", "Tangibles"),
  reliability: label("可靠性", "Reliability"),
  responsiveness: label("响应性", "Responsiveness"),
  assurance: label("保证性", "Assurance"),
  empathy: label("移情性", "Empathy"),
})
/** A SERVQUAL dimension. */
export type ServqualDimension = ValueOf<typeof ServqualDimension>

/** The dimensions in RATER order (reliability, assurance, tangibles, empathy, responsiveness). */
export const raterOrder: ReadonlyArray<ServqualDimension> = [
  "reliability",
  "assurance",
  "tangibles",
  "empathy",
  "responsiveness",
]

/** An answer to a Kano question (Kano et al. 1984; the wording of Berger et al. 1993). */
export const KanoAnswer = enumeration("quality.kanoAnswer", {
  like: label("我喜欢这样", "I like it that way"),
  mustBe: label("理应如此", "It must be that way"),
  neutral: label("无所谓", "I am neutral"),
  liveWith: label("能够忍受", "I can live with it that way"),
  dislike: label("我不喜欢这样", "I dislike it that way"),
})
/** An answer to a Kano question. */
export type KanoAnswer = ValueOf<typeof KanoAnswer>

/** The Kano categories of a requirement. */
export const KanoCategory = enumeration("quality.kanoCategory", {
  attractive: label("魅力质量 (A)", "Attractive (A)"),
  oneDimensional: label("一元质量 (O)", "One-dimensional (O)"),
  mustBe: label("必备质量 (M)", "Must-be (M)"),
  indifferent: label("无差异质量 (I)", "Indifferent (I)"),
  reverse: label("反向质量 (R)", "Reverse (R)"),
  questionable: label("可疑结果 (Q)", "Questionable (Q)"),
})
/** A Kano category. */
export type KanoCategory = ValueOf<typeof KanoCategory>

/** 满意级度, seven levels (000 2.5.4): the psychologists' gradation of satisfaction. */
export const SatisfactionLevel = enumeration("quality.satisfactionLevel", {
  veryDissatisfied: label("很不满意", "Very dissatisfied"),
  dissatisfied: label("不满意", "Dissatisfied"),
  somewhatDissatisfied: label("不太满意", "Somewhat dissatisfied"),
  neutral: label("一般", "Neutral"),
  somewhatSatisfied: label("较满意", "Somewhat satisfied"),
  satisfied: label("满意", "Satisfied"),
  verySatisfied: label("很满意", "Very satisfied"),
})
/** A level of satisfaction. */
export type SatisfactionLevel = ValueOf<typeof SatisfactionLevel>

/** The five-level scale: 很不满意, 不满意, 一般, 满意, 很满意. */
export const fiveSatisfactionLevels: ReadonlyArray<SatisfactionLevel> = [
  "veryDissatisfied",
  "dissatisfied",
  "neutral",
  "satisfied",
  "verySatisfied",
]

/** The seven-level scale. */
export const sevenSatisfactionLevels: ReadonlyArray<SatisfactionLevel> = SatisfactionLevel.values

/** Net Promoter categories (Reichheld 2003). */
export const NpsCategory = enumeration("quality.npsCategory", {
  promoter: label("推荐者 (9–10)", "Promoter (9–10)"),
  passive: label("被动者 (7–8)", "Passive (7–8)"),
  detractor: label("贬损者 (0–6)", "Detractor (0–6)"),
})
/** A Net Promoter category. */
export type NpsCategory = ValueOf<typeof NpsCategory>

/** How the Customer Effort Score is summarised. */
export const CesConvention = enumeration("quality.cesConvention", {
  mean: label("平均分", "Mean score"),
  shareAtLeast: label("达到阈值的比例", "Share at or above the threshold"),
})
/** How the Customer Effort Score is summarised. */
export type CesConvention = ValueOf<typeof CesConvention>

/** Jones & Sasser's (1995) satisfaction × loyalty segments (客户忠诚—满意模型). */
export const LoyaltySegment = enumeration("quality.loyaltySegment", {
  loyalist: label("忠诚者", "Loyalist"),
  mercenary: label("图利者", "Mercenary"),
  hostage: label("被套牢者", "Hostage"),
  defector: label("背离者", "Defector"),
})
/** A satisfaction × loyalty segment. */
export type LoyaltySegment = ValueOf<typeof LoyaltySegment>

/** What a comparison or gap says once its uncertainty is taken into account. */
export const Verdict = enumeration("quality.verdict", {
  higher: label("显著提高/高于", "Significantly higher"),
  lower: label("显著下降/低于", "Significantly lower"),
  notSignificant: label("无显著差异", "Not significant"),
  insufficientSample: label("样本不足", "Sample too small"),
})
/** What a comparison or gap says once its uncertainty is taken into account. */
export type Verdict = ValueOf<typeof Verdict>

/** How a survey reaches customers. */
export const SurveyChannel = enumeration("quality.surveyChannel", {
  phone: label("电话访问", "Phone"),
  email: label("电子邮件", "E-mail"),
  sms: label("短信", "SMS"),
  web: label("网页/小程序", "Web"),
  visit: label("上门访问", "Visit"),
  mail: label("信函", "Letter"),
})
/** How a survey reaches customers. */
export type SurveyChannel = ValueOf<typeof SurveyChannel>

/** Where a satisfaction survey round stands (满意度调查流程). */
export const SurveyStatus = enumeration("quality.surveyStatus", {
  none: label("未开始", "Not started"),
  drafted: label("方案拟订", "Plan drafted"),
  planSubmitted: label("方案待审批", "Plan awaiting approval"),
  planApproved: label("方案已批准", "Plan approved"),
  collecting: label("调查实施中", "Collecting responses"),
  collected: label("回收完毕", "Collection closed"),
  evaluated: label("已评价", "Evaluated"),
  improvementSubmitted: label("改进方案待审批", "Improvement plan awaiting approval"),
  implementing: label("改进实施中", "Implementing improvements"),
  followingUp: label("跟踪反馈", "Following up"),
  closed: label("已结束", "Closed"),
})
/** Where a satisfaction survey round stands. */
export type SurveyStatus = ValueOf<typeof SurveyStatus>

/** The kind of quality review (客户服务质量检查/审核/评估). */
export const ReviewKind = enumeration("quality.reviewKind", {
  inspection: label("质量检查", "Inspection"),
  audit: label("质量审核", "Audit"),
  evaluation: label("质量评估", "Evaluation"),
})
/** The kind of quality review. */
export type ReviewKind = ValueOf<typeof ReviewKind>

/** How serious a non-conformity is (不合格项). */
export const NonconformitySeverity = enumeration("quality.nonconformitySeverity", {
  major: label("严重不合格", "Major"),
  minor: label("一般不合格", "Minor"),
  observation: label("观察项", "Observation"),
})
/** How serious a non-conformity is. */
export type NonconformitySeverity = ValueOf<typeof NonconformitySeverity>

/** Where a non-conformity's correction stands (不合格项改正措施). */
export const NonconformityStatus = enumeration("quality.nonconformityStatus", {
  open: label("待制定措施", "Awaiting corrective action"),
  actionSubmitted: label("措施待审批", "Action awaiting approval"),
  implementing: label("措施实施中", "Implementing"),
  awaitingVerification: label("待验证", "Awaiting verification"),
  closed: label("已关闭", "Closed"),
})
/** Where a non-conformity's correction stands. */
export type NonconformityStatus = ValueOf<typeof NonconformityStatus>

/** Where a quality review stands. */
export const ReviewStatus = enumeration("quality.reviewStatus", {
  none: label("未计划", "Not planned"),
  planned: label("已计划", "Planned"),
  correcting: label("整改中", "Correcting"),
  readyToClose: label("待总结", "Ready to close"),
  closed: label("已关闭", "Closed"),
})
/** Where a quality review stands. */
export type ReviewStatus = ValueOf<typeof ReviewStatus>

/** The phases of the PDCA loop (计划—执行—检查—处理). */
export const PdcaPhase = enumeration("quality.pdcaPhase", {
  plan: label("计划 (P)", "Plan"),
  do: label("执行 (D)", "Do"),
  check: label("检查 (C)", "Check"),
  act: label("处理 (A)", "Act"),
})
/** A phase of the PDCA loop. */
export type PdcaPhase = ValueOf<typeof PdcaPhase>

/** A five-point satisfaction answer as the handbook's forms print it (□非常满意 … □非常不满意). */
export const SatisfactionRating = enumeration("quality.satisfactionRating", {
  verySatisfied: label("非常满意", "Very satisfied"),
  satisfied: label("满意", "Satisfied"),
  neutral: label("一般", "Neutral"),
  dissatisfied: label("不满意", "Dissatisfied"),
  veryDissatisfied: label("非常不满意", "Very dissatisfied"),
})
/** A five-point satisfaction answer. */
export type SatisfactionRating = ValueOf<typeof SatisfactionRating>

/** The areas of the key-account questionnaire (大客户问卷调查表). */
export const KeyAccountArea = enumeration("quality.keyAccountArea", {
  company: label("公司", "Company"),
  productsAndServices: label("产品和服务", "Products and services"),
  staff: label("人员", "Staff"),
})
/** An area of the key-account questionnaire. */
export type KeyAccountArea = ValueOf<typeof KeyAccountArea>

/** Where a satisfaction measurement round stands (客户满意度测量工作流程). */
export const MeasurementStatus = enumeration("quality.measurementStatus", {
  none: label("未开始", "Not started"),
  planned: label("测量方案已定", "Planned"),
  measured: label("已测算", "Measured"),
  reportSubmitted: label("测量报告待审核", "Report awaiting approval"),
  published: label("结果已发布", "Published"),
  cancelled: label("已取消", "Cancelled"),
})
/** Where a satisfaction measurement round stands. */
export type MeasurementStatus = ValueOf<typeof MeasurementStatus>

/** The headline satisfaction indicators a measurement round sets targets for (客户满意度指标). */
export const SatisfactionIndicator = enumeration("quality.satisfactionIndicator", {
  csat: label("满意率 (CSAT)", "Satisfied share (CSAT)"),
  nps: label("净推荐值 (NPS)", "Net Promoter Score"),
  satisfactionIndex: label("满意度指数", "Satisfaction index"),
  rater: label("服务质量 RATER 指数", "RATER service quality index"),
})
/** A headline satisfaction indicator. */
export type SatisfactionIndicator = ValueOf<typeof SatisfactionIndicator>

/** Where a loyalty survey round stands (客户忠诚度调查工作流程). */
export const LoyaltySurveyStatus = enumeration("quality.loyaltySurveyStatus", {
  none: label("未开始", "Not started"),
  drafted: label("方案拟订", "Plan drafted"),
  planSubmitted: label("方案待审核", "Plan awaiting approval"),
  collecting: label("调查实施中", "Collecting"),
  collected: label("回收完毕", "Collection closed"),
  analysed: label("已分析", "Analysed"),
  reported: label("已报告", "Reported"),
  cancelled: label("已取消", "Cancelled"),
})
/** Where a loyalty survey round stands. */
export type LoyaltySurveyStatus = ValueOf<typeof LoyaltySurveyStatus>

/** Where a loyalty improvement stands (客户忠诚度提升工作流程). */
export const LoyaltyImprovementStatus = enumeration("quality.loyaltyImprovementStatus", {
  none: label("未开始", "Not started"),
  drafting: label("方案修订中", "Plan being revised"),
  planSubmitted: label("方案待审批", "Plan awaiting approval"),
  implementing: label("措施实施中", "Implementing"),
  closed: label("已见效结案", "Closed, effective"),
  cancelled: label("已取消", "Cancelled"),
})
/** Where a loyalty improvement stands. */
export type LoyaltyImprovementStatus = ValueOf<typeof LoyaltyImprovementStatus>
