import { makeRateLimiter, makeTokenCache, retryRetryable, sendHttp } from "@tixi/adapter-kit"
import { InvalidRequest, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import { type ResolvedWeComSettings, reveal } from "../settings.ts"
import { isInvalidToken, type WeComCallSite, weComFailure } from "./vendor-errors.ts"

/** One call to WeCom. */
export interface WeComRequest {
  readonly site: WeComCallSite
  readonly method: "GET" | "POST"
  readonly path: string
  readonly query?: Readonly<Record<string, string | number | undefined>>
  readonly json?: unknown
  /**
   * `false` for calls that create something without an idempotency key (`applyevent`): the client
   * then sends it once (a rejected token aside), and the caller retries with `createOnce`, which
   * looks for what a lost reply may have created first. Default true.
   */
  readonly retry?: boolean
}

/** How the client retries what may succeed later; `createOnce` callers use it too. */
export const retryPolicy = { maxAttempts: 4, baseDelayMillis: 250, maxDelayMillis: 20_000 } as const

/** The WeCom HTTP client every operation uses. */
export interface WeComClient {
  readonly settings: ResolvedWeComSettings
  readonly call: (request: WeComRequest) => Effect.Effect<Record<string, unknown>, PortFailure>
  readonly stats: () => { readonly requests: number; readonly tokenFetches: number }
}

/**
 * Builds the client: one access token per app secret (`gettoken`), cached and refreshed before
 * `expires_in`, fetched again once when WeCom answers 40014 or 42001 (it may invalidate tokens
 * early); a limiter at `requestsPerSecond`; retries for 45009 and outages.
 */
export const makeWeComClient = (settings: ResolvedWeComSettings): Effect.Effect<WeComClient> =>
  Effect.gen(function* () {
    let requests = 0
    let tokenFetches = 0
    const limiter = yield* makeRateLimiter({
      limit: settings.requestsPerSecond,
      windowMillis: 1000,
      vendor: "WeCom",
    })

    // https://developer.work.weixin.qq.com/document/path/91039
    const fetchToken = Effect.gen(function* () {
      tokenFetches += 1
      yield* limiter.acquire
      const url = new URL(`${settings.baseUrl}/cgi-bin/gettoken`)
      url.searchParams.set("corpid", settings.corpId)
      url.searchParams.set("corpsecret", reveal(settings.corpSecret))
      const reply = yield* sendHttp(
        { port: "WeCom", operation: "accessToken", vendor: "wecom" },
        { method: "GET", url: url.toString(), timeoutMillis: settings.timeoutMillis },
      )
      const failure = weComFailure(
        { port: "WeCom", operation: "accessToken" },
        reply.status,
        reply.json,
        reply.text,
      )
      if (failure) return yield* failure
      const body = (reply.json ?? {}) as { access_token?: unknown; expires_in?: unknown }
      if (typeof body.access_token !== "string" || typeof body.expires_in !== "number") {
        return yield* new PortFailure({
          port: "WeCom",
          operation: "accessToken",
          reason: new InvalidRequest({}),
          detail: "WeCom returned no access_token",
          vendor: { vendor: "wecom", status: reply.status, payload: reply.json },
        })
      }
      return { token: body.access_token, expiresInSeconds: body.expires_in }
    })
    const tokens = yield* makeTokenCache(retryRetryable(fetchToken, { maxAttempts: 3 }))

    const once = (
      request: WeComRequest,
      retried: boolean,
    ): Effect.Effect<Record<string, unknown>, PortFailure> =>
      Effect.gen(function* () {
        const token = yield* tokens.get
        yield* limiter.acquire
        requests += 1
        const url = new URL(`${settings.baseUrl}${request.path}`)
        url.searchParams.set("access_token", token)
        for (const [name, value] of Object.entries(request.query ?? {})) {
          if (value !== undefined) url.searchParams.set(name, String(value))
        }
        const reply = yield* sendHttp(
          { port: request.site.port, operation: request.site.operation, vendor: "wecom" },
          {
            method: request.method,
            url: url.toString(),
            ...(request.json === undefined ? {} : { json: request.json }),
            timeoutMillis: settings.timeoutMillis,
          },
        )
        if (isInvalidToken(reply.json) && !retried) {
          yield* tokens.invalidate(token)
          return yield* once(request, true)
        }
        const failure = weComFailure(request.site, reply.status, reply.json, reply.text)
        if (failure) {
          if (failure.reason._tag === "RateLimited" && failure.reason.retryAfterMillis !== undefined) {
            yield* limiter.pauseFor(Math.min(failure.reason.retryAfterMillis, 60_000))
          }
          return yield* failure
        }
        return (reply.json ?? {}) as Record<string, unknown>
      })

    return {
      settings,
      call: (request) =>
        request.retry === false ? once(request, false) : retryRetryable(once(request, false), retryPolicy),
      stats: () => ({ requests, tokenFetches }),
    }
  })
