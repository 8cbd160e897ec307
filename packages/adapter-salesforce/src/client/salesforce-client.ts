import {
  type AllocationUsage,
  type HttpReply,
  makeAllocationGuard,
  retryRetryable,
  sendHttp,
} from "@tixi/adapter-kit"
import { PortFailure, Unauthorized } from "@tixi/core"
import { Effect, Semaphore } from "effect"
import { makeSessionProvider, type SessionProvider } from "../auth/session.ts"
import { type FailureSite, failureFromReply } from "../errors/map-salesforce-error.ts"
import type { ResolvedSettings } from "../settings/settings.ts"
import { parseLimitInfo } from "./limit-info.ts"

/** One call to the org. */
export interface SalesforceCall extends Omit<FailureSite, "port"> {
  readonly port?: FailureSite["port"]
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"
  /** A path below the instance URL, e.g. `client.data("/sobjects/Case")`, or a `nextRecordsUrl`. */
  readonly path: string
  readonly json?: unknown
  /**
   * A raw body (Bulk CSV) with its content type; or, for the SOAP API, which carries the session
   * in the envelope rather than a header, a body built from the session of each attempt.
   */
  readonly text?: string | ((accessToken: string) => string)
  readonly contentType?: string
  /** Headers a resource requires beyond the client's own (the SOAP API's `SOAPAction`). */
  readonly headers?: Readonly<Record<string, string>>
  /**
   * Whether a reply says the session expired although its status is not 401: the SOAP API
   * answers an expired session with a 500 fault `INVALID_SESSION_ID`. Such a reply renews the
   * session once, like a 401.
   */
  readonly sessionExpired?: (reply: HttpReply) => boolean
  readonly accept?: string
  /** Statuses that are not failures (default: every 2xx). */
  readonly okStatuses?: ReadonlyArray<number>
  /**
   * Whether sending the same call again cannot do anything twice (reads, upserts by external id):
   * such calls are retried on transient failures; the others are not.
   */
  readonly idempotent?: boolean
  /** Milliseconds before the call is abandoned (default 120 s; Salesforce itself stops at 10 min). */
  readonly timeoutMillis?: number
}

/** The REST client every operation uses. */
export interface SalesforceClient {
  readonly settings: ResolvedSettings
  /** `/services/data/v66.0` + path. */
  readonly data: (path: string) => string
  /** `/services/data/v66.0/tooling` + path. */
  readonly tooling: (path: string) => string
  readonly send: (call: SalesforceCall) => Effect.Effect<HttpReply, PortFailure>
  /** The org's API usage as the last reply reported it. */
  readonly usage: Effect.Effect<AllocationUsage | undefined>
  /** Calls left before tixi's reserve, once the org has reported its usage. */
  readonly remainingCalls: Effect.Effect<number | undefined>
  /** Fails before a plan that would spend more calls than remain above the reserve. */
  readonly reserveCalls: (
    calls: number,
    port?: FailureSite["port"],
    operation?: string,
  ) => Effect.Effect<void, PortFailure>
  /** REST calls this client has sent (sign-ins excluded), for reports and benchmarks. */
  readonly callsSent: Effect.Effect<number>
  /** The signed-in session, for transports beside REST (the Pub/Sub API's gRPC metadata). */
  readonly sessions: SessionProvider
}

/**
 * Builds the client. Every call: checks the org's remaining allocation (from `Sforce-Limit-Info`
 * on earlier replies) and stops before the reserve; waits for one of `maxConcurrentRequests`
 * slots; sends `Sforce-Call-Options: client=<callOptionsClient>` so Change Data Capture can tell
 * tixi's writes apart; renews the session once after a 401 and then fails `Unauthorized`; maps
 * errors in `map-salesforce-error.ts`; and retries transient failures only of idempotent calls.
 */
export const makeSalesforceClient = (
  settings: ResolvedSettings,
  options: { readonly sessions?: SessionProvider } = {},
): Effect.Effect<SalesforceClient> =>
  Effect.gen(function* () {
    const sessions = options.sessions ?? (yield* makeSessionProvider(settings))
    const guard = yield* makeAllocationGuard({
      vendor: "salesforce",
      scope: "DAILY_API_REQUESTS",
      reserve: settings.apiReserve ?? ((max) => max * 0.05),
    })
    const slots = yield* Semaphore.make(settings.maxConcurrentRequests)
    let sent = 0
    const base = `/services/data/v${settings.apiVersion}`

    const relabel = (failure: PortFailure, port: FailureSite["port"], operation: string) =>
      new PortFailure({ ...failure, port, operation })

    const reserveCalls = (calls: number, port: FailureSite["port"] = "HostCrm", operation = "allocation") =>
      Effect.mapError(guard.check(calls), (failure) => relabel(failure, port, operation))

    const attempt = (
      call: SalesforceCall,
      site: FailureSite,
      renewed: boolean,
    ): Effect.Effect<HttpReply, PortFailure> =>
      Effect.gen(function* () {
        yield* reserveCalls(1, site.port, site.operation)
        const session = yield* Effect.mapError(sessions.current, (failure) =>
          relabel(failure, site.port, site.operation),
        )
        const headers: Record<string, string> = {
          ...call.headers,
          authorization: `Bearer ${session.accessToken}`,
          accept: call.accept ?? "application/json",
          "sforce-call-options": `client=${settings.callOptionsClient}`,
        }
        if (call.contentType) headers["content-type"] = call.contentType
        sent += 1
        const reply = yield* sendHttp(
          { port: site.port, operation: site.operation, vendor: "salesforce" },
          {
            method: call.method,
            url: `${session.instanceUrl}${call.path}`,
            headers,
            ...(call.json === undefined ? {} : { json: call.json }),
            ...(call.text === undefined
              ? {}
              : { text: typeof call.text === "string" ? call.text : call.text(session.accessToken) }),
            timeoutMillis: call.timeoutMillis ?? 120_000,
          },
        )
        const usage = parseLimitInfo(reply.headers.get("sforce-limit-info"))
        if (usage) yield* guard.observe(usage)
        if (reply.status === 401 || call.sessionExpired?.(reply) === true) {
          const renewable = yield* sessions.invalidate(session.accessToken)
          if (renewable && !renewed) return yield* attempt(call, site, true)
          const failure = failureFromReply(site, reply.status, reply.json, reply.text)
          const why = renewable
            ? "rejected again after signing in anew"
            : "this access token cannot be renewed here; configure the JWT flow for unattended use"
          return yield* new PortFailure({
            ...failure,
            reason: new Unauthorized(),
            detail: `${failure.detail} (${why})`,
          })
        }
        const ok = call.okStatuses
          ? call.okStatuses.includes(reply.status)
          : reply.status >= 200 && reply.status < 300
        if (!ok) return yield* failureFromReply(site, reply.status, reply.json, reply.text)
        return reply
      })

    const send = (call: SalesforceCall) => {
      const site: FailureSite = {
        port: call.port ?? "HostCrm",
        operation: call.operation,
        ...(call.resource === undefined ? {} : { resource: call.resource }),
        ...(call.id === undefined ? {} : { id: call.id }),
      }
      const once = Semaphore.withPermit(slots, attempt(call, site, false))
      return call.idempotent ? retryRetryable(once, { maxAttempts: 4 }) : once
    }

    return {
      settings,
      data: (path) => `${base}${path}`,
      tooling: (path) => `${base}/tooling${path}`,
      send,
      usage: guard.usage,
      remainingCalls: guard.remaining,
      reserveCalls,
      callsSent: Effect.sync(() => sent),
      sessions,
    }
  })
