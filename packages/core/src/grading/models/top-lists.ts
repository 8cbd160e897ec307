/**
 * The rows of the `size` largest keys, largest first; ties go to the earlier row. Rows whose key
 * is NaN are left out (a growth rate without a previous period, a margin rate without revenue).
 * One pass with a small sorted buffer, so a top-10 of a million customers costs one comparison
 * per customer.
 */
export function topRows(keys: Float64Array, size: number, eligible?: (row: number) => boolean): Uint32Array {
  const rows = new Uint32Array(size)
  const best = new Float64Array(size)
  let filled = 0
  for (let row = 0; row < keys.length; row++) {
    const key = keys[row]!
    if (Number.isNaN(key)) continue
    if (filled === size && key <= best[size - 1]!) continue
    if (eligible !== undefined && !eligible(row)) continue
    let position = filled < size ? filled : size - 1
    while (position > 0 && best[position - 1]! < key) {
      best[position] = best[position - 1]!
      rows[position] = rows[position - 1]!
      position--
    }
    best[position] = key
    rows[position] = row
    if (filled < size) filled++
  }
  return rows.slice(0, filled)
}
