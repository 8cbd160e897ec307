import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

const amount = (zh: string, en: string) => field.money({ label: label(zh, en), required: false })
const profit = (zh: string, en: string) =>
  field.money({ label: label(zh, en), required: false, allowNegative: true })
const share = (zh: string, en: string) =>
  field.percent({ label: label(zh, en), required: false, decimals: 1 })
const margin = (zh: string, en: string) =>
  field.decimal({ label: label(zh, en), required: false, min: -1000, max: 100, decimals: 1 })
const units = (zh: string, en: string) => field.integer({ label: label(zh, en), required: false })

/**
 * 大客户月报表 (004 ch.4 §6): one brand's key-account business for a month, one row per branch
 * (分部: 北京, 天津 … 杭州 in the handbook), the month (当月) and the year so far (年度累计):
 * revenue, units, target achievement (in total and for exclusive distribution, 包销), value per
 * unit, book profit and margin, with a note on profit. The 合计 column and the pie charts of
 * each branch's share are computed by `summariseMonthlyReport`, not typed in.
 */
export const keyAccountMonthlyReportForm = defineForm({
  id: "accounts.key-account-monthly-report",
  title: label("大客户月报表", "Key account monthly report"),
  source: "004 ch.4 §6 大客户月报表",
  fields: {
    brand: field.text({ label: label("品牌", "Brand") }),
    reportedOn: field.date({ label: label("日期", "Date") }),
    branches: field.table({
      label: label("各分部", "Branches"),
      maxRows: 200,
      columns: {
        branch: field.text({ label: label("分部", "Branch"), maxLength: 50 }),
        monthRevenue: amount("当月销售额", "Month: revenue"),
        monthUnits: units("当月销售量（台数）", "Month: units sold"),
        monthTargetAchievement: share("当月任务达成比率", "Month: target met %"),
        monthUnitValue: amount("当月单品价值", "Month: unit value"),
        monthBookProfit: profit("当月账面利润额", "Month: book profit"),
        monthBookMargin: margin("当月账面利润率（%）", "Month: margin %"),
        monthAchievementTotal: share("当月任务达成率：总量", "Month: total met %"),
        monthAchievementExclusive: share("当月任务达成率：包销", "Month: exclusive %"),
        yearRevenue: amount("年度累计销售额", "YTD: revenue"),
        yearUnits: units("年度累计销售量（台数）", "YTD: units sold"),
        yearUnitValue: amount("年度累计平均单品值", "YTD: avg unit value"),
        yearBookMargin: margin("年度累计账面利润率（%）", "YTD: margin %"),
        yearProgress: share("任务完成比率（进度）", "YTD: target progress"),
      },
    }),
    profitNotes: field.longText({
      label: label("账面利润情况说明", "Notes on book profit"),
      required: false,
    }),
  },
  rules: (value) => {
    const seen = new Set<string>()
    return value.branches.flatMap((row, index) => {
      const duplicate = seen.has(row.branch)
      seen.add(row.branch)
      return duplicate ? [{ path: ["branches", index, "branch"], message: "each branch once" }] : []
    })
  },
})
