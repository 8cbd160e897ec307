/**
 * Field names from a Change Data Capture bitmap. Over the Pub/Sub API, `changedFields`,
 * `nulledFields` and `diffFields` arrive as hex bitmaps over the Avro schema's field positions:
 * `0x…` for top-level fields (bit i = the schema's field i) and `<position>-0x…` for the fields of
 * the compound field at that position (a Name, an Address).
 */
// https://developer.salesforce.com/docs/platform/pub-sub-api/guide/event-deserialization-considerations.html
export function fieldsOfBitmaps(
  bitmaps: ReadonlyArray<string>,
  schemaFields: ReadonlyArray<{ readonly name: string; readonly nested?: ReadonlyArray<string> }>,
): Array<string> {
  const names: Array<string> = []
  const bits = (hex: string, fields: ReadonlyArray<string>, prefix: string) => {
    let value: bigint
    try {
      value = BigInt(hex)
    } catch {
      return
    }
    fields.forEach((name, position) => {
      if ((value >> BigInt(position)) & 1n) names.push(`${prefix}${name}`)
    })
  }
  for (const bitmap of bitmaps) {
    if (!bitmap.includes("0x")) {
      names.push(bitmap)
      continue
    }
    const dash = bitmap.indexOf("-")
    if (dash < 0) {
      bits(
        bitmap,
        schemaFields.map((field) => field.name),
        "",
      )
      continue
    }
    const parent = schemaFields[Number(bitmap.slice(0, dash))]
    if (parent?.nested) bits(bitmap.slice(dash + 1), parent.nested, `${parent.name}.`)
  }
  return names
}

/** The bitmap of field positions, as the org writes it (`0x…`). */
export function bitmapOf(positions: ReadonlyArray<number>): string {
  let value = 0n
  for (const position of positions) value |= 1n << BigInt(position)
  return `0x${value.toString(16).toUpperCase()}`
}
