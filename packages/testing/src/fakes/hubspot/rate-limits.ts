/**
 * HubSpot's request limits as the fake enforces them (usage guidelines, last modified 2025-08-22):
 * a rolling 10-second burst window per app, a daily limit per account that resets at midnight in
 * the account's time zone, and 5 search requests per second per account. Rejected requests do not
 * count against the window they were rejected by.
 * https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines
 */

/** The subscription tiers and the limits each gives a private app. */
export const hubSpotTiers = {
  free: { burst: 100, daily: 250_000 },
  starter: { burst: 100, daily: 250_000 },
  professional: { burst: 190, daily: 625_000 },
  enterprise: { burst: 190, daily: 1_000_000 },
  "api-add-on": { burst: 250, daily: 1_000_000 },
} as const

/** A HubSpot subscription tier. */
export type HubSpotTier = keyof typeof hubSpotTiers

/** Public (OAuth) apps get this burst per installing account whatever the tier. */
export const publicAppBurst = 110

/** Search endpoints: requests per second per account. */
export const searchPerSecond = 5

/** The verdict on one request. */
export type LimitVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly policyName: "TEN_SECONDLY_ROLLING" | "DAILY" | "SECONDLY" }

/** The civil day of an instant in a time zone, as `YYYY-MM-DD`. */
export function dayIn(timeZone: string, at: number): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(at))
}

/** A rolling window: the send times of accepted requests, oldest first. */
class RollingWindow {
  private readonly times: Array<number> = []
  private start = 0

  readonly limit: number
  readonly windowMillis: number

  constructor(limit: number, windowMillis: number) {
    this.limit = limit
    this.windowMillis = windowMillis
  }

  private prune(now: number) {
    while (this.start < this.times.length && this.times[this.start]! <= now - this.windowMillis)
      this.start += 1
    if (this.start > 4096) {
      this.times.splice(0, this.start)
      this.start = 0
    }
  }

  remaining(now: number): number {
    this.prune(now)
    return Math.max(0, this.limit - (this.times.length - this.start))
  }

  take(now: number) {
    this.times.push(now)
  }
}

/** The limits of one portal. */
export class PortalLimits {
  private readonly burstByApp = new Map<number, RollingWindow>()
  private readonly search: RollingWindow
  private day = ""
  private usedToday = 0

  private options: {
    readonly burst: number
    readonly daily: number
    readonly timeZone: string
    readonly enforce: boolean
  }

  constructor(options: PortalLimits["options"]) {
    this.options = options
    this.search = new RollingWindow(searchPerSecond, 1000)
  }

  /**
   * Changes the limits, as an upgrade of the subscription would (tests set up a portal at one
   * limit, then tighten it). Windows start afresh; the count of the day is kept.
   */
  configure(limits: { readonly burst?: number; readonly daily?: number }) {
    this.options = { ...this.options, ...limits }
    this.burstByApp.clear()
  }

  /** The burst limit of an app: its tier's, or 110 for public apps. */
  burstOf(kind: "private" | "public"): number {
    return kind === "public" ? publicAppBurst : this.options.burst
  }

  private window(appId: number, kind: "private" | "public") {
    let window = this.burstByApp.get(appId)
    if (!window) {
      window = new RollingWindow(this.burstOf(kind), 10_000)
      this.burstByApp.set(appId, window)
    }
    return window
  }

  private rollDay(now: number) {
    const today = dayIn(this.options.timeZone, now)
    if (today !== this.day) {
      this.day = today
      this.usedToday = 0
    }
  }

  /** Decides whether a request may proceed and counts it if so. */
  admit(appId: number, kind: "private" | "public", isSearch: boolean, now: number): LimitVerdict {
    this.rollDay(now)
    if (!this.options.enforce) {
      this.usedToday += 1
      return { allowed: true }
    }
    if (this.usedToday >= this.options.daily) return { allowed: false, policyName: "DAILY" }
    if (isSearch) {
      if (this.search.remaining(now) === 0) return { allowed: false, policyName: "SECONDLY" }
      this.search.take(now)
    } else {
      const window = this.window(appId, kind)
      if (window.remaining(now) === 0) return { allowed: false, policyName: "TEN_SECONDLY_ROLLING" }
      window.take(now)
    }
    this.usedToday += 1
    return { allowed: true }
  }

  /** The `X-HubSpot-RateLimit-*` headers of a response to this app (none on search responses). */
  headers(appId: number, kind: "private" | "public", now: number): Record<string, string> {
    this.rollDay(now)
    const window = this.window(appId, kind)
    const headers: Record<string, string> = {
      "X-HubSpot-RateLimit-Interval-Milliseconds": "10000",
      "X-HubSpot-RateLimit-Max": String(window.limit),
      "X-HubSpot-RateLimit-Remaining": String(window.remaining(now)),
    }
    // The daily headers are absent for OAuth (public) apps.
    if (kind === "private") {
      headers["X-HubSpot-RateLimit-Daily"] = String(this.options.daily)
      headers["X-HubSpot-RateLimit-Daily-Remaining"] = String(
        Math.max(0, this.options.daily - this.usedToday),
      )
    }
    return headers
  }

  /** Requests counted today. */
  get today(): number {
    return this.usedToday
  }
}
