import { field } from "../../forms/field.ts"
import type { RuleIssue } from "../../forms/form.ts"
import { label } from "../../labels/label.ts"

/**
 * The columns of 责任归属 (responsibility, 客户投诉案件追踪表): a department and its share in
 * percent. Shared by the case-tracking form and the investigation command, so both apply the same
 * rule.
 */
export const responsibilityColumns = {
  departmentId: field.department({ label: label("部门", "Department") }),
  sharePercent: field.percent({ label: label("比率%", "Share %"), decimals: 1 }),
}

/** One department's share of the responsibility. */
export interface ResponsibilityShare {
  readonly departmentId: string
  readonly sharePercent: number
}

/**
 * The rule of 责任归属: each department at most once, no zero shares, and the shares add up to
 * exactly 100 % (compared in tenths of a percent, so 33.3 + 33.3 + 33.4 is 100).
 */
export function responsibilityIssues(
  rows: ReadonlyArray<ResponsibilityShare>,
  path: ReadonlyArray<string | number>,
): ReadonlyArray<RuleIssue> {
  if (rows.length === 0) return []
  const issues: Array<RuleIssue> = []
  const seen = new Set<string>()
  rows.forEach((row, index) => {
    if (seen.has(row.departmentId))
      issues.push({ path: [...path, index, "departmentId"], message: "each department at most once" })
    seen.add(row.departmentId)
    if (row.sharePercent <= 0)
      issues.push({ path: [...path, index, "sharePercent"], message: "a share must be above 0 %" })
  })
  const tenths = rows.reduce((total, row) => total + Math.round(row.sharePercent * 10), 0)
  if (tenths !== 1000) {
    issues.push({
      path: [...path],
      message: `the shares must add up to 100 % (they add up to ${tenths / 10} %)`,
    })
  }
  return issues
}
