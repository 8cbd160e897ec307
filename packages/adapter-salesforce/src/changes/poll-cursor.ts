/**
 * The durable cursor of polled changes: per object, the SystemModstamp watermark reached, plus the
 * changes already reported within the overlap window (SystemModstamp has whole seconds and a
 * transaction can commit after later stamps are visible, so tixi re-reads a window and drops what
 * it has seen). The caller stores the encoded string; tixi keeps no state of its own.
 */
export interface PollCursor {
  readonly version: 1
  /** Watermark per object, epoch milliseconds. */
  readonly watermarks: Readonly<Record<string, number>>
  /** `recordId@stamp` of changes reported at or after (watermark − overlap). */
  readonly recent: ReadonlyArray<string>
}

/** The cursor of a poll that starts at the beginning. */
export const initialCursor: PollCursor = { version: 1, watermarks: {}, recent: [] }

/** Encodes a cursor as an opaque string (base64url JSON). */
export const encodeCursor = (cursor: PollCursor): string =>
  Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url")

/** Decodes a cursor this adapter issued, or undefined when it is not one. */
export function decodeCursor(text: string): PollCursor | undefined {
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as Partial<PollCursor>
    if (
      value.version !== 1 ||
      typeof value.watermarks !== "object" ||
      value.watermarks === null ||
      !Array.isArray(value.recent)
    )
      return undefined
    if (!Object.values(value.watermarks).every((mark) => typeof mark === "number" && Number.isFinite(mark)))
      return undefined
    if (!value.recent.every((entry) => typeof entry === "string")) return undefined
    return value as PollCursor
  } catch {
    return undefined
  }
}
