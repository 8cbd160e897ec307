import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import {
  CreditStanding,
  FundingStatus,
  PropertySite,
  SalesContractStatus,
  TradeStanding,
} from "../labels/customer-standing.ts"
import { PremisesTenure } from "./key-account-file-form.ts"

const signature = (zh: string, en: string) => field.person({ label: label(zh, en), required: false })
const income = (zh: string, en: string) =>
  field.money({ label: label(zh, en), required: false, allowNegative: true })
const area = (zh: string, en: string) => field.decimal({ label: label(zh, en), min: 0, required: false })
const headcount = (zh: string, en: string) => field.integer({ label: label(zh, en), required: false })

/**
 * 大客户分析表 (004 ch.4 §7): the signatures (董事长, 总经理, 直接主管, 承办人), the customer
 * (business, contract, head office and branch, legal representative, bank, capital), its funding,
 * credit and standing, staff, sales and stock, its premises (land and buildings of head office and
 * branch, owned or rented) and its average monthly income over the last six months.
 */
export const keyAccountAnalysisForm = defineForm({
  id: "accounts.key-account-analysis",
  title: label("大客户分析表", "Key account analysis"),
  source: "004 ch.4 §7 大客户分析表",
  fields: {
    chairman: signature("董事长", "Chairman"),
    generalManager: signature("总经理", "General manager"),
    directSupervisor: signature("直接主管", "Direct supervisor"),
    handler: field.person({ label: label("承办人", "Prepared by") }),
    customer: field.customer({ label: label("客户名称", "Customer") }),
    address: field.text({ label: label("客户地址", "Address"), maxLength: 300 }),
    mainBusiness: field.text({ label: label("主营业务", "Main business"), maxLength: 500 }),
    salesContract: field.choice(SalesContractStatus, { label: label("销售合同", "Sales contract") }),
    headOfficeAddress: field.text({ label: label("总部地址", "Head office address"), required: false }),
    headOfficePhone: field.phone({ label: label("总部电话", "Head office phone"), required: false }),
    branchAddress: field.text({ label: label("分企业", "Branch"), required: false }),
    branchPhone: field.phone({ label: label("分企业电话", "Branch phone"), required: false }),
    legalRepresentative: field.text({ label: label("法人代表", "Legal representative") }),
    yearsInTrade: field.integer({
      label: label("从业时间（年）", "Years in the trade"),
      required: false,
      max: 100,
    }),
    bornIn: field.text({
      label: label("出生年月", "Born (year and month)"),
      pattern: /^(18|19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$/,
      required: false,
    }),
    bank: field.text({ label: label("业务银行", "Bank"), required: false }),
    registeredCapital: field.money({ label: label("注册资金", "Registered capital"), required: false }),
    founded: field.date({ label: label("成立时间", "Founded"), required: false }),
    funding: field.choice(FundingStatus, { label: label("资金状况", "Funding") }),
    credit: field.choice(CreditStanding, { label: label("信用状况", "Credit") }),
    standing: field.choice(TradeStanding, { label: label("在同行中的地位", "Standing in the trade") }),
    staffMale: headcount("员工人数：男", "Staff: men"),
    staffFemale: headcount("员工人数：女", "Staff: women"),
    staffTotal: headcount("员工人数：合计", "Staff: total"),
    monthlySalesVolume: field.decimal({
      label: label("月均销售量", "Average monthly sales volume"),
      min: 0,
      required: false,
    }),
    stock: field.decimal({ label: label("库存量", "Stock"), min: 0, required: false }),
    property: field.table({
      label: label("不动产", "Premises"),
      required: false,
      maxRows: 2,
      columns: {
        site: field.choice(PropertySite, { label: label("场所", "Site") }),
        landArea: area("土地面积（平方米）", "Land area (m²)"),
        land: field.choice(PremisesTenure, {
          label: label("土地：自有/租赁", "Land: owned or rented"),
          required: false,
        }),
        buildingArea: area("建筑物面积（平方米）", "Building area (m²)"),
        floors: field.integer({ label: label("建筑物层数", "Floors"), required: false, max: 500 }),
        building: field.choice(PremisesTenure, {
          label: label("建筑物：自有/租赁", "Building: owned or rented"),
          required: false,
        }),
      },
    }),
    revenue: income("近半年平均每月收入：销售额", "Monthly average, last six months: revenue"),
    cost: income("近半年平均每月收入：成本", "Monthly average: cost of sales"),
    administrativeExpenses: income(
      "近半年平均每月收入：管理费用",
      "Monthly average: administrative expenses",
    ),
    sellingExpenses: income("近半年平均每月收入：销售费用", "Monthly average: selling expenses"),
    operatingProfit: income("近半年平均每月收入：营业利润", "Monthly average: operating profit"),
    interest: income("近半年平均每月收入：利息支付", "Monthly average: interest paid"),
    depreciation: income("近半年平均每月收入：折旧", "Monthly average: depreciation"),
    profitOrLoss: income("近半年平均每月收入：损益额", "Monthly average: profit or loss"),
    profitMargin: field.decimal({
      label: label("近半年平均每月收入：盈利率（%）", "Monthly average: profit margin (%)"),
      min: -1000,
      max: 100,
      decimals: 1,
      required: false,
    }),
  },
  rules: (value) => {
    const issues: Array<{ path: ReadonlyArray<string | number>; message: string }> = []
    const { staffMale, staffFemale, staffTotal } = value
    if (
      staffMale !== undefined &&
      staffFemale !== undefined &&
      staffTotal !== undefined &&
      staffMale + staffFemale !== staffTotal
    )
      issues.push({ path: ["staffTotal"], message: "must be men plus women" })
    const sites = (value.property ?? []).map((row) => row.site)
    if (new Set(sites).size !== sites.length) issues.push({ path: ["property"], message: "each site once" })
    return issues
  },
})
