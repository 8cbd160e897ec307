import type { Complaints } from "@tixi/core"
import { complaintText, type Product, products } from "./catalogue.ts"
import type { SimulatedCustomer } from "./customers.ts"
import type { Random } from "./random.ts"

type Category = Complaints.ContentCategory
type RemedyKind = Complaints.RemedyKind

/** A remedy as the plan draws it, in fen. */
export interface PlannedRemedy {
  readonly kind: RemedyKind
  readonly minor: number
}

/**
 * What will happen to one complaint, drawn when it arrives: who complains about what, whether it
 * is valid and whose fault it is, what the company offers and whether the customer and the
 * approvers agree, and how the staff behave (a few are slow, so deadlines are breached).
 */
export interface ComplaintPlan {
  readonly id: string
  readonly customer: SimulatedCustomer
  readonly channel: Complaints.Channel
  readonly urgency: Complaints.Urgency
  readonly type: Complaints.ComplaintType
  readonly category: Category
  readonly product: Product
  readonly quantity: number
  readonly purchaseDaysAgo: number
  readonly text: { readonly subject: string; readonly description: string; readonly demand: string }
  readonly desiredRemedies: ReadonlyArray<RemedyKind>
  /** Decided at the desk on the registration form (来访/店内 only). */
  readonly acceptAtDesk: boolean
  readonly rejection: Complaints.RejectionReason | undefined
  readonly withdraws: boolean
  readonly ownSide: boolean
  readonly cause: Complaints.RootCause
  readonly responsibility: ReadonlyArray<{ readonly departmentId: string; readonly sharePercent: number }>
  readonly severity: Complaints.Severity
  readonly remedies: ReadonlyArray<PlannedRemedy>
  /** For each approval round, whether the approvers agree. */
  readonly approvals: ReadonlyArray<boolean>
  /** For each offer, whether the customer accepts. */
  readonly customerAnswers: ReadonlyArray<boolean>
  /** Whether a refused last offer goes to court (诉讼程序). */
  readonly litigation: boolean
  readonly pause: { readonly reason: Complaints.PauseReason; readonly replyHours: number } | undefined
  /** Staff who let this one slip: the first response, or the handling. */
  readonly slowResponse: boolean
  readonly slowHandling: boolean
  readonly lateFollowUp: boolean
  readonly satisfaction: Complaints.SatisfactionScore
  readonly reopens: boolean
}

/** The causes found on the company's side, by content: quality problems are often systemic, the rest mostly carelessness. */
const ownCauses: Readonly<Record<Category, Partial<Record<Complaints.RootCause, number>>>> = {
  quality: { serious: 30, occasional: 20, negligence: 50 },
  quantity: { negligence: 85, occasional: 15 },
  deliveryDate: { negligence: 70, occasional: 20, serious: 10 },
  attitude: { negligence: 90, occasional: 10 },
  service: { negligence: 75, occasional: 25 },
  other: { negligence: 90, occasional: 10 },
}

const typeByCategory: Readonly<Record<Category, Complaints.ComplaintType>> = {
  quality: "product",
  quantity: "product",
  deliveryDate: "service",
  attitude: "service",
  service: "service",
  other: "other",
}

function responsibilityFor(random: Random, category: Category) {
  const single = (departmentId: string) => [{ departmentId, sharePercent: 100 }]
  const split = (first: string, second: string) => {
    const share = random.pick([50, 60, 70, 80])
    return [
      { departmentId: first, sharePercent: share },
      { departmentId: second, sharePercent: 100 - share },
    ]
  }
  switch (category) {
    case "quality":
      return random.chance(0.55)
        ? single("production")
        : random.chance(0.8)
          ? split("production", "quality")
          : [
              { departmentId: "production", sharePercent: 50 },
              { departmentId: "quality", sharePercent: 30 },
              { departmentId: "logistics", sharePercent: 20 },
            ]
    case "quantity":
      return random.chance(0.6) ? single("warehouse") : split("warehouse", "logistics")
    case "deliveryDate":
      return random.chance(0.6) ? single("logistics") : split("logistics", "sales")
    case "attitude":
      return single("customer-service")
    case "service":
      return random.chance(0.7) ? single("after-sales") : split("after-sales", "customer-service")
    case "other":
      return random.chance(0.5) ? single("sales") : split("sales", "finance")
  }
}

const yuan = (amount: number) => Math.max(0, Math.round(amount)) * 100

/**
 * The remedies and what each costs the company: an exchange or a replacement costs the freight
 * and the refurbishing of the returned unit (15–25 % of its price), a refund or a
 * return the price itself, a repair its parts and labour.
 */
function remediesFor(
  random: Random,
  category: Category,
  product: Product,
  quantity: number,
): ReadonlyArray<PlannedRemedy> {
  const order = product.price * quantity
  switch (category) {
    case "quality": {
      const kind = random.weighted<RemedyKind>({
        exchange: 38,
        repair: 32,
        return: 6,
        refund: 9,
        onSiteReplacement: 15,
      })
      const units = Math.max(1, Math.round(quantity * random.next() * 0.3))
      const unitCost =
        kind === "repair"
          ? random.int(80, 600)
          : kind === "exchange"
            ? product.price * 0.15
            : kind === "onSiteReplacement"
              ? product.price * 0.25
              : product.price
      const remedies: Array<PlannedRemedy> = [{ kind, minor: yuan(unitCost * units) }]
      if (random.chance(0.2)) remedies.push({ kind: "compensation", minor: yuan(random.logNormal(200, 0.7)) })
      return remedies
    }
    case "quantity":
      return [{ kind: "exchange", minor: yuan(product.price * 0.1 * Math.max(1, Math.round(quantity / 5))) }]
    case "deliveryDate":
      return [
        random.chance(0.6)
          ? { kind: "discount", minor: yuan(order * random.pick([0.02, 0.03, 0.05])) }
          : { kind: "compensation", minor: yuan(random.logNormal(300, 0.8)) },
      ]
    case "attitude":
      return [
        {
          kind: random.chance(0.6) ? "other" : "compensation",
          minor: random.chance(0.6) ? 0 : yuan(random.int(50, 300)),
        },
      ]
    case "service":
      return [
        random.chance(0.5)
          ? { kind: "repair", minor: yuan(random.int(0, 400)) }
          : { kind: "compensation", minor: yuan(random.logNormal(200, 0.7)) },
      ]
    case "other":
      return [
        {
          kind: random.chance(0.7) ? "other" : "discount",
          minor: random.chance(0.7) ? 0 : yuan(random.int(20, 200)),
        },
      ]
  }
}

/** Draws the plan of a complaint that arrives through `channel`. */
export function planComplaint(
  random: Random,
  id: string,
  customer: SimulatedCustomer,
  channel: Complaints.Channel,
): ComplaintPlan {
  const urgency = random.weighted<Complaints.Urgency>({ critical: 8, urgent: 25, normal: 67 })
  const category = random.weighted<Category>({
    quality: 42,
    deliveryDate: 20,
    service: 15,
    quantity: 8,
    attitude: 8,
    other: 7,
  })
  const product = random.pick(products)
  const quantity = customer.kind === "organization" ? random.skewed(2, 30, 2.5) : 1
  const rejection = random.chance(0.07)
    ? random.weighted<Complaints.RejectionReason>({
        duplicate: 30,
        insufficientInformation: 25,
        notOurProduct: 15,
        beyondTimeLimit: 15,
        unreasonableDemand: 15,
      })
    : undefined
  // A complaint about an old purchase is beyond the window of 365 days (投诉时效).
  const purchaseDaysAgo = rejection === "beyondTimeLimit" ? random.int(380, 900) : random.int(3, 300)
  const ownSide = random.chance(0.86)
  const cause = ownSide
    ? random.weighted(ownCauses[category])
    : random.weighted<Complaints.RootCause>({ forceMajeure: 80, occasional: 20 })
  const remedies = remediesFor(random, category, product, quantity)
  const total = remedies.reduce((sum, remedy) => sum + remedy.minor, 0)
  const firstAccept = random.chance(0.8)
  const secondAccept = random.chance(0.6)
  const litigation = !firstAccept && !secondAccept && total > 1_000_00 && random.chance(0.35)
  const slowHandling = random.chance(0.06)
  const text = complaintText(random, category, product, quantity)
  const satisfactionBase = ownSide ? (slowHandling ? 3 : 4) : 3
  const satisfaction = Math.min(
    5,
    Math.max(1, satisfactionBase + random.pick([-2, -1, 0, 0, 1, 1])),
  ) as Complaints.SatisfactionScore
  return {
    id,
    customer,
    channel,
    urgency,
    type: typeByCategory[category],
    category,
    product,
    quantity,
    purchaseDaysAgo,
    text,
    desiredRemedies: [...new Set(remedies.map((remedy) => remedy.kind))],
    acceptAtDesk:
      (channel === "visit" || channel === "inStore") && rejection === undefined && random.chance(0.5),
    rejection,
    withdraws: random.chance(0.025),
    ownSide,
    cause,
    responsibility: ownSide ? responsibilityFor(random, category) : [],
    severity: cause === "serious" ? "serious" : random.chance(0.7) ? "minor" : "moderate",
    remedies,
    approvals: [random.chance(total >= 10_000_00 ? 0.7 : 0.85), random.chance(0.9), true],
    customerAnswers: [firstAccept, secondAccept, !litigation],
    litigation,
    pause: random.chance(0.1)
      ? {
          reason: random.weighted<Complaints.PauseReason>({
            waitingOnCustomer: 60,
            waitingOnEvidence: 30,
            waitingOnThirdParty: 10,
          }),
          replyHours: random.chance(0.15) ? random.int(200, 320) : random.int(4, 72),
        }
      : undefined,
    slowResponse: random.chance(urgency === "normal" ? 0.05 : 0.07),
    slowHandling,
    lateFollowUp: random.chance(0.12),
    satisfaction,
    reopens: satisfaction <= 2 && random.chance(0.35),
  }
}
