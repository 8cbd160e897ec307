import { Complaints, Money, type ValidationError } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const registration = {
  customerId: "cust-0001",
  customerName: "上海恒通贸易有限公司",
  customerKind: "organization",
  phone: "021-6288 1234",
  type: "product",
  channel: "phone",
  urgency: "urgent",
  subject: "第二批货物外包装破损",
  description: "1 月 3 日到货的 40 箱中有 6 箱外包装破损，内件受潮。",
  demand: "更换受潮的 6 箱并承担运费",
}

const issuesOf = (result: Result.Result<unknown, ValidationError>) =>
  Result.isFailure(result) ? result.failure.issues.map((issue) => [issue.path.join("."), issue.message]) : []

const pathsOf = (result: Result.Result<unknown, ValidationError>) => issuesOf(result).map(([path]) => path)

describe("客户投诉登记表 (registration form)", () => {
  const form = Complaints.registrationForm

  it("names its handbook source and labels every field in both languages", () => {
    expect(form.id).toBe("complaint.registration")
    expect(form.source).toContain("客户投诉登记表一")
    for (const field of Object.values(form.fields)) {
      expect(field.label["zh-CN"].length).toBeGreaterThan(0)
      expect(field.label.en.length).toBeGreaterThan(0)
    }
  })

  it("accepts a registration without a decision", () => {
    const parsed = form.parse(registration)
    expect(Result.isSuccess(parsed)).toBe(true)
  })

  it("needs a way to reach the customer", () => {
    const { phone: _phone, ...withoutPhone } = registration
    expect(issuesOf(form.parse(withoutPhone))).toEqual([
      ["phone", "give a telephone, an e-mail or an address to reach the customer"],
    ])
    expect(Result.isSuccess(form.parse({ ...withoutPhone, email: "li.ming@example.cn" }))).toBe(true)
  })

  it("accepted ⇒ a promised handling date", () => {
    expect(pathsOf(form.parse({ ...registration, acceptance: "accepted" }))).toEqual(["promisedDate"])
    expect(
      Result.isSuccess(form.parse({ ...registration, acceptance: "accepted", promisedDate: "2026-01-09" })),
    ).toBe(true)
  })

  it("rejected ⇒ a reason and an explanation, and no promised date", () => {
    expect(pathsOf(form.parse({ ...registration, acceptance: "rejected" }))).toEqual([
      "rejectionReason",
      "rejectionExplanation",
    ])
    expect(
      pathsOf(
        form.parse({
          ...registration,
          acceptance: "rejected",
          rejectionReason: "notOurProduct",
          rejectionExplanation: "该批货物非本公司销售",
          promisedDate: "2026-01-09",
        }),
      ),
    ).toEqual(["promisedDate"])
  })

  it("a promised date or a reason needs the decision", () => {
    expect(pathsOf(form.parse({ ...registration, promisedDate: "2026-01-09" }))).toEqual(["acceptance"])
    expect(pathsOf(form.parse({ ...registration, rejectionReason: "duplicate" }))).toEqual(["acceptance"])
  })

  it("names every bad field with its path", () => {
    const parsed = form.parse({
      ...registration,
      urgency: "whenever",
      channel: "pigeon",
      purchaseDate: "2026-02-30",
      claimAmount: { minor: 12.5, currency: "CNY" },
      email: "not-an-email",
      unknown: 1,
    })
    expect(pathsOf(parsed).sort()).toEqual(
      ["", "channel", "claimAmount.minor", "email", "purchaseDate", "urgency"].sort(),
    )
  })
})

describe("the handling forms", () => {
  it("客户投诉处理表: the total is the sum of the remedies", () => {
    const value = {
      complaintNumber: "TS-20260105-0001",
      customerName: "王芳",
      type: "product",
      reason: "冰箱冷藏室不制冷",
      demand: "换新机",
      remedies: [
        { kind: "exchange", amount: Money.ofMajor("2999", "CNY") },
        { kind: "compensation", amount: Money.ofMajor("200", "CNY") },
      ],
      total: Money.ofMajor("3199", "CNY"),
      handlerOpinion: "同意换新并补偿 200 元",
      handlerSignature: "officer-wu",
    }
    expect(Result.isSuccess(Complaints.handlingForm.parse(value))).toBe(true)
    expect(
      issuesOf(Complaints.handlingForm.parse({ ...value, total: Money.ofMajor("3000", "CNY") })),
    ).toEqual([["total", "must be the sum of the remedies' amounts"]])
    expect(
      pathsOf(
        Complaints.handlingForm.parse({
          ...value,
          remedies: [{ kind: "refund", amount: Money.ofMajor("10", "USD") }],
          total: Money.ofMajor("10", "CNY"),
        }),
      ),
    ).toEqual(["remedies.0.amount.currency"])
  })

  it("客户投诉案件追踪表: department shares add up to 100 %, each department once", () => {
    const value = {
      acceptedOn: "2026-01-05",
      acceptanceNumber: "TS-20260105-0001",
      customer: "上海恒通贸易有限公司",
      content: "外包装破损",
      responsibility: [
        { departmentId: "logistics", sharePercent: 60 },
        { departmentId: "production", sharePercent: 40 },
      ],
      reminders: [{ date: "2026-01-07", documentNumber: "TS-20260105-0001-督促-1" }],
      closedOn: "2026-01-09",
      closingNumber: "TS-20260105-0001-结案",
    }
    expect(Result.isSuccess(Complaints.caseTrackingForm.parse(value))).toBe(true)
    expect(
      Result.isSuccess(
        Complaints.caseTrackingForm.parse({
          ...value,
          responsibility: [
            { departmentId: "a", sharePercent: 33.3 },
            { departmentId: "b", sharePercent: 33.3 },
            { departmentId: "c", sharePercent: 33.4 },
          ],
        }),
      ),
    ).toBe(true)
    expect(
      issuesOf(
        Complaints.caseTrackingForm.parse({
          ...value,
          responsibility: [
            { departmentId: "logistics", sharePercent: 60 },
            { departmentId: "logistics", sharePercent: 30 },
          ],
        }),
      ),
    ).toEqual([
      ["responsibility.1.departmentId", "each department at most once"],
      ["responsibility", "the shares must add up to 100 % (they add up to 90 %)"],
    ])
    expect(pathsOf(Complaints.caseTrackingForm.parse({ ...value, closedOn: "2026-01-01" }))).toEqual([
      "closedOn",
    ])
    const { closedOn: _closedOn, ...withoutClosing } = value
    expect(pathsOf(Complaints.caseTrackingForm.parse(withoutClosing))).toEqual(["closedOn"])
  })

  it("投诉处理报告表: the report is not dated before the handling", () => {
    const value = {
      complaintNumber: "TS-1",
      reportDate: "2026-01-10",
      receivedAt: 1_767_600_000_000,
      channel: "letter",
      category: "quality",
      urgency: "critical",
      handler: "officer-wu",
      promisedDate: "2026-01-06",
      actualDate: "2026-01-06",
      handlingContent: "换货",
      reporter: "officer-wu",
    }
    expect(Result.isSuccess(Complaints.handlingReportForm.parse(value))).toBe(true)
    expect(pathsOf(Complaints.handlingReportForm.parse({ ...value, reportDate: "2026-01-05" }))).toEqual([
      "actualDate",
    ])
  })

  it("客户投诉总结表: the resolved share is resolved ÷ complaints", () => {
    const value = {
      from: "2026-01-05",
      to: "2026-04-04",
      complaintCount: 200,
      dailyAverage: 2.2,
      resolvedCount: 150,
      resolvedPercent: 75,
      qualityCount: 80,
    }
    expect(Result.isSuccess(Complaints.summaryForm.parse(value))).toBe(true)
    expect(issuesOf(Complaints.summaryForm.parse({ ...value, resolvedPercent: 70 }))).toEqual([
      ["resolvedPercent", "must be 75.0 % (resolved ÷ complaints)"],
    ])
    expect(
      pathsOf(Complaints.summaryForm.parse({ ...value, qualityCount: 201, resolvedCount: 201 })),
    ).toEqual(["resolvedCount", "qualityCount", "resolvedPercent"])
  })

  it("every form names its handbook source and has a unique id", () => {
    const forms = [
      Complaints.registrationForm,
      Complaints.investigationForm,
      Complaints.statisticsForm,
      Complaints.analysisForm,
      Complaints.handlingRecordForm,
      Complaints.handlingForm,
      Complaints.handlingReportForm,
      Complaints.handlingNoticeForm,
      Complaints.caseTrackingForm,
      Complaints.summaryForm,
      Complaints.grievanceForm,
      Complaints.grievanceHandlingForm,
    ]
    expect(new Set(forms.map((form) => form.id)).size).toBe(forms.length)
    for (const form of forms) expect(form.source).toMatch(/^004 ch\.6 §\d+/)
  })

  it("客户投诉调查表 lists each complaint once; 统计表 keeps its rows in the period", () => {
    const row = { complaintNumber: "TS-1", summary: "包装破损", cause: "运输途中挤压" }
    expect(
      pathsOf(
        Complaints.investigationForm.parse({
          category: "quality",
          filledOn: "2026-01-10",
          cases: [row, row],
        }),
      ),
    ).toEqual(["cases.1.complaintNumber"])
    expect(
      pathsOf(
        Complaints.statisticsForm.parse({
          from: "2026-01-05",
          to: "2026-01-31",
          rows: [
            {
              date: "2026-02-01",
              complaintNumber: "TS-9",
              customerName: "李明",
              content: "送货延迟",
              loss: Money.zero("CNY"),
            },
          ],
        }),
      ),
    ).toEqual(["rows.0.date"])
  })
})

describe("客户抱怨表 and 客户抱怨处理表 (grievances)", () => {
  it("a grievance records what was done or what needs doing", () => {
    const value = {
      customerName: "李明",
      number: "BY-2026-0012",
      filledBy: "officer-wu",
      filledOn: "2026-01-06",
      summary: "送货司机态度不好",
    }
    expect(pathsOf(Complaints.grievanceForm.parse(value))).toEqual(["actionsNeeded"])
    expect(Result.isSuccess(Complaints.grievanceForm.parse({ ...value, actionsTaken: "已致电道歉" }))).toBe(
      true,
    )
  })

  it("the handling form keeps its items with the unit responsible, and a return names its quantity", () => {
    const value = {
      priority: "urgent",
      date: "2026-01-08",
      customerName: "上海恒通贸易有限公司",
      kind: "return",
      product: "工业除湿机",
      model: "DH-60",
      quantity: 6,
      shippedOn: "2026-01-02",
      grievance: [{ content: "6 台受潮无法开机", owner: "manager-qian" }],
      causeAnalysis: [{ content: "仓库漏水", defectRatePercent: 15, owner: "inspector-shen" }],
      recurrencePrevention: [{ content: "仓库加装防水层" }],
    }
    expect(Result.isSuccess(Complaints.grievanceHandlingForm.parse(value))).toBe(true)
    const { quantity: _quantity, ...withoutQuantity } = value
    expect(
      pathsOf(Complaints.grievanceHandlingForm.parse({ ...withoutQuantity, shippedOn: "2026-01-09" })),
    ).toEqual(["quantity", "shippedOn"])
    expect(
      pathsOf(
        Complaints.grievanceHandlingForm.parse({ ...value, causeAnalysis: [{ defectRatePercent: 150 }] }),
      ),
    ).toEqual(["causeAnalysis.0.defectRatePercent"])
  })
})
