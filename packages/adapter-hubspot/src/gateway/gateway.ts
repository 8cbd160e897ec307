import { Client } from "@hubspot/api-client"
import { makeRateLimiter, type RateLimiter, readRateLimitHeaders, retryRetryable } from "@tixi/adapter-kit"
import type { PortFailure } from "@tixi/core"
import { Effect, Redacted } from "effect"
import { failureFromThrown, headersOfThrown, timedOut } from "../errors/hubspot-errors.ts"
import type { ResolvedSettings } from "../settings/settings.ts"
import { searchRequestsPerSecond } from "../settings/tiers.ts"

/** What a call returned: HubSpot's status (200, 201, 207) and the parsed body. */
export interface Sent<A> {
  readonly status: number
  readonly data: A
}

/** The reply `@hubspot/api-client`'s `…WithHttpInfo` methods resolve to. */
export interface ClientReply<A> {
  readonly httpStatusCode: number
  readonly headers: Readonly<Record<string, string>>
  readonly data: A
}

/** Counters of one adapter's traffic, for progress reports and benchmarks. */
export interface GatewayMetrics {
  requests: number
  rateLimited: number
  retries: number
}

/** How one call is sent. */
export interface SendOptions {
  /** Search endpoints have their own limit (5 per second per account) and no rate-limit headers. */
  readonly search?: boolean
  /** What the call is about, for NotFound failures. */
  readonly context?: { readonly resource?: string; readonly id?: string }
  /** Whether retryable failures are retried (default true); creates that are not idempotent say false. */
  readonly retry?: boolean
}

/**
 * Every HubSpot call tixi makes goes through here: `@hubspot/api-client` does the HTTP and the
 * typing, tixi does the rest the client does weakly (host-apis.md, "Node SDK"): one rolling-window
 * limiter per app sized to the tier plus a safety margin, a daily budget aligned with
 * `X-HubSpot-RateLimit-Daily-Remaining`, a separate limiter for search, retries with backoff on
 * 5xx, network failures and TEN_SECONDLY_ROLLING/SECONDLY 429s (never on DAILY), a deadline per
 * call, and one error mapping.
 */
export interface Gateway {
  readonly settings: ResolvedSettings
  readonly client: Client
  readonly send: <A>(
    operation: string,
    call: (client: Client) => Promise<ClientReply<A>>,
    options?: SendOptions,
  ) => Effect.Effect<Sent<A>, PortFailure>
  readonly metrics: GatewayMetrics
  readonly limiter: RateLimiter
  readonly searchLimiter: RateLimiter
}

/** The civil day of an instant in a time zone, as a number that changes at local midnight. */
export function dayInTimeZone(timeZone: string): (at: number) => number {
  const format = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  })
  return (at) => Number(format.format(new Date(at)).replaceAll("-", ""))
}

/** Builds the client and the limiters of one portal connection. */
export const makeGateway = (settings: ResolvedSettings): Effect.Effect<Gateway> =>
  Effect.gen(function* () {
    const client = new Client({
      accessToken: Redacted.value(settings.accessToken),
      basePath: settings.baseUrl,
    })
    // The client keeps its decorators (limiter, retries) in a process-wide singleton that it applies
    // when an API object is first built; building them now, with none configured, keeps another
    // Client instance's decorators off tixi's calls.
    void client.crm.objects.basicApi
    void client.crm.objects.batchApi
    void client.crm.objects.searchApi
    void client.crm.properties.coreApi
    void client.crm.properties.groupsApi
    void client.crm.pipelines.pipelinesApi
    void client.crm.pipelines.pipelineStagesApi
    void client.crm.associations.v4.basicApi
    void client.crm.associations.v4.batchApi
    void client.oauth.accessTokensApi
    void client.crm.owners.ownersApi
    void client.settings.users.teamsApi
    const limiter = yield* makeRateLimiter({
      limit: settings.burstPerTenSeconds,
      windowMillis: 10_000 + settings.safetyMarginMillis,
      dailyLimit: settings.dailyLimit,
      dayOf: dayInTimeZone(settings.timeZone),
      vendor: "HubSpot",
    })
    const searchLimiter = yield* makeRateLimiter({
      limit: searchRequestsPerSecond,
      windowMillis: 1_000 + settings.safetyMarginMillis,
      vendor: "HubSpot search",
    })
    const metrics: GatewayMetrics = { requests: 0, rateLimited: 0, retries: 0 }

    const observe = (headers: Readonly<Record<string, string>> | undefined) => {
      if (!headers) return Effect.void
      const read = readRateLimitHeaders(headers, "X-HubSpot-RateLimit")
      return Effect.all(
        [
          read.remaining === undefined
            ? Effect.void
            : limiter.observe(read.remaining, read.intervalMillis ?? 10_000),
          read.dailyRemaining === undefined ? Effect.void : limiter.observeDaily(read.dailyRemaining),
        ],
        { discard: true },
      )
    }

    const send = <A>(
      operation: string,
      call: (client: Client) => Promise<ClientReply<A>>,
      options: SendOptions = {},
    ): Effect.Effect<Sent<A>, PortFailure> => {
      const once = Effect.gen(function* () {
        const request = Effect.tryPromise({ try: () => call(client), catch: (cause) => cause }).pipe(
          Effect.timeoutOrElse({
            duration: settings.timeoutMillis,
            orElse: () => Effect.fail(timedOut(operation, settings.timeoutMillis)),
          }),
        )
        // The slot is held until the reply: HubSpot counts a request when it arrives.
        const outcome = yield* Effect.result(
          (options.search ? searchLimiter : limiter).withSlot(
            Effect.suspend(() => {
              metrics.requests += 1
              return request
            }),
          ),
        )
        if (outcome._tag === "Success") {
          if (!options.search) yield* observe(outcome.success.headers)
          return { status: outcome.success.httpStatusCode, data: outcome.success.data }
        }
        const thrown = outcome.failure
        const failure =
          typeof thrown === "object" &&
          thrown !== null &&
          (thrown as { _tag?: string })._tag === "PortFailure"
            ? (thrown as PortFailure)
            : failureFromThrown(operation, thrown, options.context)
        if (failure.reason._tag === "RateLimited" && failure.vendor?.status === 429) {
          metrics.rateLimited += 1
          const reason = failure.reason
          if (reason.recoverable) {
            yield* (options.search ? searchLimiter : limiter).pauseFor(reason.retryAfterMillis ?? 1_000)
          } else {
            yield* limiter.observeDaily(0)
          }
        } else if (!options.search) {
          yield* observe(headersOfThrown(thrown))
        }
        return yield* Effect.fail(failure)
      })
      if (options.retry === false) return once
      return retryRetryable(once, {
        maxAttempts: settings.maxAttempts,
        baseDelayMillis: 250,
        maxDelayMillis: 20_000,
        onRetry: () =>
          Effect.sync(() => {
            metrics.retries += 1
          }),
      })
    }

    return { settings, client, send, metrics, limiter, searchLimiter }
  })
