/**
 * A signed callback whose timestamp is too far from now: a captured request sent again later,
 * or a clock far off. The signature is genuine, so it is a replay rather than a forgery.
 */
export interface StaleCallback {
  readonly _tag: "StaleCallback"
  readonly message: string
}

/**
 * How far a DingTalk or WeCom callback's timestamp may be from the receiver's clock (5 minutes).
 * Neither vendor documents a window; their retries come within a minute (DingTalk after 10 s
 * and 30 s, WeCom three times on a 5 s timeout), and 5 minutes is the window HubSpot and the
 * runtime's HMAC source use.
 */
export const defaultCallbackToleranceMillis = 5 * 60_000

/**
 * Checks the `timestamp` of a callback's query against `now` (epoch milliseconds): undefined when
 * it is within `toleranceMillis`, else why not. Vendors send seconds (WeCom, DingTalk's HTTP
 * callbacks) or milliseconds; a value of 10^11 or more is read as milliseconds.
 */
export function checkCallbackTimestamp(
  timestamp: string,
  now: number,
  toleranceMillis: number = defaultCallbackToleranceMillis,
): StaleCallback | undefined {
  const value = /^\d{1,16}$/.test(timestamp) ? Number(timestamp) : Number.NaN
  if (!Number.isFinite(value))
    return {
      _tag: "StaleCallback",
      message: `timestamp ${JSON.stringify(timestamp.slice(0, 32))} is not a time`,
    }
  const sent = value >= 1e11 ? value : value * 1000
  const skew = now - sent
  if (Math.abs(skew) <= toleranceMillis) return undefined
  return {
    _tag: "StaleCallback",
    message: `timestamp ${timestamp} is ${Math.round(Math.abs(skew) / 1000)} s ${skew > 0 ? "old" : "ahead"}, outside the ${Math.round(toleranceMillis / 1000)} s tolerance`,
  }
}
