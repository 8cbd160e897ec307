import type avro from "avsc"

/** The fewest bytes a value of the type takes, so a declared item count can be checked against the payload. */
const minimumBytes = (type: avro.Type, seen = new Set<avro.Type>()): number => {
  const any = type as unknown as {
    readonly typeName: string
    readonly fields?: ReadonlyArray<{ readonly type: avro.Type }>
    readonly size?: number
  }
  switch (any.typeName) {
    case "null":
      return 0
    case "float":
      return 4
    case "double":
      return 8
    case "fixed":
      return any.size ?? 0
    case "record":
    case "error": {
      if (seen.has(type)) return 0
      seen.add(type)
      return (any.fields ?? []).reduce((total, field) => total + minimumBytes(field.type, seen), 0)
    }
    default:
      return 1
  }
}

/** Items of zero-byte types (arrays of null) a payload may declare at most. */
const zeroByteItemsLimit = 10_000

/**
 * Whether an Avro payload can hold a value of `type`, walked without building it. avsc decodes an
 * array by looping over the count the payload declares, so five bytes declaring 2³¹ items exhaust
 * the heap before it notices the payload ended; this walk rejects a count the remaining bytes
 * cannot hold, so decoding a hostile payload takes time bounded by its length.
 */
// https://avro.apache.org/docs/1.11.1/specification/#binary-encoding
export function avroPayloadFits(type: avro.Type, payload: Uint8Array): boolean {
  let position = 0
  const readLong = (): number | undefined => {
    let result = 0
    let shift = 1
    for (let index = 0; index < 10; index++) {
      if (position >= payload.length) return undefined
      const byte = payload[position++]!
      result += (byte & 0x7f) * shift
      if ((byte & 0x80) === 0) {
        // Zig-zag: even numbers are positive, odd ones negative. Past 2⁵³ the parity is lost, but
        // only the magnitude matters here (a count or length that large never fits).
        return result % 2 === 0 ? result / 2 : -(result + 1) / 2
      }
      shift *= 128
    }
    return undefined
  }
  const skip = (bytes: number) => {
    if (bytes < 0 || position + bytes > payload.length) return false
    position += bytes
    return true
  }
  const blocks = (item: (index: number) => boolean, itemBytes: number): boolean => {
    for (;;) {
      let count = readLong()
      if (count === undefined) return false
      if (count === 0) return true
      if (count < 0) {
        count = -count
        if (readLong() === undefined) return false
      }
      const remaining = payload.length - position
      if (itemBytes > 0 ? count * itemBytes > remaining : count > zeroByteItemsLimit) return false
      for (let index = 0; index < count; index++) if (!item(index)) return false
    }
  }
  const fits = (current: avro.Type): boolean => {
    const any = current as unknown as {
      readonly typeName: string
      readonly fields?: ReadonlyArray<{ readonly type: avro.Type }>
      readonly itemsType?: avro.Type
      readonly valuesType?: avro.Type
      readonly types?: ReadonlyArray<avro.Type>
      readonly symbols?: ReadonlyArray<string>
      readonly size?: number
      readonly underlyingType?: avro.Type
    }
    switch (any.typeName) {
      case "null":
        return true
      case "boolean":
        return skip(1)
      case "int":
      case "long":
        return readLong() !== undefined
      case "float":
        return skip(4)
      case "double":
        return skip(8)
      case "fixed":
        return skip(any.size ?? 0)
      case "bytes":
      case "string": {
        const length = readLong()
        return length !== undefined && skip(length)
      }
      case "enum": {
        const index = readLong()
        return index !== undefined && index >= 0 && index < (any.symbols?.length ?? 0)
      }
      case "record":
      case "error":
        return (any.fields ?? []).every((field) => fits(field.type))
      case "array": {
        const items = any.itemsType!
        return blocks(() => fits(items), minimumBytes(items))
      }
      case "map": {
        const values = any.valuesType!
        const key = (): boolean => {
          const length = readLong()
          return length !== undefined && skip(length)
        }
        return blocks(() => key() && fits(values), 1 + minimumBytes(values))
      }
      case "union:unwrapped":
      case "union:wrapped": {
        const index = readLong()
        const branch = index === undefined ? undefined : any.types?.[index]
        return branch !== undefined && fits(branch)
      }
      default:
        // A logical type is encoded as its underlying type.
        return any.underlyingType ? fits(any.underlyingType) : false
    }
  }
  return fits(type) && position === payload.length
}
