import type { PortFailure } from "@tixi/core"
import { Clock, Effect, Semaphore } from "effect"

/** A token as an issuer returns it. */
export interface IssuedToken {
  readonly token: string
  /** Lifetime in seconds, e.g. 7200 for DingTalk and WeCom. */
  readonly expiresInSeconds: number
}

/** A cached access token. */
export interface TokenCache {
  /** The current token, fetched or refreshed if it is missing or about to expire. */
  readonly get: Effect.Effect<string, PortFailure>
  /**
   * Forgets `token` after the host rejected it (DingTalk invalid token, WeCom 40014/42001,
   * Salesforce 401); the next `get` fetches a new one. A token already replaced is left alone.
   */
  readonly invalidate: (token: string) => Effect.Effect<void>
}

/**
 * Caches an access token per app. Vendors throttle token endpoints and return the same token
 * within its lifetime, so tixi asks once, shares the answer among concurrent callers (one fetch
 * at a time), and refreshes `refreshMarginSeconds` before expiry (default 300 s).
 */
export const makeTokenCache = (
  fetchToken: Effect.Effect<IssuedToken, PortFailure>,
  options: { readonly refreshMarginSeconds?: number } = {},
): Effect.Effect<TokenCache> =>
  Effect.gen(function* () {
    const margin = (options.refreshMarginSeconds ?? 300) * 1000
    const lock = yield* Semaphore.make(1)
    let current: { readonly token: string; readonly refreshAt: number } | undefined
    const fresh = (now: number) =>
      current !== undefined && now < current.refreshAt ? current.token : undefined
    const get = Effect.gen(function* () {
      const cached = fresh(yield* Clock.currentTimeMillis)
      if (cached !== undefined) return cached
      return yield* Semaphore.withPermit(
        lock,
        Effect.gen(function* () {
          const now = yield* Clock.currentTimeMillis
          const stillFresh = fresh(now)
          if (stillFresh !== undefined) return stillFresh
          const issued = yield* fetchToken
          const lifetime = issued.expiresInSeconds * 1000
          current = { token: issued.token, refreshAt: now + Math.max(lifetime - margin, lifetime / 2) }
          return issued.token
        }),
      )
    })
    const invalidate = (token: string) =>
      Effect.sync(() => {
        if (current?.token === token) current = undefined
      })
    return { get, invalidate }
  })
