// Grading, credit and key accounts of the simulated company: the customers' sales, margins,
// credit investigations, receivables and payment records are generated from the seed, then graded
// (客户分级表, 客户等级分类表, 重点客户管理表), scored and checked against their limits
// (客户信用调查表, 资信控制), and screened for key accounts (大客户评定表) — the same calls an
// embedder makes.
import {
  Accounts,
  addDays,
  type CivilDate,
  Credit,
  customerId,
  Grading,
  type Label,
  type Locale,
  label,
  Money,
  personId,
} from "@tixi/core"
import { Result } from "effect"
import type { SimulatedCustomer } from "./customers.ts"
import { Random } from "./random.ts"
import { table } from "./text-table.ts"

/** Customers shown in each list of the report. */
const listLength = 8

/** The grading, credit and key-account part of the report, as data (JSON beside the tables). */
export interface GradingCreditReport {
  readonly asOf: CivilDate
  readonly policyVersions: { readonly grading: string; readonly credit: string; readonly accounts: string }
  readonly grading: {
    readonly abc: ReadonlyArray<{
      readonly abcClass: Grading.AbcClass
      readonly customers: number
      readonly customerSharePercent: number
      readonly revenueSharePercent: number
    }>
    readonly grades: { readonly [G in Grading.CustomerGrade]: number }
    readonly serviceTiers: { readonly [T in Grading.ServiceTier]: number }
    readonly topBySales: ReadonlyArray<ListedCustomer & { readonly revenue: string }>
    readonly topByGrowth: ReadonlyArray<ListedCustomer & { readonly percent: number }>
    readonly topByMargin: ReadonlyArray<ListedCustomer & { readonly percent: number }>
    /** One customer's grade with its reasons, as the explanation reads. */
    readonly example: { readonly customer: ListedCustomer; readonly reasons: ReadonlyArray<Label> }
  }
  readonly credit: {
    readonly grades: ReadonlyArray<{
      readonly grade: Credit.CreditGrade
      readonly customers: number
      /** Yuan, exact decimal string. */
      readonly totalLimit: string
      readonly paymentTermDays: number
      readonly paymentMethod: Credit.PaymentMethod
    }>
    readonly totalExposure: string
    readonly overLimit: ReadonlyArray<
      ListedCustomer & {
        readonly grade: Credit.CreditGrade
        readonly limit: string
        readonly exposure: string
        readonly excess: string
      }
    >
    readonly overLimitCount: number
    readonly danger: ReadonlyArray<ListedCustomer & { readonly signals: ReadonlyArray<Credit.DangerSignal> }>
    readonly dangerCount: number
    readonly excellentCount: number
    /** Customers whose score this year calls for another grade than the one granted (信用等级变更 candidates). */
    readonly gradeChanges: { readonly up: number; readonly down: number }
    /** The pending orders checked against the controls, by outcome. */
    readonly orderChecks: { readonly [S in Credit.ExposureStatus]: number }
    /** The orders that needed approval, through the override decider, by outcome. */
    readonly overrides: { readonly approved: number; readonly rejected: number }
  }
  readonly keyAccounts: {
    readonly candidates: number
    readonly quadrants: { readonly [Q in Accounts.ValueQuadrant]: number }
    readonly selected: ReadonlyArray<
      ListedCustomer & {
        readonly grade: Grading.CustomerGrade
        readonly creditGrade: Credit.CreditGrade
        readonly revenue: string
        readonly quadrant: Accounts.ValueQuadrant
        readonly lifetimeValue: string
        readonly nextRevisit: CivilDate
        readonly revisit: Accounts.RevisitStatus
        /** Complaints the account made in the simulated period. */
        readonly complaints: number
      }
    >
  }
}

/** A customer in a list of the report. */
export interface ListedCustomer {
  readonly customerId: string
  readonly name: string
}

interface CustomerFacts {
  /** Receivables and open orders are set once the grade granted last year is known. */
  receivables: number
  openOrders: number
  readonly revenue: number
  readonly previous: number
  readonly margin: number
  readonly purchases: number
  readonly order: number
  readonly overdueDays: number
  readonly bounced: number
  readonly bankruptcySigns: ReadonlyArray<Credit.BankruptcySign>
  readonly years: number
  readonly lastRevisitDaysAgo: number
}

const fen = (yuan: number) => Math.max(0, Math.round(yuan * 100))
const major = (minor: number) => Money.toMajorString(Money.ofMinor(minor, "CNY"))

/**
 * The facts of one customer over the last year, drawn from its own stream of the seed around its
 * standing (0.35–1, how sound a business it is): organisations buy far more than people, last
 * year's sales sit around this year's, margins from −5 % to 35 %; sounder customers get longer
 * terms, so owe more, and pay on time; shakier ones fall overdue, bounce payments and show signs
 * of trouble more often. A quarter have an order waiting to ship.
 */
function factsOf(customer: SimulatedCustomer, standing: number, random: Random): CustomerFacts {
  const organisation = customer.kind === "organization"
  const revenue = Math.min(
    50_000_000,
    random.logNormal(organisation ? 600_000 : 15_000, organisation ? 1.1 : 0.8),
  )
  const isNew = random.chance(0.08)
  const shaky = 1 - standing
  const overdue = random.chance(0.05 + 0.5 * shaky)
  return {
    revenue: fen(revenue),
    previous: isNew ? 0 : fen(revenue * (0.6 + random.next() * 0.8)),
    margin: Math.round(fen(revenue) * (random.next() * 0.4 - 0.05)),
    purchases: fen(revenue * (1 + random.next() * 3)),
    receivables: 0,
    openOrders: 0,
    order: random.chance(0.25) ? fen(revenue * (0.02 + random.next() * 0.15)) : 0,
    overdueDays: overdue ? random.skewed(1, 150, 1 + 3 * standing) : 0,
    bounced: random.chance(0.04 * shaky) ? 1 : 0,
    bankruptcySigns: random.chance(0.03 * shaky) ? [random.pick(Credit.BankruptcySign.values)] : [],
    years: random.int(0, 12),
    lastRevisitDaysAgo: random.int(0, 120),
  }
}

/** The 74 answers of 客户信用分析表 around the customer's standing, with a few unknown. */
function answersOf(random: Random, standing: number, questions: number): Uint8Array {
  return Uint8Array.from({ length: questions }, () => {
    if (random.chance(0.04)) return 255
    const level = Math.min(4, Math.max(0, Math.round(standing * 4 + (random.next() - 0.5) * 2)))
    return level * 25
  })
}

/**
 * Grades, scores and screens the simulated company's customers on `asOf`. The seed gives every
 * figure, so two runs with the same seed report the same customers.
 */
export function gradeAndScore(
  customers: ReadonlyArray<SimulatedCustomer>,
  seed: number,
  asOf: CivilDate,
  complaintsByCustomer: ReadonlyMap<string, number> = new Map(),
): GradingCreditReport {
  const gradingPolicy = Grading.defaultGradingPolicy
  const creditPolicy = Credit.defaultCreditPolicy
  const accountsPolicy = Accounts.defaultAccountsPolicy
  const random = new Random(seed ^ 0x6b5c_2d1e)
  const questions = Credit.compileCreditPolicy(creditPolicy).scorecard.leafIds.length
  const standings = customers.map(() => 0.35 + random.next() * 0.65)
  const facts = customers.map((customer, row) => factsOf(customer, standings[row]!, random))
  const count = customers.length
  const answers = new Uint8Array(count * questions)
  for (let row = 0; row < count; row++)
    answers.set(answersOf(random, standings[row]!, questions), row * questions)
  const name = (row: number): ListedCustomer => ({
    customerId: customers[row]!.id,
    name: customers[row]!.name,
  })

  // Last year's evaluation granted each customer a grade near this year's score and its limit on
  // last year's sales; what the customer owes follows from it: a cash customer owes nothing but
  // what fell overdue, the others use most of their limit and some go past it.
  const columns = (
    granted?: { grade: Uint8Array; limit: Float64Array },
    withOrders = false,
  ): Credit.CreditColumns => ({
    count,
    answers,
    annualRevenue: Float64Array.from(facts, (fact) => fact.revenue),
    openReceivables: Float64Array.from(facts, (fact) => fact.receivables),
    openOrders: Float64Array.from(facts, (fact) => fact.openOrders),
    ...(withOrders ? { orderAmount: Float64Array.from(facts, (fact) => fact.order) } : {}),
    oldestOverdueDays: Int32Array.from(facts, (fact) => fact.overdueDays),
    bouncedPayments: Uint32Array.from(facts, (fact) => fact.bounced),
    bankruptcySigns: Uint8Array.from(facts, (fact) => fact.bankruptcySigns.length),
    ...(granted === undefined ? {} : { grantedGrade: granted.grade, grantedLimit: granted.limit }),
  })
  const compiled = Credit.compileCreditPolicy(creditPolicy)
  const scored = Result.getOrThrow(Credit.assessCreditColumns(columns(), creditPolicy))
  const grantedGrade = Uint8Array.from(scored.score, (score) =>
    Credit.creditGradeCode(Number.isNaN(score) ? score : score + (random.next() - 0.5) * 16, compiled),
  )
  const grantedLimit = Float64Array.from(grantedGrade, (grade, row) =>
    Credit.creditLimitMinor(facts[row]!.previous, grade, compiled),
  )
  facts.forEach((fact, row) => {
    const limit = grantedLimit[row]!
    const leftover = fact.overdueDays > 0 ? Math.round(fact.revenue * 0.02 * random.next()) : 0
    fact.receivables = Math.round(limit * (0.2 + random.next() * 0.9)) + leftover
    fact.openOrders = Math.round(limit * random.next() * 0.15)
  })

  // Credit: every customer re-scored and its position checked against the limit in force; then
  // the pending orders checked on top of it.
  const granted = { grade: grantedGrade, limit: grantedLimit }
  const credit = Result.getOrThrow(Credit.assessCreditColumns(columns(granted), creditPolicy))
  const withOrders = Result.getOrThrow(Credit.assessCreditColumns(columns(granted, true), creditPolicy))

  // Grading: the object API, so every grade comes with its reasons; the credit score is a factor.
  const graded = Result.getOrThrow(
    Grading.gradeCustomers(
      {
        customers: customers.map((customer, row) => ({
          customerId: customer.id,
          name: customer.name,
          revenue: Money.ofMinor(facts[row]!.revenue, "CNY"),
          previousRevenue: Money.ofMinor(facts[row]!.previous, "CNY"),
          grossMargin: Money.ofMinor(facts[row]!.margin, "CNY"),
          ...(Number.isNaN(credit.score[row]!) ? {} : { creditScore: credit.score[row]! }),
        })),
        period: { from: addDays(asOf, -364), to: asOf },
      },
      gradingPolicy,
    ),
  )
  const rowOf = new Map(customers.map((customer, row) => [customer.id, row]))

  // The pending orders that need approval go through the override decider; the approver lets the
  // order through for a customer of grade A or B with nothing long overdue, holds it otherwise.
  const orderChecks = Object.fromEntries(Credit.ExposureStatus.values.map((status) => [status, 0])) as Record<
    Credit.ExposureStatus,
    number
  >
  const overrides = { approved: 0, rejected: 0 }
  const overrideProcess = Credit.creditOverrideProcess(creditPolicy)
  const sales = { personId: personId("sales-demo"), role: "officer" as const }
  const at = Date.parse(`${asOf}T02:00:00Z`)
  facts.forEach((fact, row) => {
    if (fact.order === 0) return
    const status = Credit.ExposureStatus.values[Credit.unpackStatus(withOrders.check[row]!)]!
    orderChecks[status] += 1
    if (status !== "approval") return
    const grade = Credit.CreditGrade.values[credit.grade[row]!]!
    const requested = Result.getOrThrow(
      overrideProcess.decide(overrideProcess.initialState, {
        type: "RequestOverride",
        at,
        requestId: `OV-${customers[row]!.id}`,
        orderNumber: `SO-${customers[row]!.id}`,
        requestedBy: sales,
        reason: "客户追加订单",
        position: {
          customerId: customers[row]!.id,
          grade,
          limit: Money.ofMinor(credit.limit[row]!, "CNY"),
          openReceivables: Money.ofMinor(fact.receivables, "CNY"),
          openOrders: Money.ofMinor(fact.openOrders, "CNY"),
          order: Money.ofMinor(fact.order, "CNY"),
          oldestOverdueDays: fact.overdueDays,
          bouncedPayments: fact.bounced,
          bankruptcySigns: fact.bankruptcySigns,
        },
      }),
    )
    const state = requested.reduce(overrideProcess.evolve, overrideProcess.initialState)
    const approve = (grade === "A" || grade === "B") && fact.overdueDays <= creditPolicy.overdue.graceDays
    const decided = Result.getOrThrow(
      overrideProcess.decide(state, {
        type: "DecideApproval",
        at: at + 3_600_000,
        approvalKey: state.approval!.key,
        outcome: approve ? "approved" : "rejected",
      }),
    )
    if (decided[0]?.type === "OverrideApproved") overrides.approved += 1
    else overrides.rejected += 1
  })

  const overLimitRows = Credit.overLimitRows(credit)
  const dangerRows = Credit.dangerCustomerRows(credit)
  const creditGrades = Credit.CreditGrade.values.map((grade, code) => {
    const terms = Credit.termsOfGrade(creditPolicy, grade)
    let customersOfGrade = 0
    let totalLimit = 0
    for (let row = 0; row < count; row++) {
      if (credit.grade[row] !== code) continue
      customersOfGrade += 1
      totalLimit += credit.limit[row]!
    }
    return {
      grade,
      customers: customersOfGrade,
      totalLimit: major(totalLimit),
      paymentTermDays: terms.paymentTermDays,
      paymentMethod: terms.paymentMethod,
    }
  })

  // Key accounts: screened among organisations with a credit grade, placed in the value matrix,
  // valued over their lifetime and given their next revisit.
  const organisations = customers.filter((customer) => customer.kind === "organization")
  const creditGradeOf = new Map(
    organisations.map((customer) => [
      customer.id,
      Credit.CreditGrade.values[credit.grade[rowOf.get(customer.id)!]!]!,
    ]),
  )
  const years = new Map(organisations.map((customer) => [customer.id, facts[rowOf.get(customer.id)!]!.years]))
  const candidates = Accounts.screeningCandidates(graded, creditGradeOf, years)
  const screened = Result.getOrThrow(Accounts.screenKeyAccounts(candidates, accountsPolicy))
  const matrix = Result.getOrThrow(
    Accounts.valueMatrix(
      organisations.map((customer) => {
        const fact = facts[rowOf.get(customer.id)!]!
        const revenue = Money.ofMinor(fact.revenue, "CNY")
        const margin = Money.ofMinor(Math.max(0, fact.margin), "CNY")
        return {
          customerId: customer.id,
          currentValue: margin,
          potentialValue: Accounts.potentialFromWallet(revenue, Money.ofMinor(fact.purchases, "CNY"), margin),
        }
      }),
      accountsPolicy,
    ),
  )
  const quadrantOf = new Map(
    matrix.accounts.map((account) => [account.customerId as string, account.quadrant]),
  )
  const gradingOf = new Map(graded.customers.map((customer) => [customer.customerId as string, customer]))
  const selectedIds = screened
    .filter((result) => result.selected)
    .map((result) => result.customerId as string)
  const schedule = new Map(
    Accounts.revisitSchedule(
      selectedIds.map((id) => ({
        customerId: customerId(id),
        grade: gradingOf.get(id)!.composite.grade,
        lastRevisit: addDays(asOf, -facts[rowOf.get(id)!]!.lastRevisitDaysAgo),
        since: addDays(asOf, -365),
      })),
      asOf,
      gradingPolicy,
      accountsPolicy,
    ).map((entry) => [entry.customerId as string, entry]),
  )
  const selected = selectedIds
    .map((id) => {
      const row = rowOf.get(id)!
      const grading = gradingOf.get(id)!
      const lifetime = Result.getOrThrow(
        Accounts.customerLifetimeValue(
          { annualMargin: Money.ofMinor(Math.max(0, facts[row]!.margin), "CNY") },
          accountsPolicy,
        ),
      )
      const revisit = schedule.get(id)!
      return {
        ...name(row),
        grade: grading.composite.grade,
        creditGrade: creditGradeOf.get(id)!,
        revenue: major(facts[row]!.revenue),
        quadrant: quadrantOf.get(id)!,
        lifetimeValue: Money.toMajorString(lifetime.value),
        nextRevisit: revisit.dueOn,
        revisit: revisit.status,
        complaints: complaintsByCustomer.get(id) ?? 0,
      }
    })
    .sort((left, right) => Number(right.revenue) - Number(left.revenue))

  const example =
    graded.customers.find((customer) => customer.composite.grade === "AA" && customer.abc.class === "A") ??
    graded.customers[0]!
  const abc = Grading.abcShareTable(graded)
  return {
    asOf,
    policyVersions: {
      grading: gradingPolicy.version,
      credit: creditPolicy.version,
      accounts: accountsPolicy.version,
    },
    grading: {
      abc: abc.map((row) => ({
        abcClass: row.abcClass,
        customers: row.customers,
        customerSharePercent: row.customerSharePercent,
        revenueSharePercent: row.valueSharePercent,
      })),
      grades: graded.summary.grades,
      serviceTiers: graded.summary.serviceTiers,
      topBySales: graded.topLists.sales.slice(0, listLength).map((entry) => ({
        ...name(rowOf.get(entry.customerId)!),
        revenue: Money.toMajorString(entry.revenue),
      })),
      topByGrowth: graded.topLists.growth.slice(0, listLength).map((entry) => ({
        ...name(rowOf.get(entry.customerId)!),
        percent: Math.round((entry.ratePercent ?? 0) * 10) / 10,
      })),
      topByMargin: graded.topLists.margin.slice(0, listLength).map((entry) => ({
        ...name(rowOf.get(entry.customerId)!),
        percent: Math.round((entry.ratePercent ?? 0) * 10) / 10,
      })),
      example: { customer: name(rowOf.get(example.customerId)!), reasons: example.reasons },
    },
    credit: {
      grades: creditGrades,
      totalExposure: major(credit.exposure.reduce((sum, value) => sum + value, 0)),
      overLimit: overLimitRows.slice(0, listLength).map((row) => ({
        ...name(row),
        grade: Credit.CreditGrade.values[credit.grade[row]!]!,
        limit: major(credit.limit[row]!),
        exposure: major(credit.exposure[row]!),
        excess: major(-credit.available[row]!),
      })),
      overLimitCount: overLimitRows.length,
      danger: dangerRows
        .slice(0, listLength)
        .map((entry) => ({ ...name(entry.row), signals: entry.signals })),
      dangerCount: dangerRows.length,
      excellentCount: Credit.excellentCustomerRows(credit).length,
      gradeChanges: {
        up: credit.recommendedGrade.filter((grade, row) => grade < credit.grade[row]!).length,
        down: credit.recommendedGrade.filter((grade, row) => grade > credit.grade[row]!).length,
      },
      orderChecks,
      overrides,
    },
    keyAccounts: {
      candidates: candidates.length,
      quadrants: matrix.counts,
      selected: selected.slice(0, listLength),
    },
  }
}

const headings = {
  section: label("客户分级、信用与大客户", "Grading, credit and key accounts"),
  abc: label("客户分级（ABC，按销售额）", "ABC classes by revenue"),
  grades: label("客户等级与服务层级（客户等级分类表）", "Customer grades and service tiers"),
  top: label("重点客户管理表（前 8 名）", "Key customers (top 8)"),
  credit: label("信用等级与赊销限额", "Credit grades and limits"),
  overLimit: label("超出信用额度的客户", "Customers over their limit"),
  danger: label("危险客户", "Customers at risk"),
  orders: label("待发订单的资信控制", "Pending orders against the credit controls"),
  keyAccounts: label(
    "大客户（筛选、价值矩阵、终生价值、回访）",
    "Key accounts (screening, value, lifetime value, revisits)",
  ),
}

/** Renders the grading, credit and key-account part of the report for a terminal. */
export function renderGradingCredit(report: GradingCreditReport, locale: Locale): string {
  const t = (text: Label) => text[locale]
  const zh = locale === "zh-CN"
  const yuan = (value: string) => Money.format(Money.ofMajor(value, "CNY"), locale)
  const out: Array<string> = []
  const section = (heading: Label) => out.push("", t(heading), "")
  out.push("", `── ${t(headings.section)} ──`)

  section(headings.abc)
  out.push(
    table(
      [
        { heading: zh ? "类别" : "Class" },
        { heading: zh ? "客户数" : "Customers", align: "right" },
        { heading: zh ? "客户占比" : "Share of customers", align: "right" },
        { heading: zh ? "销售额占比" : "Share of revenue", align: "right" },
      ],
      report.grading.abc.map((row) => [
        Grading.AbcClass.label(row.abcClass, locale),
        String(row.customers),
        `${row.customerSharePercent.toFixed(1)}%`,
        `${row.revenueSharePercent.toFixed(1)}%`,
      ]),
    ),
  )

  section(headings.grades)
  const tierOf = Grading.defaultGradingPolicy.serviceTiers.tierOfGrade
  out.push(
    table(
      [
        { heading: zh ? "等级" : "Grade" },
        { heading: zh ? "客户数" : "Customers", align: "right" },
        { heading: zh ? "服务层级" : "Service tier" },
      ],
      Grading.CustomerGrade.values.map((grade) => [
        Grading.CustomerGrade.label(grade, locale),
        String(report.grading.grades[grade]),
        Grading.ServiceTier.label(tierOf[grade], locale),
      ]),
    ),
  )
  out.push("", `  ${zh ? "例" : "e.g."} ${report.grading.example.customer.name}${zh ? "：" : ":"}`)
  for (const reason of report.grading.example.reasons) out.push(`    · ${t(reason)}`)

  section(headings.top)
  const top = report.grading
  out.push(
    table(
      [
        { heading: "#", align: "right" },
        { heading: zh ? "销售额前列" : "By sales" },
        { heading: zh ? "销售额" : "Sales", align: "right" },
        { heading: zh ? "增长率前列" : "By growth" },
        { heading: zh ? "增长率" : "Growth", align: "right" },
        { heading: zh ? "利润率前列" : "By margin" },
        { heading: zh ? "利润率" : "Margin", align: "right" },
      ],
      top.topBySales.map((entry, index) => [
        String(index + 1),
        entry.name,
        yuan(entry.revenue),
        top.topByGrowth[index]?.name ?? "",
        top.topByGrowth[index] ? `${top.topByGrowth[index].percent.toFixed(1)}%` : "",
        top.topByMargin[index]?.name ?? "",
        top.topByMargin[index] ? `${top.topByMargin[index].percent.toFixed(1)}%` : "",
      ]),
    ),
  )

  section(headings.credit)
  out.push(
    table(
      [
        { heading: zh ? "信用等级" : "Grade" },
        { heading: zh ? "客户数" : "Customers", align: "right" },
        { heading: zh ? "赊销限额合计" : "Total limit", align: "right" },
        { heading: zh ? "账期" : "Term", align: "right" },
        { heading: zh ? "付款方式" : "Payment" },
      ],
      report.credit.grades.map((row) => [
        Credit.CreditGrade.label(row.grade, locale),
        String(row.customers),
        yuan(row.totalLimit),
        zh ? `${row.paymentTermDays} 天` : `${row.paymentTermDays} d`,
        Credit.PaymentMethod.label(row.paymentMethod, locale),
      ]),
    ),
  )
  out.push(
    "",
    zh
      ? `  信用占用合计 ${yuan(report.credit.totalExposure)}；优秀客户 ${report.credit.excellentCount} 位；本次评分建议升级 ${report.credit.gradeChanges.up} 位、降级 ${report.credit.gradeChanges.down} 位（启动信用等级变更流程）`
      : `  Total exposure ${yuan(report.credit.totalExposure)}; ${report.credit.excellentCount} excellent customers; this year's scores call for ${report.credit.gradeChanges.up} upgrades and ${report.credit.gradeChanges.down} downgrades (grade-change flows)`,
  )

  section(headings.overLimit)
  out.push(
    zh
      ? `  共 ${report.credit.overLimitCount} 位客户超出额度（超出最多的 ${report.credit.overLimit.length} 位）：`
      : `  ${report.credit.overLimitCount} customers over their limit (the ${report.credit.overLimit.length} furthest over):`,
    "",
    table(
      [
        { heading: zh ? "客户" : "Customer" },
        { heading: zh ? "信用等级" : "Grade" },
        { heading: zh ? "额度" : "Limit", align: "right" },
        { heading: zh ? "信用占用" : "Exposure", align: "right" },
        { heading: zh ? "超出" : "Over by", align: "right" },
      ],
      report.credit.overLimit.map((row) => [
        row.name,
        row.grade,
        yuan(row.limit),
        yuan(row.exposure),
        yuan(row.excess),
      ]),
    ),
  )

  section(headings.danger)
  out.push(
    zh
      ? `  共 ${report.credit.dangerCount} 位危险客户：`
      : `  ${report.credit.dangerCount} customers at risk:`,
    "",
    table(
      [{ heading: zh ? "客户" : "Customer" }, { heading: zh ? "危险信号" : "Signals" }],
      report.credit.danger.map((row) => [
        row.name,
        row.signals.map((signal) => Credit.DangerSignal.label(signal, locale)).join(zh ? "、" : ", "),
      ]),
    ),
  )

  section(headings.orders)
  out.push(
    table(
      [{ heading: zh ? "结果" : "Outcome" }, { heading: zh ? "订单数" : "Orders", align: "right" }],
      [
        ...Credit.ExposureStatus.values.map((status) => [
          Credit.ExposureStatus.label(status, locale),
          String(report.credit.orderChecks[status]),
        ]),
        [zh ? "  其中审批通过" : "  of which approved", String(report.credit.overrides.approved)],
        [zh ? "  其中审批未通过" : "  of which refused", String(report.credit.overrides.rejected)],
      ],
    ),
  )

  section(headings.keyAccounts)
  const quadrants = report.keyAccounts.quadrants
  out.push(
    zh
      ? `  候选 ${report.keyAccounts.candidates} 家法人客户；价值矩阵：战略 ${quadrants.strategic}，核心 ${quadrants.core}，潜力 ${quadrants.growth}，一般 ${quadrants.ordinary}`
      : `  ${report.keyAccounts.candidates} organisations screened; value matrix: strategic ${quadrants.strategic}, core ${quadrants.core}, growth ${quadrants.growth}, ordinary ${quadrants.ordinary}`,
    "",
    table(
      [
        { heading: zh ? "大客户" : "Key account" },
        { heading: zh ? "等级" : "Grade" },
        { heading: zh ? "信用" : "Credit" },
        { heading: zh ? "年销售额" : "Revenue", align: "right" },
        { heading: zh ? "价值象限" : "Quadrant" },
        { heading: zh ? "终生价值" : "Lifetime value", align: "right" },
        { heading: zh ? "下次回访" : "Next revisit" },
        { heading: zh ? "状态" : "Status" },
        { heading: zh ? "本期投诉" : "Complaints", align: "right" },
      ],
      report.keyAccounts.selected.map((row) => [
        row.name,
        row.grade,
        row.creditGrade,
        yuan(row.revenue),
        Accounts.ValueQuadrant.label(row.quadrant, locale).split(/[（(:：]/)[0]!,
        yuan(row.lifetimeValue),
        row.nextRevisit,
        Accounts.RevisitStatus.label(row.revisit, locale),
        String(row.complaints),
      ]),
    ),
  )
  return out.join("\n")
}
