import type { RuleIssue } from "../../../forms/form.ts"

/**
 * The rule that a table names each thing once (a course id, a trainee): each repeat reported at
 * its own row and column, so the person filling the form sees which line to fix.
 */
export function repeatedRows<Row>(
  rows: ReadonlyArray<Row>,
  table: string,
  column: string,
  keyOf: (row: Row) => string,
): ReadonlyArray<RuleIssue> {
  const seen = new Set<string>()
  return rows.flatMap((row, index) => {
    const key = keyOf(row)
    const repeated = seen.has(key)
    seen.add(key)
    return repeated ? [{ path: [table, index, column], message: "appears twice" }] : []
  })
}
