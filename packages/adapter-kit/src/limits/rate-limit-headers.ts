/** What a host's rate-limit headers say, where present. */
export interface RateLimitHeaders {
  /** Requests allowed per interval (`…-Max`). */
  readonly max: number | undefined
  /** Requests left in the current interval (`…-Remaining`). */
  readonly remaining: number | undefined
  /** The interval's length (`…-Interval-Milliseconds`). */
  readonly intervalMillis: number | undefined
  /** Requests allowed per day (`…-Daily`). */
  readonly daily: number | undefined
  /** Requests left today (`…-Daily-Remaining`). */
  readonly dailyRemaining: number | undefined
}

/**
 * Reads the `<prefix>-Max`, `-Remaining`, `-Interval-Milliseconds`, `-Daily` and
 * `-Daily-Remaining` headers (HubSpot: prefix `X-HubSpot-RateLimit`), case-insensitively, from a
 * `Headers` object or a plain record. Absent or unreadable values are undefined, never NaN.
 */
export function readRateLimitHeaders(
  headers: Headers | Readonly<Record<string, string | undefined>>,
  prefix: string,
): RateLimitHeaders {
  const lookup =
    headers instanceof Headers
      ? (name: string) => headers.get(name) ?? undefined
      : (() => {
          const lower = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]))
          return (name: string) => lower.get(name.toLowerCase())
        })()
  const number = (suffix: string) => {
    const raw = lookup(`${prefix}-${suffix}`)
    if (raw === undefined || raw.trim() === "") return undefined
    const value = Number(raw)
    return Number.isFinite(value) && value >= 0 ? value : undefined
  }
  return {
    max: number("Max"),
    remaining: number("Remaining"),
    intervalMillis: number("Interval-Milliseconds"),
    daily: number("Daily"),
    dailyRemaining: number("Daily-Remaining"),
  }
}
