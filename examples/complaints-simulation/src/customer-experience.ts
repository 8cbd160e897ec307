// What the simulated quarter did to each customer, read off its complaints' facts: the survey
// round draws its answers from this, so a customer whose complaint was rejected or ran past its
// deadline answers the questionnaire as such a customer would.
import { type Complaints, enumeration, label, type ValueOf } from "@tixi/core"
import type { SimulatedCustomer } from "./customers.ts"

/** The worst that happened to a customer's complaints in the quarter, for the survey's breakdown. */
export const ExperienceSegment = enumeration("demo.experienceSegment", {
  noComplaint: label("本季度未投诉", "No complaint this quarter"),
  handledOnTime: label("投诉均按时处理", "Complaints handled on time"),
  breached: label("有投诉超出时限", "A complaint ran past its deadline"),
  rejected: label("有投诉不予受理", "A complaint was not accepted"),
  litigation: label("有投诉进入诉讼", "A complaint went to court"),
})
/** The worst that happened to a customer's complaints in the quarter. */
export type ExperienceSegment = ValueOf<typeof ExperienceSegment>

/** One customer's quarter, as the complaint process recorded it. */
export interface CustomerExperience {
  readonly customerId: string
  readonly kind: SimulatedCustomer["kind"]
  readonly complaints: number
  /** Complaints not accepted (不予受理). */
  readonly rejected: number
  /** Complaints with a deadline breached (first response or resolution, in any cycle). */
  readonly breached: number
  /** Complaints escalated to the manager or higher. */
  readonly escalatedHigh: number
  readonly litigated: number
  readonly reopened: number
  /** Solutions the customer refused before one was agreed. */
  readonly refusals: number
  /** Complaints still open when the quarter ended. */
  readonly open: number
  /** The 1–5 scores the customer gave at the follow-up visits (回访). */
  readonly followUpScores: ReadonlyArray<number>
  /** The channel the customer complained through most often (the earliest on a tie). */
  readonly usualChannel: Complaints.Channel | undefined
  readonly segment: ExperienceSegment
}

/** The segment of a customer: the worst thing that happened, litigation first. */
function segmentOf(experience: Omit<CustomerExperience, "segment">): ExperienceSegment {
  if (experience.complaints === 0) return "noComplaint"
  if (experience.litigated > 0) return "litigation"
  if (experience.rejected > 0) return "rejected"
  if (experience.breached > 0) return "breached"
  return "handledOnTime"
}

/** The value that occurs most often, the first to reach the count on a tie; undefined when none. */
function mostFrequent<Value>(values: ReadonlyArray<Value>): Value | undefined {
  const counts = new Map<Value, number>()
  let best: Value | undefined
  let bestCount = 0
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1
    counts.set(value, count)
    if (count > bestCount) {
      best = value
      bestCount = count
    }
  }
  return best
}

/** Every customer's experience of the quarter, in the customers' order. */
export function customerExperiences(
  customers: ReadonlyArray<SimulatedCustomer>,
  facts: ReadonlyArray<Complaints.ComplaintFacts>,
): ReadonlyArray<CustomerExperience> {
  const byCustomer = new Map<string, Array<Complaints.ComplaintFacts>>()
  for (const fact of facts) {
    const list = byCustomer.get(fact.customerId)
    if (list) list.push(fact)
    else byCustomer.set(fact.customerId, [fact])
  }
  return customers.map((customer) => {
    const own = byCustomer.get(customer.id) ?? []
    const count = (test: (fact: Complaints.ComplaintFacts) => boolean) => own.filter(test).length
    const experience = {
      customerId: customer.id,
      kind: customer.kind,
      complaints: own.length,
      rejected: count((fact) => fact.outcome === "rejected"),
      breached: count((fact) => fact.breaches.length > 0),
      escalatedHigh: count((fact) => fact.escalations.some((escalation) => escalation.level >= 2)),
      litigated: count((fact) => fact.litigated),
      reopened: count((fact) => fact.reopenCount > 0),
      refusals: own.reduce((sum, fact) => sum + fact.customerRefusals, 0),
      open: count((fact) => fact.outcome === undefined),
      followUpScores: own.flatMap((fact) => (fact.satisfaction === undefined ? [] : [fact.satisfaction])),
      usualChannel: mostFrequent(own.map((fact) => fact.channel)),
    }
    return { ...experience, segment: segmentOf(experience) }
  })
}
