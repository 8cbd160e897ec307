// The satisfaction survey section of the demo's terminal report, in Chinese or English.
import { type Label, type Locale, label, Quality } from "@tixi/core"
import { type SatisfactionSurveyReport, signed } from "./satisfaction-survey.ts"
import { table } from "./text-table.ts"

const headings = {
  section: label("客户满意度调查", "Customer satisfaction survey"),
  cycle: label("调查流程（满意度调查流程）", "The survey cycle"),
  indices: label("总体指标（95% 置信区间）", "Headline indices (95 % intervals)"),
  segments: label("按本季度投诉经历（客户满意度 CSAT）", "By what the quarter's complaints did (CSAT)"),
  servqual: label(
    "SERVQUAL 差距（感知 − 期望，1–7 分）与 RATER 指数",
    "SERVQUAL gaps (perception − expectation, 1–7) and the RATER index",
  ),
  kano: label("Kano 分析", "Kano analysis"),
  previous: label("与上一轮比较（差异分析）", "Against the previous round (gap analysis)"),
  plan: label("改进方案（评价得出的措施）", "The improvement plan (actions the evaluation called for)"),
}

/** Renders the survey part of the report for a terminal. */
export function renderSatisfactionSurvey(report: SatisfactionSurveyReport, locale: Locale): string {
  const t = (text: Label) => text[locale]
  const zh = locale === "zh-CN"
  const out: Array<string> = []
  const section = (heading: Label) => out.push("", t(heading), "")
  const interval = (estimate: Quality.Estimate, format: (value: number) => string) =>
    estimate.lower === null || estimate.upper === null
      ? "—"
      : `${format(estimate.lower)} – ${format(estimate.upper)}`
  const share = (value: number) => `${(value * 100).toFixed(1)}%`
  const score = (decimals: number) => (value: number) => value.toFixed(decimals)
  const verdict = (comparison: Quality.Comparison) => Quality.Verdict.label(comparison.verdict, locale)
  const note = (estimate: Quality.Estimate) =>
    estimate.sufficientSample ? "" : zh ? "样本不足，仅供参考" : "sample too small: indicative"
  const shortTime = (at: string) => at.slice(5)

  out.push("", `── ${t(headings.section)} · ${t(report.round)} ──`)
  section(headings.cycle)
  out.push(
    table(
      [
        { heading: zh ? "时间" : "When" },
        { heading: zh ? "步骤" : "Step" },
        { heading: zh ? "说明" : "Note" },
        { heading: zh ? "状态" : "Status" },
      ],
      report.steps.map((step) => [
        shortTime(step.at),
        t(step.step),
        step.note ? t(step.note) : "",
        Quality.SurveyStatus.label(step.status, locale),
      ]),
    ),
  )
  const kinds = report.respondentsByKind
  const effects = Object.entries(report.effects)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(" · ")
  out.push(
    "",
    zh
      ? `  发放 ${report.invited} 份，回收 ${report.responses} 份（回收率 ${share(report.responseRate)}；法人 ${kinds.organization}，自然人 ${kinds.person}），开放意见 ${report.comments} 条。流程请求的副作用：${effects}`
      : `  ${report.invited} sent, ${report.responses} returned (${share(report.responseRate)}; ${kinds.organization} organisations, ${kinds.person} persons), ${report.comments} written comments. Effects the process asked for: ${effects}`,
  )

  section(headings.indices)
  const nps = report.nps
  const rows: Array<Array<string>> = [
    [
      zh ? "CSAT（满意 + 非常满意）" : "CSAT (satisfied + very satisfied)",
      share(report.csat.csat.value ?? 0),
      interval(report.csat.csat, share),
      String(report.csat.csat.sampleSize),
      note(report.csat.csat),
    ],
    [
      zh ? "平均满意度（1–5）" : "Mean satisfaction (1–5)",
      score(2)(report.csat.mean.value ?? 0),
      interval(report.csat.mean, score(2)),
      String(report.csat.mean.sampleSize),
      note(report.csat.mean),
    ],
    [
      "NPS",
      signed(nps.nps.value, 1),
      interval(nps.nps, (value) => signed(value, 1)),
      String(nps.nps.sampleSize),
      zh
        ? `推荐者 ${nps.promoters} / 被动者 ${nps.passives} / 贬损者 ${nps.detractors}`
        : `${nps.promoters} promoters / ${nps.passives} passives / ${nps.detractors} detractors`,
    ],
    [
      zh ? "CES（1–7 中答 5 分及以上）" : "CES (5 or more of 7)",
      share(report.ces.ces.value ?? 0),
      interval(report.ces.ces, share),
      String(report.ces.ces.sampleSize),
      zh ? `平均 ${score(2)(report.ces.mean.value ?? 0)} 分` : `mean ${score(2)(report.ces.mean.value ?? 0)}`,
    ],
    [
      zh ? "投诉处理满意级度指数（0–100）" : "Complaint handling, 7-level index (0–100)",
      score(1)(report.complaintHandling.index.value ?? 0),
      interval(report.complaintHandling.index, score(1)),
      String(report.complaintHandling.index.sampleSize),
      report.complaintHandling.overallLevel
        ? `${zh ? "总体" : "overall"} ${Quality.SatisfactionLevel.label(report.complaintHandling.overallLevel, locale)}`
        : "",
    ],
    [
      zh ? "RATER 指数（0–100）" : "RATER index (0–100)",
      score(1)(report.rater.index.value ?? 0),
      interval(report.rater.index, score(1)),
      String(report.rater.index.sampleSize),
      zh ? "按客户自评重要性加权" : "weighted by the respondents' importance",
    ],
  ]
  out.push(
    table(
      [
        { heading: zh ? "指标" : "Index" },
        { heading: zh ? "结果" : "Value", align: "right" },
        { heading: zh ? "95% 置信区间" : "95 % interval", align: "right" },
        { heading: "n", align: "right" },
        { heading: zh ? "说明" : "Note" },
      ],
      rows,
    ),
  )

  section(headings.segments)
  out.push(
    table(
      [
        { heading: zh ? "客户经历" : "Experience" },
        { heading: zh ? "客户" : "Customers", align: "right" },
        { heading: zh ? "回答" : "Answered", align: "right" },
        { heading: "CSAT", align: "right" },
        { heading: zh ? "95% 置信区间" : "95 % interval", align: "right" },
        { heading: zh ? "平均" : "Mean", align: "right" },
        { heading: "NPS", align: "right" },
        { heading: zh ? "说明" : "Note" },
      ],
      report.bySegment.map((row) => [
        t(row.label),
        String(row.customers),
        String(row.respondents),
        row.csat.value === null ? "—" : share(row.csat.value),
        interval(row.csat, share),
        row.mean.value === null ? "—" : score(2)(row.mean.value),
        signed(row.nps.value, 1),
        note(row.csat),
      ]),
    ),
  )

  section(headings.servqual)
  const raterOf = new Map(report.rater.dimensions.map((row) => [row.dimension, row]))
  out.push(
    table(
      [
        { heading: zh ? "维度" : "Dimension" },
        { heading: zh ? "期望" : "Expected", align: "right" },
        { heading: zh ? "感知" : "Perceived", align: "right" },
        { heading: zh ? "差距" : "Gap", align: "right" },
        { heading: zh ? "95% 置信区间" : "95 % interval", align: "right" },
        { heading: zh ? "重要性" : "Weight", align: "right" },
        { heading: zh ? "加权差距" : "Weighted", align: "right" },
        { heading: zh ? "结论" : "Verdict" },
      ],
      Quality.raterOrder.map((dimension) => {
        const row = report.servqual.dimensions.find((entry) => entry.dimension === dimension)!
        const rater = raterOf.get(dimension)!
        return [
          Quality.ServqualDimension.label(dimension, locale),
          score(2)(row.expectation.value ?? 0),
          score(2)(row.perception.value ?? 0),
          signed(row.gap.value),
          interval(row.gap, (value) => signed(value)),
          `${(rater.weight * 100).toFixed(0)}%`,
          signed(rater.weightedGap),
          verdict(row.gap),
        ]
      }),
    ),
  )
  const weighted = report.servqual.weighted
  const priority = report.rater.priority
  out.push(
    "",
    zh
      ? `  SERVQUAL 总分：未加权 ${signed(report.servqual.unweighted.value)}，按客户自评重要性加权 ${signed(weighted?.value ?? null)}（${weighted?.sampleSize ?? 0} 位分配了 100 分）；RATER 差距指数 ${signed(report.rater.gapIndex.value)}，优先改进：${priority ? Quality.ServqualDimension.label(priority, locale) : "—"}`
      : `  SERVQUAL score: unweighted ${signed(report.servqual.unweighted.value)}, weighted by each respondent's importance ${signed(weighted?.value ?? null)} (${weighted?.sampleSize ?? 0} allocated their 100 points); RATER gap index ${signed(report.rater.gapIndex.value)}, improve first: ${priority ? Quality.ServqualDimension.label(priority, locale).toLowerCase() : "—"}`,
  )

  section(headings.kano)
  out.push(
    table(
      [
        { heading: zh ? "功能" : "Feature" },
        { heading: "A", align: "right" },
        { heading: "O", align: "right" },
        { heading: "M", align: "right" },
        { heading: "I", align: "right" },
        { heading: "R", align: "right" },
        { heading: "Q", align: "right" },
        { heading: zh ? "归类" : "Category" },
        { heading: "Better", align: "right" },
        { heading: "Worse", align: "right" },
      ],
      report.kano.map((feature) => [
        t(feature.label),
        String(feature.counts.attractive),
        String(feature.counts.oneDimensional),
        String(feature.counts.mustBe),
        String(feature.counts.indifferent),
        String(feature.counts.reverse),
        String(feature.counts.questionable),
        Quality.KanoCategory.label(feature.category, locale),
        signed(feature.better ?? null),
        signed(feature.worse ?? null),
      ]),
    ),
  )

  section(headings.previous)
  const previous = report.previousRound
  out.push(
    zh
      ? `  上一轮 ${t(previous.round)}（${previous.fieldwork.from} 至 ${previous.fieldwork.to}，${previous.responses} 份）：CSAT ${share(previous.csat.value ?? 0)}，NPS ${signed(previous.nps.value, 1)}。CSAT 变化 ${signed((previous.csatChange.value ?? 0) * 100, 1)} 个百分点（${interval(previous.csatChange, (value) => signed(value * 100, 1))}，${verdict(previous.csatChange)}）。`
      : `  Previous round, ${t(previous.round)} (${previous.fieldwork.from} to ${previous.fieldwork.to}, ${previous.responses} responses): CSAT ${share(previous.csat.value ?? 0)}, NPS ${signed(previous.nps.value, 1)}. CSAT changed ${signed((previous.csatChange.value ?? 0) * 100, 1)} points (${interval(previous.csatChange, (value) => signed(value * 100, 1))}, ${verdict(previous.csatChange).toLowerCase()}).`,
    "",
    table(
      [
        { heading: zh ? "项目" : "Item" },
        { heading: zh ? "上次评分" : "Previous", align: "right" },
        { heading: zh ? "本次评分" : "Current", align: "right" },
        { heading: zh ? "变化" : "Change", align: "right" },
        { heading: zh ? "95% 置信区间" : "95 % interval", align: "right" },
        { heading: zh ? "结论" : "Verdict" },
      ],
      previous.items.map((item) => [
        item.name ? t(item.name) : item.itemId,
        item.previousMean === null ? "—" : score(2)(item.previousMean),
        item.currentMean === null ? "—" : score(2)(item.currentMean),
        signed(item.change.value),
        interval(item.change, (value) => signed(value)),
        verdict(item.change),
      ]),
    ),
  )

  section(headings.plan)
  out.push(`  ${zh ? "评价结论" : "Findings"}${zh ? "：" : ": "}${t(report.improvementPlan.findings)}`, "")
  for (const action of report.improvementPlan.actions) {
    const done = action.completedOn
      ? `${zh ? "完成" : "done"} ${action.completedOn.slice(5)}${action.overdue ? (zh ? "（逾期）" : " (late)") : ""}`
      : zh
        ? "未完成"
        : "open"
    out.push(
      `  ${action.id}  ${t(action.action)}`,
      zh
        ? `      负责人 ${action.ownerName} · 期限 ${action.dueOn.slice(5)} · ${done} · 目标：${t(action.target)}`
        : `      ${action.ownerName} · due ${action.dueOn.slice(5)} · ${done} · target: ${t(action.target)}`,
      `      ${zh ? "依据：" : "because: "}${t(action.because)}`,
    )
  }
  out.push(
    "",
    `  ${zh ? "跟踪反馈" : "Follow-up"} ${shortTime(report.followUp.at)}${zh ? "：" : ": "}${t(report.followUp.summary)}`,
  )
  return out.join("\n")
}
