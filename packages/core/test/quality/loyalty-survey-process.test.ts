import { dayMillis, idempotencyKey, label, personId, Quality } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { drive } from "../support/run-process.ts"

const t0 = Date.UTC(2026, 4, 4, 1, 0)
const owner = personId("supervisor-sun")
const name = "quality.loyaltySurvey"

/** A loyalty questionnaire: overall satisfaction, recommendation and repurchase intention. */
const definition: Quality.SurveyDefinition = {
  id: "loyalty-2026",
  version: "1",
  title: label("2026 年客户忠诚度调查", "Customer loyalty survey 2026"),
  questions: [
    Quality.csatQuestion("overall"),
    Quality.npsQuestion("recommend"),
    {
      kind: "rating",
      id: "repurchase",
      text: label("您再次购买我们产品的可能性有多大？", "How likely are you to buy from us again?"),
      scale: { min: 1, max: 5 },
      measure: "item",
      required: true,
    },
  ],
}

/** Customer C<i>'s answers: overall 1 + 7i mod 5, recommendation 3i mod 11, repurchase 1 + i mod 5. */
const response = (index: number) => ({
  surveyId: definition.id,
  surveyVersion: definition.version,
  respondentId: `respondent-${index}`,
  customerId: `C${index}`,
  submittedAt: t0 + dayMillis + index,
  answers: { overall: 1 + ((index * 7) % 5), recommend: (index * 3) % 11, repurchase: 1 + (index % 5) },
})

/** C<i>'s buying: every fifth lost by the end, i mod 3 purchases, 30 % of the category's spend. */
const customer = (index: number) => ({
  customerId: `C${index}`,
  customerAtStart: true,
  customerAtEnd: index % 5 !== 0,
  purchases: index % 3,
  spendWithUs: { minor: 30_000, currency: "CNY" },
  categorySpend: { minor: 100_000, currency: "CNY" },
})

const plan = {
  type: "DraftPlan" as const,
  at: t0,
  id: "LOY-2026",
  definition,
  satisfactionQuestion: "overall",
  recommendQuestion: "recommend",
  repurchaseQuestion: "repurchase",
  fieldworkEnd: t0 + 14 * dayMillis,
  owner,
}

/** A round whose plan passed ✓ and is in the field. */
function collecting() {
  const round = drive(Quality.loyaltySurveyProcess(), "LOY-2026")
  round.must(plan)
  round.must({ type: "SubmitPlan", at: t0 + 1000 })
  const approvalKey = idempotencyKey(name, "LOY-2026", 1, "approval.submit")
  round.must({ type: "DecideApproval", at: t0 + 3_600_000, approvalKey, outcome: "approved" })
  return round
}

/** A round with `count` answers and the customers' records, collection closed by its timer. */
function collected(count: number) {
  const round = collecting()
  for (let index = 0; index < count; index++)
    round.must({ type: "RecordResponse", at: t0 + dayMillis + index, response: response(index) })
  round.must({
    type: "RecordCustomers",
    at: t0 + 2 * dayMillis,
    records: Array.from({ length: count }, (_, index) => customer(index)),
  })
  round.must({ type: "CloseCollection", at: t0 + 14 * dayMillis })
  return round
}

describe("客户忠诚度调查工作流程 (002 6.14)", () => {
  it("① plan ✓ → ② answers and buying → fieldwork ends → ③ analyse → ④ report, segments written on customers", () => {
    const round = collected(40)
    expect(round.state.status).toBe("collected")
    round.must({ type: "Analyse", at: t0 + 15 * dayMillis })
    const { indicators, repurchaseIntention, responses } = round.state.results!
    expect(responses).toBe(40)
    expect(indicators.retentionRate.value).toBeCloseTo(0.8)
    expect(indicators.repeatPurchaseRate.value).toBeCloseTo(13 / 26)
    expect(indicators.shareOfWallet.value).toBeCloseTo(0.3)
    expect(indicators.nps!.nps.sampleSize).toBe(40)
    expect(Object.values(indicators.segments).reduce((sum, count) => sum + count, 0)).toBe(40)
    expect(repurchaseIntention!.csat.value).toBeCloseTo(0.4)
    const analysed = round.effects.at(-1)!
    expect(analysed.kind === "notify" && analysed.draft.body.en).toContain("Retention 80.0 %")

    round.must({ type: "Report", at: t0 + 16 * dayMillis, conclusions: "保持率稳定，推荐意愿偏低" })
    expect(round.state.status).toBe("reported")
    const updates = round.effects.filter((effect) => effect.kind === "host.customer.update")
    expect(updates).toHaveLength(40)
    const segmentOf = (customerId: string) =>
      updates.find((update) => update.kind === "host.customer.update" && update.customerKey === customerId)
    // C0: satisfaction 1, recommendation 0; C3: 2 and 9; C7: 5 and 10
    expect(segmentOf("C0")).toMatchObject({ fields: { tixi_loyalty_segment: "defector" } })
    expect(segmentOf("C3")).toMatchObject({ fields: { tixi_loyalty_segment: "hostage" } })
    expect(segmentOf("C7")).toMatchObject({ fields: { tixi_loyalty_segment: "loyalist" } })
  })

  it("① plan → ✓ rejected → back to ① with the comment → redrafted → ✓ approved under a new key", () => {
    const round = drive(Quality.loyaltySurveyProcess(), "LOY-2026")
    round.must(plan)
    round.must({ type: "SubmitPlan", at: t0 + 1000 })
    const firstKey = idempotencyKey(name, "LOY-2026", 1, "approval.submit")
    expect(round.effects.at(-1)).toMatchObject({ kind: "approval.submit", key: firstKey })
    round.must({
      type: "DecideApproval",
      at: t0 + 2000,
      approvalKey: firstKey,
      outcome: "rejected",
      comment: "样本太少",
    })
    expect(round.state.status).toBe("drafted")
    const notice = round.effects.at(-1)!
    expect(notice.kind === "notify" && notice.draft.body["zh-CN"]).toBe("LOY-2026：样本太少")
    round.must({ ...plan, at: t0 + 3000 })
    round.must({ type: "SubmitPlan", at: t0 + 4000 })
    const secondKey = idempotencyKey(name, "LOY-2026", 4, "approval.submit")
    round.must({ type: "DecideApproval", at: t0 + 5000, approvalKey: secondKey, outcome: "approved" })
    expect(round.state.status).toBe("collecting")
    expect(Quality.loyaltySurveyProcess().deadlines(round.state)).toEqual([
      { key: "fieldwork-end", dueAt: t0 + 14 * dayMillis, command: { type: "CloseCollection" } },
    ])
  })

  it("① plan: a recommendation question that is not NPS is refused; ② a bad record (negative purchases, mixed currencies) names its field", () => {
    const round = drive(Quality.loyaltySurveyProcess(), "LOY-2026")
    const wrong = round.send({ ...plan, recommendQuestion: "overall" })
    expect(Result.isFailure(wrong) && wrong.failure._tag).toBe("PolicyRefusal")
    const noQuestion = round.send({ ...plan, repurchaseQuestion: "missing" })
    expect(Result.isFailure(noQuestion) && noQuestion.failure._tag).toBe("PolicyRefusal")

    const open = collecting()
    const bad = open.send({
      type: "RecordCustomers",
      at: t0 + dayMillis,
      records: [{ ...customer(0), purchases: -1 }],
    })
    expect(Result.isFailure(bad) && bad.failure._tag).toBe("ValidationError")
    if (Result.isFailure(bad) && bad.failure._tag === "ValidationError")
      expect(bad.failure.issues[0]!.path).toEqual(["records", 0, "purchases"])
    const otherCurrency = open.send({
      type: "RecordCustomers",
      at: t0 + dayMillis,
      records: [{ ...customer(0), categorySpend: { minor: 100_000, currency: "USD" } }],
    })
    if (Result.isFailure(otherCurrency) && otherCurrency.failure._tag === "ValidationError")
      expect(otherCurrency.failure.issues[0]!.path).toEqual(["records", 0, "categorySpend"])
    expect(Result.isFailure(otherCurrency) && otherCurrency.failure._tag).toBe("ValidationError")
    open.must({ type: "RecordCustomers", at: t0 + dayMillis, records: [customer(0)] })
    const twice = open.send({ type: "RecordCustomers", at: t0 + dayMillis, records: [customer(0)] })
    expect(Result.isFailure(twice) && twice.failure._tag).toBe("PolicyRefusal")
    open.must({ type: "RecordResponse", at: t0 + dayMillis, response: response(1) })
    const again = open.send({ type: "RecordResponse", at: t0 + dayMillis, response: response(1) })
    expect(Result.isFailure(again) && again.failure._tag).toBe("PolicyRefusal")
  })

  it("③ analyse ◇ enough answers? no → refused unless forced, then marked indicative; before closing is the wrong step", () => {
    const early = collecting()
    const tooSoon = early.send({ type: "Analyse", at: t0 + dayMillis })
    expect(Result.isFailure(tooSoon) && tooSoon.failure._tag).toBe("InvalidTransition")
    const round = collected(10)
    const refused = round.send({ type: "Analyse", at: t0 + 15 * dayMillis })
    expect(Result.isFailure(refused) && refused.failure._tag).toBe("PolicyRefusal")
    round.must({ type: "Analyse", at: t0 + 15 * dayMillis, force: true })
    expect(round.state.belowMinimum).toBe(true)
    expect(round.state.results!.indicators.retentionRate.sufficientSample).toBe(false)
  })

  it("cancel while the plan awaits ✓ → the approval withdrawn; a reported round cannot be cancelled", () => {
    const round = drive(Quality.loyaltySurveyProcess(), "LOY-2026")
    round.must(plan)
    round.must({ type: "SubmitPlan", at: t0 + 1000 })
    const actor = { personId: owner, role: "supervisor" as const }
    round.must({ type: "Cancel", at: t0 + 2000, actor, reason: "并入年度满意度调查" })
    expect(round.state.status).toBe("cancelled")
    expect(round.effects.at(-1)).toMatchObject({
      kind: "approval.withdraw",
      submissionKey: idempotencyKey(name, "LOY-2026", 1, "approval.submit"),
    })
    const done = collected(30)
    done.must({ type: "Analyse", at: t0 + 15 * dayMillis })
    done.must({ type: "Report", at: t0 + 16 * dayMillis, conclusions: "结论" })
    const late = done.send({ type: "Cancel", at: t0 + 17 * dayMillis, actor, reason: "太晚" })
    expect(Result.isFailure(late) && late.failure._tag).toBe("InvalidTransition")
  })
})
