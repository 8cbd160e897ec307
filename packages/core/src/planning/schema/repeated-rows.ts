import type { RuleIssue } from "../../forms/form.ts"

/**
 * The rows of a form's table that repeat an earlier row's `column` (a skill observed twice), each
 * named by its path, so a coaching form never scores or plans one skill twice.
 */
export function repeatedRows<Row extends Readonly<Record<string, unknown>>>(
  table: string,
  rows: ReadonlyArray<Row>,
  column: keyof Row & string,
): ReadonlyArray<RuleIssue> {
  const seen = new Set<unknown>()
  return rows.flatMap((row, index) => {
    const value = row[column]
    if (!seen.has(value)) {
      seen.add(value)
      return []
    }
    return [{ path: [table, index, column], message: `${String(value)} is listed twice` }]
  })
}
