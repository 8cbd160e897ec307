import { readFile } from "node:fs/promises"
import { makeTokenCache, sendHttp } from "@tixi/adapter-kit"
import { PortFailure, Unauthorized } from "@tixi/core"
import { Clock, Effect, Redacted } from "effect"
import { failureFromReply } from "../errors/map-salesforce-error.ts"
import type { ResolvedSettings } from "../settings/settings.ts"
import { trimSlash } from "../settings/settings.ts"
import type { RawTokenResponse } from "../vendor/rest.ts"
import { audienceFor, signJwtAssertion } from "./jwt-assertion.ts"

/** A signed-in session: where the org lives and the bearer token to call it with. */
export interface SalesforceSession {
  readonly accessToken: string
  readonly instanceUrl: string
}

/** Hands out the current session and renews it after Salesforce rejected a token. */
export interface SessionProvider {
  readonly current: Effect.Effect<SalesforceSession, PortFailure>
  /**
   * Drops `accessToken` after a 401; returns whether a new session can be had (JWT: yes; a
   * bare access token: no, so the caller fails Unauthorized instead of retrying).
   */
  readonly invalidate: (accessToken: string) => Effect.Effect<boolean>
}

const site = { port: "HostCrm", operation: "authenticate" } as const
const httpSite = { ...site, vendor: "salesforce" }

/** Reads the PEM key: from memory, or from its file at each sign-in (keys are rotated on disk). */
const privateKeyOf = (settings: ResolvedSettings) =>
  Effect.gen(function* () {
    const credentials = settings.credentials
    if (credentials.kind !== "jwt") return yield* Effect.die(new Error("not a JWT configuration"))
    if (credentials.privateKey !== undefined) return Redacted.value(credentials.privateKey)
    return yield* Effect.tryPromise({
      try: () => readFile(credentials.privateKeyFile!, "utf8"),
      catch: (cause) =>
        new PortFailure({
          ...site,
          reason: new Unauthorized(),
          detail: `cannot read the private key file ${credentials.privateKeyFile}: ${String(cause)}`,
        }),
    })
  })

/**
 * Signs in with the JWT bearer flow: one RS256 assertion POSTed to `/services/oauth2/token`.
 * Salesforce returns no refresh token and no lifetime for this grant, so the session is cached for
 * the org's session timeout and renewed after any 401.
 */
// https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm
export const requestJwtSession = (settings: ResolvedSettings) =>
  Effect.gen(function* () {
    const credentials = settings.credentials
    if (credentials.kind !== "jwt") return yield* Effect.die(new Error("not a JWT configuration"))
    const pem = yield* privateKeyOf(settings)
    const now = yield* Clock.currentTimeMillis
    const assertion = yield* Effect.try({
      try: () =>
        signJwtAssertion(
          {
            issuer: credentials.clientId,
            subject: credentials.username,
            audience: credentials.audience ?? audienceFor(settings.loginUrl),
            expiresAt: Math.floor(now / 1000) + 180,
          },
          pem,
        ),
      catch: (cause) =>
        new PortFailure({
          ...site,
          reason: new Unauthorized(),
          detail: `cannot sign with the private key: ${String(cause)}`,
        }),
    })
    const reply = yield* sendHttp(httpSite, {
      method: "POST",
      url: `${settings.loginUrl}/services/oauth2/token`,
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      text: new URLSearchParams({
        grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
        assertion,
      }).toString(),
    })
    if (reply.status !== 200)
      return yield* failureFromReply(
        { port: "HostCrm", operation: "authenticate" },
        reply.status,
        reply.json,
        reply.text,
      )
    const token = reply.json as RawTokenResponse
    if (typeof token?.access_token !== "string" || typeof token.instance_url !== "string") {
      return yield* new PortFailure({
        ...site,
        reason: new Unauthorized(),
        detail: "the token reply has no access_token or instance_url",
      })
    }
    return {
      accessToken: token.access_token,
      instanceUrl: trimSlash(token.instance_url),
    } satisfies SalesforceSession
  })

/** Builds the session provider for the configured credentials. */
export const makeSessionProvider = (settings: ResolvedSettings): Effect.Effect<SessionProvider> =>
  Effect.gen(function* () {
    const credentials = settings.credentials
    if (credentials.kind === "accessToken") {
      let valid = true
      const session = {
        accessToken: Redacted.value(credentials.accessToken),
        instanceUrl: trimSlash(credentials.instanceUrl),
      }
      return {
        current: Effect.suspend(() =>
          valid
            ? Effect.succeed(session)
            : Effect.fail(
                new PortFailure({
                  ...site,
                  reason: new Unauthorized(),
                  detail:
                    "the access token was rejected and cannot be renewed here; configure the JWT flow for unattended use",
                }),
              ),
        ),
        invalidate: () =>
          Effect.sync(() => {
            valid = false
            return false
          }),
      }
    }
    let instanceUrl = ""
    const cache = yield* makeTokenCache(
      Effect.map(requestJwtSession(settings), (session) => {
        instanceUrl = session.instanceUrl
        return { token: session.accessToken, expiresInSeconds: settings.sessionSeconds }
      }),
    )
    return {
      current: Effect.map(cache.get, (accessToken) => ({ accessToken, instanceUrl })),
      invalidate: (accessToken: string) => Effect.as(cache.invalidate(accessToken), true),
    }
  })
