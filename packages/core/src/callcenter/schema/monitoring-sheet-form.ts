import { field } from "../../forms/field.ts"
import { defineForm } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"
import { MonitoringMode } from "../labels/call-labels.ts"

const lineColumns = {
  itemId: field.text({ label: label("监控项目", "Scorecard line"), maxLength: 80 }),
  points: field.decimal({ label: label("得分", "Points"), min: 0, decimals: 1, required: false }),
  notApplicable: field.boolean({ label: label("不适用", "Not applicable"), required: false }),
  comment: field.text({ label: label("说明", "Comment"), maxLength: 500, required: false }),
}

/**
 * 呼叫业务质量监控表 (000 9.6.3): one monitored call scored line by line against the scorecard
 * (see `defaultScorecard` and `scoreMonitoringSheet`).
 */
export const monitoringSheetForm = defineForm({
  id: "callcenter.qualityMonitoring",
  title: label("呼叫业务质量监控表", "Call quality monitoring sheet"),
  source: "000 ch.9 9.6.3 呼叫业务质量监控表; 9.4.4 质量监控工作流程",
  fields: {
    callId: field.text({ label: label("呼叫编号", "Call id") }),
    agent: field.person({ label: label("坐席专员", "Agent") }),
    evaluator: field.person({ label: label("监控人", "Evaluator") }),
    monitoredAt: field.dateTime({ label: label("监控时间", "Monitored at") }),
    mode: field.choice(MonitoringMode, { label: label("监控方式", "Monitoring mode") }),
    lines: field.table({ label: label("评分", "Scores"), columns: lineColumns, maxRows: 200 }),
    criticalErrors: field.table({
      label: label("致命错误", "Critical errors"),
      required: false,
      columns: { itemId: field.text({ label: label("错误项目", "Critical item"), maxLength: 80 }) },
    }),
    strengths: field.longText({ label: label("优点", "Strengths"), required: false }),
    improvements: field.longText({ label: label("改进建议", "To improve"), required: false }),
  },
  rules: (value) =>
    value.lines.flatMap((line, index) =>
      line.notApplicable === true
        ? line.points === undefined
          ? []
          : [{ path: ["lines", index, "points"], message: "a line not applicable has no points" }]
        : line.points === undefined
          ? [{ path: ["lines", index, "points"], message: "score the line or mark it not applicable" }]
          : [],
    ),
})
