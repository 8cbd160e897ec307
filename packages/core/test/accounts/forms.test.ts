import { Accounts, type AnyForm, locales, Quality } from "@tixi/core"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const yuan = (major: number) => ({ minor: major * 100, currency: "CNY" })
const pathsOf = (
  result: Result.Result<unknown, { readonly issues: ReadonlyArray<{ path: ReadonlyArray<unknown> }> }>,
) => (Result.isFailure(result) ? result.failure.issues.map((issue) => issue.path.join(".")) : [])

const supportRequest = {
  requestingDepartment: "key-accounts",
  requestedOn: "2026-03-02",
  customer: "KA-1",
  generalManager: "王总",
  address: "武汉市江汉区",
  phoneOrFax: "027-8888 6666",
  contact: "李明 信息部经理",
  ownership: "private",
  industry: "machinery",
  expectedContractValue: yuan(800_000),
  expectedSigning: "2026-06-30",
  background: "三次拜访，客户有意更换 ERP",
  supportWanted: ["productDemonstration", "projectProposal"],
  staffLevels: ["projectManager", "presalesConsultant"],
  staffCount: 2,
  applicant: "p-officer",
}

describe("key-account forms (004 ch.4 §5–§7, §9)", () => {
  it.each([
    Accounts.keyAccountSupportForm,
    Accounts.keyAccountMonthlyReportForm,
    Accounts.keyAccountAnalysisForm,
    Quality.keyAccountOpinionForm,
  ] as unknown as ReadonlyArray<AnyForm>)("$id labels every box in zh-CN and en", (form) => {
    expect(form.source).toMatch(/^004 ch\.4 §[5-9]/)
    for (const locale of locales)
      for (const field of Object.values(form.fields)) {
        expect(field.label[locale].length).toBeGreaterThan(0)
        const columns = (field as { columns?: Record<string, AnyForm["fields"][string]> }).columns ?? {}
        for (const column of Object.values(columns)) expect(column.label[locale].length).toBeGreaterThan(0)
      }
  })

  it("大客户支持表: a request with the deal and the support wanted is valid; 其他 must be named", () => {
    expect(Result.isSuccess(Accounts.keyAccountSupportForm.parse(supportRequest))).toBe(true)
    const other = Accounts.keyAccountSupportForm.parse({
      ...supportRequest,
      industry: "other",
      supportWanted: ["other"],
    })
    expect(pathsOf(other)).toEqual(["industryOther", "supportWantedOther"])
    expect(pathsOf(Accounts.keyAccountSupportForm.parse({ ...supportRequest, staffCount: 0 }))).toEqual([
      "staffCount",
    ])
  })

  it("大客户月报表: each branch once; 合计 and the pie charts are summed from the rows", () => {
    const report = {
      brand: "Tixi",
      reportedOn: "2026-03-31",
      branches: [
        {
          branch: "北京",
          monthRevenue: yuan(300),
          monthUnits: 3,
          monthBookProfit: yuan(-20),
          yearRevenue: yuan(900),
        },
        {
          branch: "上海",
          monthRevenue: yuan(100),
          monthUnits: 1,
          monthBookProfit: yuan(50),
          yearRevenue: yuan(100),
        },
      ],
    }
    const parsed = Result.getOrThrow(Accounts.keyAccountMonthlyReportForm.parse(report))
    const summary = Result.getOrThrow(Accounts.summariseMonthlyReport(parsed, "CNY"))
    expect(summary).toMatchObject({
      monthRevenue: yuan(400),
      monthUnits: 4,
      monthBookProfit: yuan(30),
      yearRevenue: yuan(1000),
      yearUnits: 0,
    })
    expect(summary.monthShares).toEqual([
      { branch: "北京", percent: 75 },
      { branch: "上海", percent: 25 },
    ])
    expect(summary.yearShares.map((slice) => slice.percent)).toEqual([90, 10])
    const dollars = { ...parsed, branches: [{ branch: "深圳", yearRevenue: { minor: 1, currency: "USD" } }] }
    expect(pathsOf(Accounts.summariseMonthlyReport(dollars, "CNY"))).toEqual([
      "branches.0.yearRevenue.currency",
    ])
    const twice = { ...report, branches: [report.branches[0], report.branches[0]] }
    expect(pathsOf(Accounts.keyAccountMonthlyReportForm.parse(twice))).toEqual(["branches.1.branch"])
  })

  it("大客户分析表: staff total is men plus women; head office and branch premises once each", () => {
    const analysis = {
      handler: "p-officer",
      customer: "KA-1",
      address: "武汉市江汉区",
      mainBusiness: "工程机械",
      salesContract: "signing",
      legalRepresentative: "王五",
      funding: "ample",
      credit: "good",
      standing: "leading",
      staffMale: 60,
      staffFemale: 40,
      staffTotal: 100,
      property: [{ site: "headquarters", landArea: 2000, land: "owned", floors: 4, building: "rented" }],
      profitOrLoss: yuan(-5000),
    }
    expect(Result.isSuccess(Accounts.keyAccountAnalysisForm.parse(analysis))).toBe(true)
    const wrong = {
      ...analysis,
      staffTotal: 90,
      property: [analysis.property[0], analysis.property[0]],
    }
    expect(pathsOf(Accounts.keyAccountAnalysisForm.parse(wrong))).toEqual(["staffTotal", "property"])
  })

  it("大客户意见调查表: 其他方面 (training, website content, website visits) are rated when given", () => {
    const opinion = {
      customer: "KA-1",
      filledBy: "李明",
      phoneSupport: "satisfied",
      onSiteSupport: "satisfied",
      timelyResolution: "neutral",
      accurateResolution: "satisfied",
      professionalism: "verySatisfied",
    }
    expect(Result.isSuccess(Quality.keyAccountOpinionForm.parse(opinion))).toBe(true)
    const rated = Result.getOrThrow(
      Quality.keyAccountOpinionForm.parse({
        ...opinion,
        trainingEffect: "satisfied",
        websiteVisits: "neutral",
      }),
    )
    expect(rated).toMatchObject({ trainingEffect: "satisfied", websiteVisits: "neutral" })
    expect(pathsOf(Quality.keyAccountOpinionForm.parse({ ...opinion, websiteContent: "great" }))).toEqual([
      "websiteContent",
    ])
  })
})
