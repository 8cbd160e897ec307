/**
 * The rows of a column in descending order of value, ties in row order (a stable sort), as a
 * permutation: `order[position] = row`. An LSD radix sort on the IEEE-754 bits, 16 bits a pass,
 * skipping the passes where every key has the same digit (for amounts below 2^32 minor units that
 * is half of them): linear time, no comparator calls, and the order a comparator sort by
 * (value descending, row ascending) would give. NaN sorts last.
 */
export function descendingOrder(values: Float64Array): Uint32Array {
  return descendingSort(values).order
}

/**
 * The descending order of a column (as `descendingOrder`) together with the values in that
 * order, rebuilt from the sorted keys in one sequential pass, so callers walking the ranking read
 * the values in sequence instead of jumping through the column.
 */
export function descendingSort(values: Float64Array): {
  readonly order: Uint32Array
  readonly sorted: Float64Array
} {
  const count = values.length
  // Descending keys as two 32-bit words: for value ≥ 0 the bits inverted with the sign set
  // (larger values give smaller keys), for value < 0 the raw bits (more negative, larger key).
  let high = new Uint32Array(count)
  let low = new Uint32Array(count)
  const bits = new Uint32Array(values.buffer, values.byteOffset, count * 2)
  for (let row = 0; row < count; row++) {
    const value = values[row]!
    if (Number.isNaN(value)) {
      high[row] = 0xffff_ffff
      low[row] = 0xffff_ffff
    } else if (value === 0) {
      high[row] = 0x7fff_ffff
      low[row] = 0xffff_ffff
    } else if (value > 0) {
      high[row] = ~(bits[2 * row + 1]! | 0x8000_0000) >>> 0
      low[row] = ~bits[2 * row]! >>> 0
    } else {
      high[row] = bits[2 * row + 1]!
      low[row] = bits[2 * row]!
    }
  }
  let order = new Uint32Array(count)
  for (let row = 0; row < count; row++) order[row] = row
  let nextHigh = new Uint32Array(count)
  let nextLow = new Uint32Array(count)
  let nextOrder = new Uint32Array(count)
  const counts = new Uint32Array(65_536)
  for (let pass = 0; pass < 4; pass++) {
    const source = pass < 2 ? low : high
    const shift = (pass & 1) * 16
    counts.fill(0)
    for (let index = 0; index < count; index++) counts[(source[index]! >>> shift) & 0xffff]! += 1
    if (count === 0 || counts[(source[0]! >>> shift) & 0xffff] === count) continue
    let start = 0
    for (let digit = 0; digit < 65_536; digit++) {
      const size = counts[digit]!
      counts[digit] = start
      start += size
    }
    for (let index = 0; index < count; index++) {
      const digit = (source[index]! >>> shift) & 0xffff
      const target = counts[digit]!
      counts[digit] = target + 1
      nextHigh[target] = high[index]!
      nextLow[target] = low[index]!
      nextOrder[target] = order[index]!
    }
    const sortedHigh = nextHigh
    nextHigh = high
    high = sortedHigh
    const sortedLow = nextLow
    nextLow = low
    low = sortedLow
    const sortedOrder = nextOrder
    nextOrder = order
    order = sortedOrder
  }
  const sorted = new Float64Array(count)
  const sortedBits = new Uint32Array(sorted.buffer)
  for (let position = 0; position < count; position++) {
    const keyHigh = high[position]!
    if ((keyHigh & 0x8000_0000) !== 0) {
      // A negative value (or NaN) kept its raw bits.
      sortedBits[2 * position + 1] = keyHigh
      sortedBits[2 * position] = low[position]!
    } else {
      sortedBits[2 * position + 1] = ~keyHigh & 0x7fff_ffff
      sortedBits[2 * position] = ~low[position]! >>> 0
    }
  }
  return { order, sorted }
}
