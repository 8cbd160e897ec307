/**
 * Remembers the ids of recently handled deliveries so a vendor's retries and duplicate pushes
 * (DingTalk retries after 10 s and 30 s, WeCom three times, Stream mode re-sends unacknowledged
 * messages) are handled once. Bounded: the oldest ids are forgotten first, so memory stays flat
 * however long the process runs; a durable intake (the runtime's) keeps the long-term record.
 */
export interface RecentIds {
  /** Records the id; true the first time it is seen, false for a duplicate. */
  readonly firstSighting: (id: string) => boolean
  /** Whether the id was seen, without recording it. */
  readonly has: (id: string) => boolean
  /** Forgets an id, e.g. when handling it failed and the vendor's retry must be accepted. */
  readonly forget: (id: string) => void
  readonly size: () => number
}

/** A set of at most `capacity` recent ids (default 10,000). */
export function makeRecentIds(capacity = 10_000): RecentIds {
  if (!Number.isInteger(capacity) || capacity < 1)
    throw new RangeError(`capacity must be a positive integer: ${capacity}`)
  // A Map keeps insertion order, so its first key is always the oldest.
  const seen = new Map<string, true>()
  return {
    firstSighting: (id) => {
      if (seen.has(id)) return false
      seen.set(id, true)
      if (seen.size > capacity) seen.delete(seen.keys().next().value as string)
      return true
    },
    has: (id) => seen.has(id),
    forget: (id) => {
      seen.delete(id)
    },
    size: () => seen.size,
  }
}

/**
 * Remembers nothing: for a handler behind a durable intake, which keeps the record of what it
 * stored. A memory of ids there would drop the vendor's retry of a push whose storage failed.
 */
export const noRecentIds: RecentIds = {
  firstSighting: () => true,
  has: () => false,
  forget: () => {},
  size: () => 0,
}
