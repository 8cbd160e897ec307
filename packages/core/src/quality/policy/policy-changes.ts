/**
 * The paths of the values that differ between two versions of a policy (`indices.confidence`,
 * `survey.planApprovers`), so the approvers of a new quality standard see what it changes
 * instead of comparing two documents by eye. Lists compare as a whole.
 */
export function changedPaths(before: unknown, after: unknown, prefix = ""): ReadonlyArray<string> {
  const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
    typeof value === "object" && value !== null && !Array.isArray(value)
  if (!isRecord(before) || !isRecord(after))
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [prefix]
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
  return keys.flatMap((key) =>
    changedPaths(before[key], after[key], prefix === "" ? key : `${prefix}.${key}`),
  )
}
