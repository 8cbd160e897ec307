import { Result } from "effect"
import { z } from "zod"
import { fromZodIssues, ValidationError, type ValidationIssue } from "../../errors/validation-error.ts"
import { KeyAccountArea } from "../../quality/labels/quality-labels.ts"
import type { GapTrend } from "../labels/gap-trend.ts"
import type { AccountsPolicy, SurveyItem } from "../policy/accounts-policy.ts"

/** A key account's answers to two surveys, by item id; items not asked are left out. */
export interface SurveyScores {
  readonly previous?: Readonly<Record<string, number>>
  readonly current: Readonly<Record<string, number>>
}

/** One line of the gap analysis: previous score, current score, the gap and what it means. */
export interface GapLine {
  readonly previous: number | undefined
  readonly current: number
  /** current − previous; undefined on a first survey. */
  readonly gap: number | undefined
  readonly trend: GapTrend
}

/** The gap analysis of 大客户问卷调查表 (上次评分, 本次评分, 差异分析). */
export interface SatisfactionGap {
  readonly items: ReadonlyArray<GapLine & { readonly item: SurveyItem }>
  readonly groups: ReadonlyArray<GapLine & { readonly group: KeyAccountArea }>
  readonly overall: GapLine
  /** Items that clearly fell, worst first: where the improvement plan starts. */
  readonly declines: ReadonlyArray<SurveyItem>
  readonly improvements: ReadonlyArray<SurveyItem>
}

const twoDecimals = (value: number) => Math.round(value * 100) / 100

/**
 * Compares one key account's answers to 大客户问卷调查表 (004 ch.4 §8, the quality module's
 * `keyAccountQuestionnaireForm`) with its previous ones (大客户满意度调查流程 ② 评价调查结果): the
 * gap per question, the mean per area (公司, 产品和服务, 人员) and overall, each marked clearly
 * better, about the same or clearly worse by the policy's threshold. One account answers once per
 * round; for many respondents per round, with intervals, use the quality module's `gapAnalysis`. Means are over the items answered in both surveys, so a question
 * added this time does not move a group's gap.
 */
export function satisfactionGap(
  scores: SurveyScores,
  policy: AccountsPolicy,
): Result.Result<SatisfactionGap, ValidationError> {
  const scale = policy.satisfaction.scaleMaximum
  const scoreSchema = z.number().min(1).max(scale)
  const parsed = z
    .strictObject({
      previous: z.record(z.string(), scoreSchema).optional(),
      current: z.record(z.string(), scoreSchema),
    })
    .safeParse(scores)
  if (!parsed.success) return Result.fail(fromZodIssues("accounts.satisfaction", parsed.error.issues))
  const items = policy.satisfaction.items
  const known = new Set(items.map((item) => item.id))
  const issues: Array<ValidationIssue> = []
  for (const which of ["previous", "current"] as const) {
    for (const id of Object.keys(parsed.data[which] ?? {})) {
      if (!known.has(id))
        issues.push({ path: [which, id], message: "is not a question of the survey", code: "rule" })
    }
  }
  if (issues.length > 0) return Result.fail(new ValidationError({ subject: "accounts.satisfaction", issues }))
  const threshold = policy.satisfaction.significantChange
  const trendOf = (gap: number | undefined): GapTrend =>
    gap === undefined ? "new" : gap >= threshold ? "improved" : gap <= -threshold ? "declined" : "steady"
  const line = (previous: number | undefined, current: number): GapLine => {
    const gap = previous === undefined ? undefined : twoDecimals(current - previous)
    return { previous, current, gap, trend: trendOf(gap) }
  }
  const previous = parsed.data.previous ?? {}
  const current = parsed.data.current
  const asked = items.filter((item) => current[item.id] !== undefined)
  const itemLines = asked.map((item) => ({ item, ...line(previous[item.id], current[item.id]!) }))
  const mean = (values: ReadonlyArray<number>) =>
    values.reduce((sum, value) => sum + value, 0) / values.length
  const summarise = (lines: ReadonlyArray<(typeof itemLines)[number]>): GapLine => {
    const both = lines.filter((entry) => entry.previous !== undefined)
    const currentMean = twoDecimals(mean(lines.map((entry) => entry.current)))
    if (both.length === 0) return line(undefined, currentMean)
    const gap = twoDecimals(
      mean(both.map((entry) => entry.current)) - mean(both.map((entry) => entry.previous!)),
    )
    return {
      previous: twoDecimals(mean(both.map((entry) => entry.previous!))),
      current: currentMean,
      gap,
      trend: trendOf(gap),
    }
  }
  const groups = KeyAccountArea.values
    .map((group) => ({ group, lines: itemLines.filter((entry) => entry.item.group === group) }))
    .filter((entry) => entry.lines.length > 0)
    .map((entry) => ({ group: entry.group, ...summarise(entry.lines) }))
  const byGap = (direction: 1 | -1) =>
    itemLines
      .filter((entry) => entry.trend === (direction === 1 ? "improved" : "declined"))
      .sort((left, right) => direction * (right.gap! - left.gap!))
      .map((entry) => entry.item)
  return Result.succeed({
    items: itemLines,
    groups,
    overall: itemLines.length === 0 ? line(undefined, 0) : summarise(itemLines),
    declines: byGap(-1),
    improvements: byGap(1),
  })
}
