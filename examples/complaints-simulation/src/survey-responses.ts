// The questionnaire of the demo's satisfaction survey and the answers the simulated customers
// give to it. Each customer has a standing of its own (how it regards the company, the same in
// every round); on top of it the quarter's complaints weigh on the answers the way they would:
// breached deadlines on responsiveness and reliability, rejections on empathy and assurance,
// litigation on everything, good follow-up visits a little the other way (service recovery).
import { Complaints, type Instant, type Label, label, Quality } from "@tixi/core"
import type { CustomerExperience } from "./customer-experience.ts"
import type { Random } from "./random.ts"

/** The features asked about in Kano pairs, with how each kind of customer tends to feel about them. */
export const kanoFeatures = [
  {
    id: "kanoProgressNotice",
    feature: label("投诉处理进度微信通知", "WeChat updates on a complaint's progress"),
  },
  { id: "kanoHotline24h", feature: label("24 小时人工服务热线", "a 24-hour staffed hotline") },
  { id: "kanoAccountManager", feature: label("专属客户经理", "a dedicated account manager") },
  {
    id: "kanoInstallCallback",
    feature: label("安装后三天内电话回访", "a call within three days of installation"),
  },
] as const satisfies ReadonlyArray<{ readonly id: string; readonly feature: Label }>

/** The channels offered in the "how do you usually reach us" question; the rarer ones are "other". */
const channelOptions = ["phone", "web", "chat", "email", "inStore"] as const
type ChannelOption = (typeof channelOptions)[number] | "other"

const sevenLevelPoints: ReadonlyArray<Label> = Quality.sevenSatisfactionLevels.map(
  (level) => Quality.SatisfactionLevel.labels[level],
)

/**
 * The questionnaire (客户满意度调查问卷): overall satisfaction (CSAT), recommendation (NPS),
 * effort (CES 2.0), the handling of the customer's complaints in seven 满意级度 (only for those
 * who complained), the 22 SERVQUAL items with the 100-point importance question, four Kano
 * pairs, the usual contact channel and an open question. The same questions every round; the
 * version names the round's edition.
 */
export function satisfactionQuestionnaire(version: string): Quality.SurveyDefinition {
  return {
    id: "customer-satisfaction",
    version,
    title: label("客户满意度调查问卷", "Customer satisfaction questionnaire"),
    introduction: label(
      "感谢您抽出时间填写本问卷，您的意见将帮助我们改进服务。",
      "Thank you for taking the time to answer; your views help us improve our service.",
    ),
    questions: [
      Quality.csatQuestion("overall"),
      Quality.npsQuestion("recommend"),
      Quality.cesQuestion("effort"),
      {
        kind: "rating",
        id: "complaintHandling",
        text: label(
          "如您本季度向我们投诉过，您对投诉的处理满意吗？",
          "If you complained to us this quarter, how satisfied are you with how it was handled?",
        ),
        scale: { min: 1, max: 7 },
        pointLabels: sevenLevelPoints,
        measure: "satisfactionLevel",
        required: false,
      },
      ...Quality.servqualQuestions(label("本公司", "Our company")),
      Quality.servqualAllocationQuestion("importance"),
      ...kanoFeatures.map((entry) => Quality.kanoQuestion(entry.id, entry.feature)),
      {
        kind: "choice",
        id: "channel",
        text: label("您通常通过哪种方式联系我们？", "How do you usually get in touch with us?"),
        options: [
          ...channelOptions.map((value) => ({ value, label: Complaints.Channel.labels[value] })),
          { value: "other", label: label("其他", "Other") },
        ],
        multiple: false,
        required: true,
      },
      {
        kind: "text",
        id: "suggestions",
        text: label("您对我们的服务还有什么意见或建议？", "Anything else you would like us to know?"),
        required: false,
      },
    ],
  }
}

/** How a round's answers are drawn. */
export interface RoundSetting {
  readonly surveyVersion: string
  readonly fieldworkStart: Instant
  readonly fieldworkEnd: Instant
  /**
   * How much of the quarter's breached deadlines and escalations the answers carry: 1 for the
   * quarter just simulated; less for a quarter without its 春节 backlog.
   */
  readonly breachWeight: number
}

/** One respondent's answers, as the survey process receives them, with who answered. */
export interface GeneratedResponse {
  readonly response: Quality.SurveyResponse
  readonly experience: CustomerExperience
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(value)))
const root = (count: number) => Math.sqrt(count)

/** The standing of each customer: how it regards the company before this quarter's complaints. */
export function customerStandings(random: Random, count: number): Float64Array {
  return Float64Array.from({ length: count }, () => random.normal(0.55, 0.45))
}

/** What the quarter did to the customer's view, overall and per SERVQUAL dimension (negative hurts). */
function experienceEffects(experience: CustomerExperience, breachWeight: number) {
  const breached = breachWeight * root(experience.breached)
  const escalated = breachWeight * root(experience.escalatedHigh)
  const rejected = root(experience.rejected)
  const litigated = experience.litigated > 0 ? 1 : 0
  const reopened = root(experience.reopened)
  const refusals = root(experience.refusals)
  const scores = experience.followUpScores
  // Service recovery: a follow-up visit the customer scored well softens the rest.
  const recovery =
    scores.length === 0 ? 0 : 0.3 * (scores.reduce((sum, score) => sum + score, 0) / scores.length - 3.6)
  const grievance =
    0.28 * breached +
    0.15 * escalated +
    0.3 * rejected +
    1.0 * litigated +
    0.22 * reopened +
    0.12 * refusals +
    (experience.open > 0 ? 0.12 : 0)
  return {
    overall: recovery - grievance,
    effort: -(0.35 * breached + 0.3 * refusals + 0.3 * reopened + 0.25 * rejected),
    dimensions: {
      tangibles: 0,
      reliability: -(0.32 * breached + 0.3 * reopened),
      responsiveness: -(0.42 * breached + 0.2 * escalated),
      assurance: -(0.25 * rejected + 0.8 * litigated),
      empathy: -(0.32 * rejected + 0.18 * refusals + 0.4 * litigated),
    } satisfies Record<Quality.ServqualDimension, number>,
  }
}

/** The company's standing gap per dimension before any complaint (P − E on 1–7). */
const baseGap: Readonly<Record<Quality.ServqualDimension, number>> = {
  tangibles: -0.2,
  reliability: -0.55,
  responsiveness: -0.45,
  assurance: -0.3,
  empathy: -0.45,
}
/** What customers expect more of (reliability first, as in every SERVQUAL study). */
const expectationLift: Readonly<Record<Quality.ServqualDimension, number>> = {
  tangibles: -0.5,
  reliability: 0.3,
  responsiveness: 0.1,
  assurance: 0.1,
  empathy: -0.1,
}
/** The mean importance points a customer gives each dimension (Parasuraman et al. found reliability first). */
const importanceBase: Readonly<Record<Quality.ServqualDimension, number>> = {
  tangibles: 12,
  reliability: 31,
  responsiveness: 22,
  assurance: 19,
  empathy: 16,
}

/** 100 points over the five dimensions, whole numbers, around the customer's own weights. */
function allocation(
  random: Random,
  weights: Readonly<Record<Quality.ServqualDimension, number>>,
): Record<Quality.ServqualDimension, number> {
  const dimensions = Quality.ServqualDimension.values
  const drawn = dimensions.map((dimension) => weights[dimension] * random.logNormal(1, 0.3))
  const total = drawn.reduce((sum, value) => sum + value, 0)
  const exact = drawn.map((value) => (100 * value) / total)
  const points = exact.map(Math.floor)
  // Largest remainders get the points rounding left over, so the five add up to exactly 100.
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((left, right) => right.remainder - left.remainder || left.index - right.index)
  for (let left = 100 - points.reduce((sum, value) => sum + value, 0), at = 0; left > 0; left--, at++)
    points[order[at]!.index]! += 1
  return Object.fromEntries(dimensions.map((dimension, index) => [dimension, points[index]!])) as Record<
    Quality.ServqualDimension,
    number
  >
}

type KanoShares = Readonly<Partial<Record<Quality.KanoCategory, number>>>

/** How a respondent feels about a feature, by who they are and what happened to them. */
function kanoSharesOf(featureId: string, experience: CustomerExperience): KanoShares {
  switch (featureId) {
    case "kanoProgressNotice":
      return experience.breached > 0
        ? {
            attractive: 0.2,
            oneDimensional: 0.38,
            mustBe: 0.22,
            indifferent: 0.16,
            reverse: 0.02,
            questionable: 0.02,
          }
        : {
            attractive: 0.32,
            oneDimensional: 0.28,
            mustBe: 0.1,
            indifferent: 0.26,
            reverse: 0.02,
            questionable: 0.02,
          }
    case "kanoHotline24h":
      return {
        mustBe: 0.42,
        oneDimensional: 0.22,
        attractive: 0.1,
        indifferent: 0.22,
        reverse: 0.02,
        questionable: 0.02,
      }
    case "kanoAccountManager":
      return experience.kind === "organization"
        ? {
            attractive: 0.42,
            oneDimensional: 0.2,
            mustBe: 0.08,
            indifferent: 0.26,
            reverse: 0.02,
            questionable: 0.02,
          }
        : {
            attractive: 0.18,
            oneDimensional: 0.08,
            mustBe: 0.04,
            indifferent: 0.64,
            reverse: 0.04,
            questionable: 0.02,
          }
    default:
      return {
        attractive: 0.22,
        oneDimensional: 0.14,
        mustBe: 0.06,
        indifferent: 0.46,
        reverse: 0.1,
        questionable: 0.02,
      }
  }
}

/** A functional / dysfunctional answer pair that the Kano table reads as `category`. */
function kanoPair(random: Random, category: Quality.KanoCategory): Quality.KanoPairAnswer {
  const lukewarm = () => random.weighted({ neutral: 0.5, liveWith: 0.3, mustBe: 0.2 })
  switch (category) {
    case "attractive":
      return { functional: "like", dysfunctional: lukewarm() }
    case "oneDimensional":
      return { functional: "like", dysfunctional: "dislike" }
    case "mustBe":
      return {
        functional: random.weighted({ mustBe: 0.6, neutral: 0.3, liveWith: 0.1 }),
        dysfunctional: "dislike",
      }
    case "indifferent":
      return { functional: lukewarm(), dysfunctional: lukewarm() }
    case "reverse":
      return { functional: "dislike", dysfunctional: random.weighted({ like: 0.5, neutral: 0.5 }) }
    case "questionable":
      return random.chance(0.5)
        ? { functional: "like", dysfunctional: "like" }
        : { functional: "dislike", dysfunctional: "dislike" }
  }
}

const comments: Readonly<Record<CustomerExperience["segment"], ReadonlyArray<string>>> = {
  noComplaint: ["产品用着不错，希望保持。", "送货很准时。", "希望能有更多会员优惠。"],
  handledOnTime: ["投诉处理得很及时，谢谢。", "专员态度很好。", "希望处理进度能主动告知。"],
  breached: ["投诉等了很久才有人回复。", "答应的处理时间没有做到。", "电话总是打不通，处理太慢。"],
  rejected: ["不予受理的理由没有讲清楚。", "希望能给出替代的解决办法。", "感觉没有被认真对待。"],
  litigation: ["问题最后只能走法律程序，非常失望。", "希望公司重视客户的合理诉求。"],
}

/** The channel the customer's answer names: the one it complained through most, else a common one. */
function usualChannel(random: Random, experience: CustomerExperience): ChannelOption {
  const channel = experience.usualChannel
  if (channel === undefined)
    return random.weighted({ phone: 0.45, web: 0.2, chat: 0.2, email: 0.1, inStore: 0.05 })
  return (channelOptions as ReadonlyArray<string>).includes(channel) ? (channel as ChannelOption) : "other"
}

/**
 * Draws a round: who answers (about half; customers who complained a little more often, those in
 * litigation less) and what each answers, from the customer's standing and the quarter's
 * experience. Responses are in submission order.
 */
export function drawRound(
  random: Random,
  definition: Quality.SurveyDefinition,
  experiences: ReadonlyArray<CustomerExperience>,
  standings: Float64Array,
  setting: RoundSetting,
): ReadonlyArray<GeneratedResponse> {
  const drawn: Array<GeneratedResponse> = []
  const span = setting.fieldworkEnd - setting.fieldworkStart
  experiences.forEach((experience, row) => {
    const respondProbability =
      0.44 +
      (experience.kind === "organization" ? 0.05 : 0) +
      0.1 * Math.min(1, experience.complaints / 5) -
      (experience.litigated > 0 ? 0.15 : 0)
    if (!random.chance(respondProbability)) return
    const effects = experienceEffects(experience, setting.breachWeight)
    const standing = standings[row]!
    const attitude = standing + effects.overall + random.normal(0, 0.45)
    const answers: Record<string, Quality.AnswerValue> = {
      overall: clamp(3.55 + attitude + random.normal(0, 0.45), 1, 5),
      recommend: clamp(7.1 + 1.9 * attitude + random.normal(0, 1.1), 0, 10),
      effort: clamp(5.1 + 0.6 * attitude + effects.effort + random.normal(0, 0.8), 1, 7),
      channel: usualChannel(random, experience),
    }
    if (experience.complaints > 0)
      answers.complaintHandling = clamp(
        4.9 + 1.2 * (effects.overall + 0.3 * standing) + random.normal(0, 0.8),
        1,
        7,
      )
    // SERVQUAL: what an excellent company should do, and what we did, item by item.
    const expects = random.normal(6.0, 0.35)
    for (const question of definition.questions) {
      if (question.kind !== "servqual") continue
      const dimension = Quality.servqualDimensionOfItem(question.item)
      const expectation = clamp(expects + expectationLift[dimension] + random.normal(0, 0.5), 1, 7)
      const perception = clamp(
        expectation +
          baseGap[dimension] +
          0.5 * (standing - 0.55) +
          effects.dimensions[dimension] +
          random.normal(0, 0.65),
        1,
        7,
      )
      answers[question.id] = { expectation, perception }
    }
    // Three in four spread the 100 points; customers whose deadlines ran out weigh responsiveness more.
    if (random.chance(0.75)) {
      const weights = { ...importanceBase }
      if (experience.breached > 0) weights.responsiveness += 6
      if (experience.rejected > 0) weights.empathy += 4
      answers.importance = allocation(random, weights)
    }
    for (const entry of kanoFeatures)
      answers[entry.id] = kanoPair(random, random.weighted(kanoSharesOf(entry.id, experience)))
    const unhappy = attitude < 0
    if (random.chance(unhappy ? 0.55 : 0.15)) answers.suggestions = random.pick(comments[experience.segment])
    drawn.push({
      experience,
      response: {
        surveyId: definition.id,
        surveyVersion: definition.version,
        respondentId: experience.customerId,
        customerId: experience.customerId,
        submittedAt: setting.fieldworkStart + Math.floor(random.next() ** 1.6 * span * 0.95),
        answers,
      },
    })
  })
  return drawn.sort((left, right) => left.response.submittedAt - right.response.submittedAt)
}
