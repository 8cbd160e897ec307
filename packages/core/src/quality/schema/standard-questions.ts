import { type Label, label } from "../../labels/label.ts"
import type {
  AllocationQuestion,
  KanoQuestion,
  NpsQuestion,
  RatingQuestion,
  ServqualQuestion,
} from "./survey-definition.ts"

/** The five points of the handbooks' satisfaction questions (□非常不满意 … □非常满意), lowest first. */
export const fiveSatisfactionPoints: ReadonlyArray<Label> = [
  label("非常不满意", "Very dissatisfied"),
  label("不满意", "Dissatisfied"),
  label("一般", "Neutral"),
  label("满意", "Satisfied"),
  label("非常满意", "Very satisfied"),
]

/** The classic CSAT question on five satisfaction points. */
export function csatQuestion(
  id: string,
  text: Label = label("您对本次服务的总体满意程度如何？", "How satisfied are you with the service overall?"),
): RatingQuestion {
  return {
    kind: "rating",
    id,
    text,
    scale: { min: 1, max: 5 },
    pointLabels: fiveSatisfactionPoints,
    measure: "csat",
    required: true,
  }
}

/** Reichheld's (2003) recommendation question, 0–10. */
export function npsQuestion(id: string): NpsQuestion {
  return {
    kind: "nps",
    id,
    text: label(
      "您有多大可能向朋友或同事推荐我们？（0–10 分）",
      "How likely is it that you would recommend us to a friend or colleague? (0–10)",
    ),
    required: true,
  }
}

/** CEB's CES 2.0 statement on a 1–7 agreement scale. */
export function cesQuestion(id: string): RatingQuestion {
  return {
    kind: "rating",
    id,
    text: label(
      "公司让我轻松地解决了问题。（1 = 非常不同意，7 = 非常同意）",
      "The company made it easy for me to handle my issue. (1 = strongly disagree, 7 = strongly agree)",
    ),
    scale: { min: 1, max: 7 },
    measure: "ces",
    required: true,
  }
}

/** A Kano pair for a feature, in the standard wording. */
export function kanoQuestion(id: string, feature: Label): KanoQuestion {
  return {
    kind: "kano",
    id,
    feature,
    functionalText: label(
      `如果提供“${feature["zh-CN"]}”，您感觉如何？`,
      `If ${feature.en} is provided, how do you feel?`,
    ),
    dysfunctionalText: label(
      `如果不提供“${feature["zh-CN"]}”，您感觉如何？`,
      `If ${feature.en} is not provided, how do you feel?`,
    ),
    required: true,
  }
}

const statements: ReadonlyArray<Label> = [
  label("拥有现代化的设备", "have modern-looking equipment"),
  label("服务设施外观吸引人", "have visually appealing physical facilities"),
  label("员工仪表整洁", "have employees who are neat in appearance"),
  label(
    "与服务相关的资料（宣传册、对账单等）美观清楚",
    "have visually appealing materials associated with the service (pamphlets, statements)",
  ),
  label("承诺在某个时间做到的事都能按时做到", "do something by a certain time when they promise to do so"),
  label("顾客遇到问题时真诚地关心并帮助解决", "show a sincere interest in solving a customer's problem"),
  label("第一次就把服务做对", "perform the service right the first time"),
  label("在承诺的时间提供服务", "provide their services at the time they promise to do so"),
  label("坚持记录准确无误", "insist on error-free records"),
  label("告诉顾客提供服务的确切时间", "tell customers exactly when services will be performed"),
  label("员工为顾客提供及时的服务", "have employees who give prompt service to customers"),
  label("员工总是乐于帮助顾客", "have employees who are always willing to help customers"),
  label(
    "员工从不因太忙而怠慢顾客的要求",
    "have employees who are never too busy to respond to customers' requests",
  ),
  label("员工的言行举止让顾客信任", "have employees whose behaviour instils confidence in customers"),
  label("顾客在交易中感到安心", "make customers feel safe in their transactions"),
  label("员工始终彬彬有礼", "have employees who are consistently courteous with customers"),
  label("员工具备回答顾客问题的知识", "have employees with the knowledge to answer customers' questions"),
  label("给予每位顾客个别的关注", "give customers individual attention"),
  label("营业时间方便所有顾客", "have operating hours convenient to all their customers"),
  label("员工给予顾客个人的关心", "have employees who give customers personal attention"),
  label("把顾客的利益放在心上", "have the customers' best interests at heart"),
  label("员工了解顾客的具体需要", "have employees who understand the specific needs of their customers"),
]

const thirdPersonVerbs: Readonly<Record<string, string>> = { have: "has", do: "does" }

/** "have modern equipment" → "has modern equipment": the perception side speaks of one company. */
const thirdPerson = (phrase: string) => {
  const [verb, ...rest] = phrase.split(" ")
  return [thirdPersonVerbs[verb!] ?? `${verb}s`, ...rest].join(" ")
}

/**
 * The 22 SERVQUAL items in the positively worded form of Parasuraman, Berry & Zeithaml (1991,
 * "Refinement and reassessment of the SERVQUAL scale", J. Retailing 67(4)), each asked as an
 * expectation of an excellent company and a perception of ours, on 1–7 (strongly disagree …
 * strongly agree). Ids are `servqual01` … `servqual22`.
 */
export function servqualQuestions(
  company: Label = label("本公司", "This company"),
): ReadonlyArray<ServqualQuestion> {
  return statements.map((statement, index) => ({
    kind: "servqual",
    id: `servqual${String(index + 1).padStart(2, "0")}`,
    item: index + 1,
    expectationText: label(
      `优秀的企业应当${statement["zh-CN"]}`,
      `Excellent companies will ${statement.en}.`,
    ),
    perceptionText: label(
      `${company["zh-CN"]}${statement["zh-CN"]}`,
      `${company.en} ${thirdPerson(statement.en)}.`,
    ),
    scale: { min: 1, max: 7 },
    required: true,
  }))
}

/** SERVQUAL's importance question: spread 100 points over the five dimensions. */
export function servqualAllocationQuestion(id = "servqualImportance"): AllocationQuestion {
  return {
    kind: "servqualAllocation",
    id,
    text: label(
      "请按各方面对您的重要程度，将 100 分分配给以下五个方面：有形性、可靠性、响应性、保证性、移情性。",
      "Please allocate 100 points among the five aspects according to how important each is to you: tangibles, reliability, responsiveness, assurance, empathy.",
    ),
    required: false,
  }
}
