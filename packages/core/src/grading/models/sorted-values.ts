/**
 * A column's values sorted ascending, for ranking a customer among all customers by binary
 * search. Typed-array sorting is numeric and runs in native code, so a million values sort in
 * tens of milliseconds.
 */
export function sortedAscending(values: Float64Array): Float64Array {
  return Float64Array.from(values).sort()
}

/** How many values of an ascending array are at most `value` (the upper bound's index). */
export function countAtMost(sorted: Float64Array, value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sorted[middle]! <= value) low = middle + 1
    else high = middle
  }
  return low
}

/** How many values of an ascending array are above `value`. */
export const countAbove = (sorted: Float64Array, value: number): number =>
  sorted.length - countAtMost(sorted, value)
