/** One item of a Pareto analysis, in descending order of count. */
export interface ParetoRow<Key extends string = string> {
  readonly key: Key
  readonly count: number
  /** The item's share of all counts, 0–1. */
  readonly share: number
  /** The share of this item and every item before it, 0–1. */
  readonly cumulativeShare: number
  /**
   * A: the vital few, the items that together make up the first `vitalShare` of the counts (the
   * item that crosses the line included); B: up to `usefulShare`; C: the trivial many.
   */
  readonly class: "A" | "B" | "C"
}

/**
 * Pareto (ABC) analysis — Juran's "vital few and trivial many", the 柏拉图 of quality control:
 * sort the items by count, descending (ties by key, so the result is stable), accumulate the
 * shares, and class them A up to and including the item at which the cumulative share reaches
 * `vitalShare` (default 80 %), B up to `usefulShare` (default 95 %), C after. Items with a zero
 * count are left out.
 */
export function pareto<Key extends string>(
  counts: ReadonlyArray<{ readonly key: Key; readonly count: number }>,
  options: { readonly vitalShare?: number; readonly usefulShare?: number } = {},
): ReadonlyArray<ParetoRow<Key>> {
  const vital = options.vitalShare ?? 0.8
  const useful = options.usefulShare ?? 0.95
  const items = counts
    .filter((item) => item.count > 0)
    .sort(
      (left, right) => right.count - left.count || (left.key < right.key ? -1 : left.key > right.key ? 1 : 0),
    )
  const total = items.reduce((sum, item) => sum + item.count, 0)
  let running = 0
  let previousShare = 0
  return items.map((item) => {
    running += item.count
    const cumulativeShare = running / total
    // The class follows where the item starts: an item that begins below the line is still vital.
    const klass = previousShare < vital - 1e-12 ? "A" : previousShare < useful - 1e-12 ? "B" : "C"
    previousShare = cumulativeShare
    return { key: item.key, count: item.count, share: item.count / total, cumulativeShare, class: klass }
  })
}
