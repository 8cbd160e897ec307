import type { Route, RouteContext } from "./context.ts"
import type { FakeApp, ObjectTypeName, StoredObject, WriteSource } from "./model.ts"
import { type HubSpotTier, hubSpotTiers, PortalLimits } from "./rate-limits.ts"
import { errorReply, type FakeReply, rateLimitBody, validationReply } from "./responses.ts"
import { associationRoutes } from "./routes-associations.ts"
import { objectRoutes, renderObject } from "./routes-objects.ts"
import { ownerRoutes } from "./routes-owners.ts"
import { settingsRoutes } from "./routes-settings.ts"
import { PortalStore, type RawValue } from "./store.ts"
import { PortalUsers } from "./users.ts"
import { FakeWebhooks } from "./webhooks.ts"

/** How to set up a fake portal. */
export interface FakeHubSpotOptions {
  readonly portalId?: number
  /** The subscription tier, for the burst and daily limits (default professional: 190 / 10 s, 625,000 a day). */
  readonly tier?: HubSpotTier
  /** Overrides the tier's burst limit per 10 s. */
  readonly burstLimit?: number
  /** Overrides the tier's daily limit. */
  readonly dailyLimit?: number
  /** The account's time zone: the daily limit resets at its midnight (default UTC). */
  readonly timeZone?: string
  /** The portal's clock (default `Date.now`); tests pass a controllable one. */
  readonly now?: () => number
  /** Apps installed in the portal (default: one private app). */
  readonly apps?: ReadonlyArray<FakeApp>
  /** Milliseconds before a new record is found by search (default 0). */
  readonly searchIndexDelayMillis?: number
  /** Whether to enforce the rate limits (default true). */
  readonly enforceRateLimits?: boolean
  /** The origin the fake answers on (default https://api.hubapi.com). */
  readonly baseUrl?: string
}

/** The app every fake portal has unless told otherwise. */
export const defaultFakeApp: FakeApp = {
  appId: 54321,
  accessToken: "pat-na1-11111111-2222-3333-4444-555555555555",
  clientSecret: "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy",
  kind: "private",
}

/** A request the fake answered, for tests and benchmarks to count. */
export interface RequestRecord {
  readonly method: string
  readonly path: string
  readonly status: number
  readonly appId: number | undefined
  readonly at: number
  readonly policyName?: string
  readonly inputs?: number
  /** The body of a write as sent, so a test can check what reached the portal (and what did not). */
  readonly body?: string
}

/** A fault to inject: the next `times` matching requests get this reply instead. */
export interface InjectedFault {
  readonly method?: string
  readonly path: RegExp
  readonly status: number
  readonly body?: unknown
  /** Drop the connection instead of replying. */
  readonly networkError?: boolean
  times: number
}

/** What staff type into HubSpot's screens. */
export type StaffProperties = Readonly<Record<string, RawValue>>

/**
 * A HubSpot portal in memory that enforces what HubSpot enforces: batch inputs ≤ 100, the
 * 10-second rolling window per app and the daily limit per account with HubSpot's 429 bodies and
 * `X-HubSpot-RateLimit-*` headers, 207 partial failures, search with 200 a page and the 10,000
 * cap, unique-value properties, property validation, ticket pipelines with OPEN/CLOSED stages,
 * v4 associations, property history with its source, owners and teams with paging, and signed
 * webhook deliveries with retries and duplicates. `fetch(request)` answers a Fetch API request; serve it with msw or a local server.
 */
export class FakeHubSpotPortal {
  readonly store: PortalStore
  /** The portal's owners and teams (add them with `users.addTeam` / `users.addOwner`). */
  readonly users: PortalUsers
  readonly webhooks: FakeWebhooks
  readonly limits: PortalLimits
  readonly apps: ReadonlyArray<FakeApp>
  readonly portalId: number
  readonly baseUrl: string
  /** Every request answered, in order. */
  readonly requests: Array<RequestRecord> = []
  private readonly clock: () => number
  private readonly faults: Array<InjectedFault> = []
  private readonly routes: ReadonlyArray<Route>

  constructor(options: FakeHubSpotOptions = {}) {
    this.portalId = options.portalId ?? 62515
    this.clock = options.now ?? Date.now
    this.apps = options.apps ?? [defaultFakeApp]
    this.baseUrl = options.baseUrl ?? "https://api.hubapi.com"
    const tier = hubSpotTiers[options.tier ?? "professional"]
    this.limits = new PortalLimits({
      burst: options.burstLimit ?? tier.burst,
      daily: options.dailyLimit ?? tier.daily,
      timeZone: options.timeZone ?? "UTC",
      enforce: options.enforceRateLimits ?? true,
    })
    this.store = new PortalStore(this.portalId, options.searchIndexDelayMillis ?? 0)
    this.users = new PortalUsers(this.clock)
    this.webhooks = new FakeWebhooks(this.portalId, this.clock)
    this.store.onEvent((event) => this.webhooks.record(event))
    this.routes = [
      ...objectRoutes,
      ...settingsRoutes,
      ...associationRoutes,
      ...ownerRoutes,
      this.tokenRoute(),
    ]
  }

  /** The portal's current time. */
  now(): number {
    return this.clock()
  }

  /** The app that holds a token. */
  appOf(token: string): FakeApp | undefined {
    return this.apps.find((app) => app.accessToken === token)
  }

  /** The next matching requests fail as given (e.g. a 502, or a dropped connection). */
  failNext(fault: Omit<InjectedFault, "times"> & { readonly times?: number }) {
    this.faults.push({ ...fault, times: fault.times ?? 1 })
  }

  private tokenRoute(): Route {
    return {
      method: "GET",
      pattern: /^\/oauth\/v1\/access-tokens\/([^/]+)$/,
      anonymous: true,
      handle: (context) => {
        const app = this.appOf(decodeURIComponent(context.params[0]!))
        if (!app) return errorReply(404, "OBJECT_NOT_FOUND", "Token not found.")
        return {
          status: 200,
          body: {
            token: app.accessToken,
            user: "admin@example.com",
            hub_domain: `portal-${this.portalId}.example.com`,
            scopes: [
              "crm.objects.companies.write",
              "crm.objects.contacts.write",
              "tickets",
              "crm.schemas.companies.write",
            ],
            hub_id: this.portalId,
            app_id: app.appId,
            expires_in: 1800,
            user_id: 1,
            token_type: "access",
          },
        }
      },
    }
  }

  /** Answers one API request as HubSpot would. */
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const now = this.clock()
    const route = this.routes.find(
      (candidate) => candidate.method === request.method && candidate.pattern.test(url.pathname),
    )
    const sentBody = request.method === "GET" ? undefined : await request.clone().text()
    const record = (status: number, appId: number | undefined, extra: Partial<RequestRecord> = {}) =>
      this.requests.push({
        method: request.method,
        path: url.pathname,
        status,
        appId,
        at: now,
        ...(sentBody === undefined ? {} : { body: sentBody }),
        ...extra,
      })
    if (!route) {
      record(404, undefined)
      return json({
        status: 404,
        body: errorReply(404, "OBJECT_NOT_FOUND", `No route for ${request.method} ${url.pathname}`).body,
      })
    }
    let app: FakeApp | undefined
    if (!route.anonymous) {
      const header = request.headers.get("authorization") ?? ""
      app = header.startsWith("Bearer ") ? this.appOf(header.slice(7)) : undefined
      if (!app) {
        record(401, undefined)
        return json(
          errorReply(
            401,
            "INVALID_AUTHENTICATION",
            "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
          ),
        )
      }
      const verdict = this.limits.admit(app.appId, app.kind, route.search === true, now)
      if (!verdict.allowed) {
        record(429, app.appId, { policyName: verdict.policyName })
        return json({
          status: 429,
          body: rateLimitBody(verdict.policyName),
          ...(route.search ? {} : { headers: this.limits.headers(app.appId, app.kind, now) }),
        })
      }
    }
    const faultIndex = this.faults.findIndex(
      (fault) =>
        fault.times > 0 &&
        fault.path.test(url.pathname) &&
        (fault.method === undefined || fault.method === request.method),
    )
    if (faultIndex >= 0) {
      const fault = this.faults[faultIndex]!
      fault.times -= 1
      if (fault.times === 0) this.faults.splice(faultIndex, 1)
      record(fault.networkError ? 0 : fault.status, app?.appId)
      if (fault.networkError) throw new TypeError("fetch failed: connection reset by the fake portal")
      return json({
        status: fault.status,
        body: fault.body ?? errorReply(fault.status, "INTERNAL_ERROR", "internal error").body,
      })
    }
    const text = await request.text()
    let body: unknown
    if (text.length > 0) {
      try {
        body = JSON.parse(text)
      } catch {
        record(400, app?.appId)
        return json(errorReply(400, "VALIDATION_ERROR", "Invalid input JSON on line 1."))
      }
    }
    const match = route.pattern.exec(url.pathname)!
    const source: WriteSource = app
      ? { sourceType: "INTEGRATION", sourceId: String(app.appId), appId: app.appId }
      : { sourceType: "INTEGRATION", sourceId: "", appId: 0 }
    const context: RouteContext = {
      store: this.store,
      users: this.users,
      app: app ?? this.apps[0]!,
      now,
      url,
      params: match.slice(1).map((part) => decodeURIComponent(part)),
      body,
      source,
      render: (stored, properties, withHistory) => renderObject(stored, properties, withHistory),
    }
    const reply = route.handle(context)
    const inputs = Array.isArray((body as { inputs?: unknown } | undefined)?.inputs)
      ? (body as { inputs: Array<unknown> }).inputs.length
      : undefined
    record(reply.status, app?.appId, inputs === undefined ? {} : { inputs })
    const headers = app && !route.search ? this.limits.headers(app.appId, app.kind, now) : {}
    return json({ ...reply, headers: { ...headers, ...reply.headers } })
  }

  /** Acting as a member of staff in HubSpot's screens (writes recorded with source CRM_UI). */
  staff(userId = 7001) {
    const source: WriteSource = { sourceType: "CRM_UI", sourceId: `userId:${userId}`, userId }
    const write = (type: ObjectTypeName, properties: StaffProperties, id?: string): StoredObject => {
      const now = this.clock()
      const existing = id === undefined ? undefined : this.store.find(type, id)
      if (id !== undefined && !existing) throw new Error(`no ${type} ${id}`)
      const outcome = existing
        ? this.store.update(type, existing, properties, source, now)
        : this.store.create(type, properties, source, now)
      if (!outcome.ok) {
        const detail =
          outcome.kind === "invalid"
            ? JSON.stringify(validationReply(outcome.problems, this.portalId).body)
            : outcome.message
        throw new Error(`staff write refused: ${detail}`)
      }
      return outcome.record
    }
    return {
      create: (type: ObjectTypeName, properties: StaffProperties) => write(type, properties),
      update: (type: ObjectTypeName, id: string, properties: StaffProperties) => write(type, properties, id),
      associate: (from: ObjectTypeName, fromId: string, to: ObjectTypeName, toId: string) => {
        const typeId = this.store.defaultTypeId(from, to)
        if (typeId === undefined) throw new Error(`no default association ${from} → ${to}`)
        this.store.associate(
          from,
          fromId,
          to,
          toId,
          [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: typeId }],
          source,
          this.clock(),
        )
      },
      archive: (type: ObjectTypeName, id: string) => {
        const record = this.store.find(type, id)
        if (record) this.store.archive(type, record, source, this.clock())
      },
    }
  }

  /** A record's current property values, or undefined. */
  read(type: ObjectTypeName, id: string): Readonly<Record<string, string>> | undefined {
    const record = this.store.find(type, id)
    return record ? Object.fromEntries(record.properties) : undefined
  }

  /** Every live record of a type. */
  list(type: ObjectTypeName): Array<StoredObject> {
    return [...this.store.records(type).values()].filter((record) => !record.archived)
  }

  /** Requests answered with each status, and 429s by policy. */
  tally() {
    const byStatus = new Map<number, number>()
    const byPolicy = new Map<string, number>()
    for (const request of this.requests) {
      byStatus.set(request.status, (byStatus.get(request.status) ?? 0) + 1)
      if (request.policyName) byPolicy.set(request.policyName, (byPolicy.get(request.policyName) ?? 0) + 1)
    }
    return { total: this.requests.length, byStatus, byPolicy }
  }
}

function json(reply: FakeReply): Response {
  const headers = new Headers(reply.headers)
  if (reply.status === 204 || reply.body === undefined)
    return new Response(null, { status: reply.status, headers })
  headers.set("content-type", "application/json;charset=utf-8")
  return new Response(JSON.stringify(reply.body), { status: reply.status, headers })
}
