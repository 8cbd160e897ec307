import type { PortFailure } from "@tixi/core"
import { Effect, Redacted } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { HubSpotTokenInfo } from "../vendor/schemas.ts"

/** The app and account an access token belongs to. */
export const readTokenInfo = (gateway: Gateway): Effect.Effect<HubSpotTokenInfo, PortFailure> =>
  Effect.map(
    // https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/get-oauth-token-metadata
    gateway.send<{
      appId?: number
      hubId?: number
      app_id?: number
      hub_id?: number
      scopes?: ReadonlyArray<string>
    }>("readTokenInfo", (client) =>
      client.oauth.accessTokensApi.getWithHttpInfo(Redacted.value(gateway.settings.accessToken)),
    ),
    (reply) => ({
      app_id: reply.data.appId ?? reply.data.app_id ?? 0,
      hub_id: reply.data.hubId ?? reply.data.hub_id ?? 0,
      ...(reply.data.scopes ? { scopes: reply.data.scopes } : {}),
    }),
  )
