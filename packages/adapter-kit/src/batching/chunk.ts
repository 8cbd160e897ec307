/**
 * Splits items into batches of at most `size`, in order: HubSpot takes 100 inputs per batch call,
 * Salesforce collections 200, DingTalk forms 150 values. Vendor clients do not chunk for you.
 */
export function chunk<Item>(items: ReadonlyArray<Item>, size: number): Array<ReadonlyArray<Item>> {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`batch size must be a positive integer: ${size}`)
  const batches: Array<ReadonlyArray<Item>> = []
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size))
  return batches
}
