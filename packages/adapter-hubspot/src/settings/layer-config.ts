import { type FieldSpec, isLocale, type Label } from "@tixi/core"
import { Config, Effect, Layer, Option, Redacted } from "effect"
import { type HubSpotOptions, layer } from "../adapter.ts"
import type { CaseStage, HubSpotSettings } from "./settings.ts"
import { type HubSpotTier, hubSpotTiers } from "./tiers.ts"

/** The environment variables `layerConfig` reads. */
export const environmentVariables = {
  accessToken: "HUBSPOT_ACCESS_TOKEN",
  tier: "HUBSPOT_TIER",
  appKind: "HUBSPOT_APP_KIND",
  burstPerTenSeconds: "HUBSPOT_BURST_PER_10S",
  dailyLimit: "HUBSPOT_DAILY_LIMIT",
  timeZone: "HUBSPOT_TIME_ZONE",
  appId: "HUBSPOT_APP_ID",
  clientSecret: "HUBSPOT_CLIENT_SECRET",
  webhookUrl: "HUBSPOT_WEBHOOK_URL",
  language: "HUBSPOT_LANGUAGE",
  baseUrl: "HUBSPOT_BASE_URL",
} as const

/**
 * What the code supplies beside the environment: tixi's fields and case stages, and the directory
 * mapping and ids (which teams and owners hold which posts is the company's data, not a secret).
 */
export interface HubSpotDomain
  extends Pick<
    HubSpotSettings,
    "roleNames" | "postNames" | "departmentPosts" | "teamParents" | "ids" | "directoryCacheSeconds"
  > {
  readonly fields?: ReadonlyArray<FieldSpec>
  readonly stages?: ReadonlyArray<CaseStage>
  readonly pipelineLabel?: Label
  readonly pollSettleMillis?: number
}

const optional = <A>(config: Config.Config<A>) => Config.map(Config.option(config), Option.getOrUndefined)

/**
 * The adapter's settings from the environment: `HUBSPOT_ACCESS_TOKEN` (required, kept
 * `Redacted`), `HUBSPOT_TIER` (free, starter, professional, enterprise, api-add-on),
 * `HUBSPOT_APP_KIND` (private or public), `HUBSPOT_BURST_PER_10S`, `HUBSPOT_DAILY_LIMIT`,
 * `HUBSPOT_TIME_ZONE` (the portal's, for the daily reset), `HUBSPOT_APP_ID`,
 * `HUBSPOT_CLIENT_SECRET` (webhooks, `Redacted`), `HUBSPOT_WEBHOOK_URL`, `HUBSPOT_LANGUAGE`
 * (zh-CN or en) and `HUBSPOT_BASE_URL`. A missing or bad variable fails naming it.
 */
export const hubSpotConfig = (domain: HubSpotDomain = {}): Config.Config<HubSpotOptions> =>
  Config.all({
    accessToken: Config.Redacted(environmentVariables.accessToken),
    tier: optional(Config.Literals(hubSpotTiers as ReadonlyArray<HubSpotTier>, environmentVariables.tier)),
    appKind: optional(Config.Literals(["private", "public"] as const, environmentVariables.appKind)),
    burstPerTenSeconds: optional(Config.Int(environmentVariables.burstPerTenSeconds)),
    dailyLimit: optional(Config.Int(environmentVariables.dailyLimit)),
    timeZone: optional(Config.String(environmentVariables.timeZone)),
    appId: optional(Config.Int(environmentVariables.appId)),
    clientSecret: optional(Config.Redacted(environmentVariables.clientSecret)),
    webhookUrl: optional(Config.String(environmentVariables.webhookUrl)),
    language: optional(Config.Literals(["zh-CN", "en"] as const, environmentVariables.language)),
    baseUrl: optional(Config.String(environmentVariables.baseUrl)),
  }).pipe(
    Config.map((values): HubSpotOptions => {
      const options: Record<string, unknown> = { ...domain }
      for (const [name, value] of Object.entries(values)) if (value !== undefined) options[name] = value
      if (options.language !== undefined && !isLocale(options.language)) delete options.language
      return options as unknown as HubSpotOptions
    }),
  )

/** `layer` with settings read from the environment (DESIGN rule 3: `layerConfig`). */
export const layerConfig = (domain: HubSpotDomain = {}) =>
  Layer.unwrap(
    Effect.gen(function* () {
      const options = yield* hubSpotConfig(domain)
      if (Redacted.value(options.accessToken as Redacted.Redacted<string>).trim() === "") {
        return yield* Effect.fail(
          new Error(`${environmentVariables.accessToken} is empty: set it to the private app's access token`),
        )
      }
      return layer(options)
    }),
  )
