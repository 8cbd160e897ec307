import type { RuleIssue } from "../../../forms/form.ts"

/**
 * What every table of KPI lines must satisfy, on the form and on the command that fills it: each
 * line's id once, and the weights adding up to 100 (权重合计 100%), or the score means nothing.
 */
export function objectiveIssues(
  lines: ReadonlyArray<{ readonly id: string; readonly weight: number }>,
): ReadonlyArray<RuleIssue> {
  const seen = new Set<string>()
  const issues: Array<RuleIssue> = []
  lines.forEach((line, index) => {
    if (seen.has(line.id)) issues.push({ path: [index, "id"], message: "must be unique" })
    seen.add(line.id)
  })
  if (lines.reduce((total, line) => total + line.weight, 0) !== 100)
    issues.push({ path: [], message: "weights must add up to 100" })
  return issues
}
