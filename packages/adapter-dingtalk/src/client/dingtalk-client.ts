import { makeRateLimiter, makeTokenCache, retryRetryable, sendHttp } from "@tixi/adapter-kit"
import { InvalidRequest, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import { type ResolvedDingTalkSettings, reveal } from "../settings.ts"
import { type DingTalkCallSite, dingTalkFailure, isInvalidToken } from "./vendor-errors.ts"

/** One call to DingTalk. */
export interface DingTalkRequest {
  readonly site: DingTalkCallSite
  /** `api` is the new API (api.dingtalk.com, token in a header), `oapi` the legacy one (token in the query). */
  readonly api: "api" | "oapi"
  readonly method: "GET" | "POST"
  readonly path: string
  readonly query?: Readonly<Record<string, string | number | undefined>>
  readonly json?: unknown
  /**
   * `false` for calls that create something without an idempotency key (a process instance): the
   * client then sends it once (a rejected token aside), and the caller retries with `createOnce`,
   * which looks for what a lost reply may have created first. Default true.
   */
  readonly retry?: boolean
}

/** The DingTalk HTTP client every operation uses. */
export interface DingTalkClient {
  readonly settings: ResolvedDingTalkSettings
  /** Sends a call with the app's token, within the rate limit, retrying what may succeed later. */
  readonly call: (request: DingTalkRequest) => Effect.Effect<unknown, PortFailure>
  /** Counters for tests and logs. */
  readonly stats: () => { readonly requests: number; readonly tokenFetches: number }
}

function urlOf(
  settings: ResolvedDingTalkSettings,
  request: DingTalkRequest,
  token: string | undefined,
): string {
  const base = request.api === "api" ? settings.apiBaseUrl : settings.oapiBaseUrl
  const url = new URL(`${base}${request.path}`)
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value))
  }
  if (request.api === "oapi" && token !== undefined) url.searchParams.set("access_token", token)
  return url.toString()
}

/** How the client retries what may succeed later; `createOnce` callers use it too. */
export const retryPolicy = { maxAttempts: 4, baseDelayMillis: 250, maxDelayMillis: 20_000 } as const

/**
 * Builds the client: one app access token per app (new API, `POST /v1.0/oauth2/accessToken`),
 * cached and refreshed five minutes before `expireIn`, dropped and fetched again once when DingTalk
 * rejects it; a limiter at `requestsPerSecond`; retries with backoff for rate limits and outages.
 */
export const makeDingTalkClient = (settings: ResolvedDingTalkSettings): Effect.Effect<DingTalkClient> =>
  Effect.gen(function* () {
    let requests = 0
    let tokenFetches = 0
    const limiter = yield* makeRateLimiter({
      limit: settings.requestsPerSecond,
      windowMillis: 1000,
      vendor: "DingTalk",
    })
    const site = { port: "DingTalk", operation: "accessToken", vendor: "dingtalk" }

    // https://open.dingtalk.com/document/orgapp/obtain-the-access-token-of-an-internal-app
    const fetchToken = Effect.gen(function* () {
      tokenFetches += 1
      yield* limiter.acquire
      const reply = yield* sendHttp(site, {
        method: "POST",
        url: `${settings.apiBaseUrl}/v1.0/oauth2/accessToken`,
        json: { appKey: settings.appKey, appSecret: reveal(settings.appSecret) },
        timeoutMillis: settings.timeoutMillis,
      })
      const failure = dingTalkFailure(
        { port: "DingTalk", operation: "accessToken" },
        { status: reply.status, body: reply.json, text: reply.text },
      )
      if (failure) return yield* failure
      const body = (reply.json ?? {}) as { accessToken?: unknown; expireIn?: unknown }
      if (typeof body.accessToken !== "string" || typeof body.expireIn !== "number") {
        return yield* new PortFailure({
          port: "DingTalk",
          operation: "accessToken",
          reason: new InvalidRequest({}),
          detail: "DingTalk returned no accessToken",
          vendor: { vendor: "dingtalk", status: reply.status, payload: reply.json },
        })
      }
      return { token: body.accessToken, expiresInSeconds: body.expireIn }
    })
    const tokens = yield* makeTokenCache(retryRetryable(fetchToken, { maxAttempts: 3 }))

    const once = (request: DingTalkRequest, retried: boolean): Effect.Effect<unknown, PortFailure> =>
      Effect.gen(function* () {
        const token = yield* tokens.get
        yield* limiter.acquire
        requests += 1
        const reply = yield* sendHttp(
          { port: request.site.port, operation: request.site.operation, vendor: "dingtalk" },
          {
            method: request.method,
            url: urlOf(settings, request, token),
            headers: request.api === "api" ? { "x-acs-dingtalk-access-token": token } : {},
            ...(request.json === undefined ? {} : { json: request.json }),
            timeoutMillis: settings.timeoutMillis,
          },
        )
        const raw = { status: reply.status, body: reply.json, text: reply.text }
        if (isInvalidToken(raw) && !retried) {
          yield* tokens.invalidate(token)
          return yield* once(request, true)
        }
        const failure = dingTalkFailure(request.site, raw)
        if (failure) {
          if (failure.reason._tag === "RateLimited" && failure.reason.retryAfterMillis !== undefined) {
            yield* limiter.pauseFor(Math.min(failure.reason.retryAfterMillis, 60_000))
          }
          return yield* failure
        }
        return reply.json
      })

    return {
      settings,
      call: (request) =>
        request.retry === false ? once(request, false) : retryRetryable(once(request, false), retryPolicy),
      stats: () => ({ requests, tokenFetches }),
    }
  })
