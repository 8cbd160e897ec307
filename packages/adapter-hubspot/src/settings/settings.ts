import {
  type DirectoryMapping,
  defaultHostAudience,
  directoryMappingProblem,
  type HostAudience,
  type HostIdMapping,
  hostAudienceProblem,
  type IdMapping,
  makeIdMapping,
} from "@tixi/adapter-kit"
import {
  type AccessPolicy,
  defaultAccessPolicy,
  type FieldSpec,
  InvalidRequest,
  type Label,
  type Locale,
  type PersonId,
  PortFailure,
} from "@tixi/core"
import { Redacted } from "effect"
import { complaintCaseStages, tixiFields } from "../install/tixi-schema.ts"
import { type HubSpotTier, hubSpotTierLimits, hubSpotTiers, publicAppBurstPerTenSeconds } from "./tiers.ts"

/** One stage of tixi's case process as a ticket pipeline stage: its tixi name, label and state. */
export interface CaseStage {
  /** tixi's stage name, e.g. `registered`; `HostCase.stage` carries it. */
  readonly name: string
  readonly label: Label
  /** Whether a ticket in this stage is open or closed (HubSpot `ticketState`). */
  readonly state: "open" | "closed"
}

/**
 * How tixi's ids map to HubSpot's: `people` tixi person id → owner id (the `id` of
 * `/crm/v3/owners`, not the user id), `departments` tixi department id → team id. Unmapped people
 * are their owner id and unmapped departments their team id.
 */
export type HubSpotIdMapping = HostIdMapping

/**
 * How tixi runs inside one HubSpot portal. The directory mapping (`roleNames`, `postNames`,
 * `departmentPosts`) reads HubSpot team names and owner emails as host names: a team "投诉组" or an
 * owner `li@acme.cn` listed under `postNames.creditSupervisor` holds that post.
 */
export interface HubSpotSettings extends DirectoryMapping {
  /** A private-app or OAuth access token (`HUBSPOT_ACCESS_TOKEN`). */
  readonly accessToken: Redacted.Redacted<string> | string
  /** The portal's subscription tier, for the burst and daily limits (default `starter`: 100 per 10 s). */
  readonly tier?: HubSpotTier
  /** Whether the token belongs to a private app (the tier's limits) or a public OAuth app (110 per 10 s). */
  readonly appKind?: "private" | "public"
  /** Overrides the burst limit per 10 s (100, 110, 190 or 250). */
  readonly burstPerTenSeconds?: number
  /** Overrides the daily budget; tixi stops before spending more. */
  readonly dailyLimit?: number
  /** The portal's time zone: HubSpot resets the daily limit at its midnight (default `UTC`). */
  readonly timeZone?: string
  /**
   * The id of the app the token belongs to. tixi tells its own writes from staff changes by it
   * (HubSpot records the writing app as `sourceId`); discovered from the token when absent.
   */
  readonly appId?: number
  /** The app's client secret, which signs webhooks (`HUBSPOT_CLIENT_SECRET`). */
  readonly clientSecret?: Redacted.Redacted<string> | string
  /** The exact URL HubSpot posts webhooks to, as configured in the app (v2/v3 signatures cover it). */
  readonly webhookUrl?: string
  /** The portal's language: property and stage labels use it; the other goes in descriptions. */
  readonly language?: Locale
  /** The API origin (default `https://api.hubapi.com`); tests and examples point it at a fake. */
  readonly baseUrl?: string
  /**
   * tixi's custom fields on the portal, to create on install and to read back on every record
   * (default `tixiFields`, the complaint case's; add yours with `[...tixiFields, ...yours]`).
   */
  readonly fields?: ReadonlyArray<FieldSpec>
  /** The stages of the case pipeline, in order (default `complaintCaseStages`, the complaint flow). */
  readonly stages?: ReadonlyArray<CaseStage>
  /**
   * Who can see records in this portal: its users are salespeople and service staff, not the
   * finance department, so tixi writes only the fields they may all read (default `internal`, no
   * need-to-know modules: the credit limit and score, 秘密, stay in tixi). Raise it, e.g.
   * `{ clearance: "secret", modules: ["credit"] }`, when only the credit posts use the portal.
   */
  readonly audience?: HostAudience
  /** The company's access rules (levels it reclassifies, need-to-know); default the handbook's. */
  readonly accessPolicy?: AccessPolicy
  /** The label of tixi's ticket pipeline. */
  readonly pipelineLabel?: Label
  /**
   * Maps a tixi person to a HubSpot owner id, so tickets and tasks show their owner (default: the
   * person's owner id in `ids.people`, else a numeric person id as it is).
   */
  readonly ownerIdOf?: (person: PersonId) => string | undefined
  /** tixi people and departments ↔ HubSpot owners and teams, for the directory and record owners. */
  readonly ids?: HubSpotIdMapping
  /**
   * Each team's parent team, by tixi department id (`{ "complaints-desk": "customer-service" }`).
   * HubSpot shows parent and child teams on Enterprise portals but its API does not return them,
   * so a company whose approvers are found by department copies its hierarchy here. Default: flat.
   */
  readonly teamParents?: Readonly<Record<string, string>>
  /** How long the directory's owners and teams are reused before listing them again (default 5 minutes). */
  readonly directoryCacheSeconds?: number
  /** Milliseconds added to the 10-second window, for HubSpot's clock and window edges (default 100); latency is covered by holding each slot until its reply. */
  readonly safetyMarginMillis?: number
  /** Batch calls in flight at once during bulk work (default 8). */
  readonly concurrency?: number
  /** Milliseconds before one call is abandoned as unavailable (default 30 s). */
  readonly timeoutMillis?: number
  /** Attempts per call for retryable failures, the first included (default 8). */
  readonly maxAttempts?: number
}

/** Settings with every default applied and checked. */
export interface ResolvedSettings {
  readonly accessToken: Redacted.Redacted<string>
  readonly tier: HubSpotTier
  readonly appKind: "private" | "public"
  readonly burstPerTenSeconds: number
  readonly dailyLimit: number
  readonly timeZone: string
  readonly appId: number | undefined
  readonly clientSecret: Redacted.Redacted<string> | undefined
  readonly webhookUrl: string | undefined
  readonly language: Locale
  readonly baseUrl: string
  readonly fields: ReadonlyArray<FieldSpec>
  readonly stages: ReadonlyArray<CaseStage>
  readonly audience: HostAudience
  readonly accessPolicy: AccessPolicy
  readonly pipelineLabel: Label
  readonly ownerIdOf: (person: PersonId) => string | undefined
  readonly ids: IdMapping
  readonly mapping: DirectoryMapping
  readonly teamParents: Readonly<Record<string, string>>
  readonly directoryCacheSeconds: number
  readonly safetyMarginMillis: number
  readonly concurrency: number
  readonly timeoutMillis: number
  readonly maxAttempts: number
}

/** The default label of tixi's ticket pipeline. */
export const defaultPipelineLabel: Label = { "zh-CN": "tixi 客户投诉处理", en: "tixi complaints" }

const invalid = (field: string, message: string) =>
  new PortFailure({
    port: "HostCrm",
    operation: "settings",
    reason: new InvalidRequest({ fields: [{ field, message }] }),
    detail: `HubSpot settings: ${field} ${message}`,
  })

/** Applies defaults and checks settings; a bad value fails naming the setting. */
export function resolveSettings(settings: HubSpotSettings): ResolvedSettings | PortFailure {
  const token = Redacted.isRedacted(settings.accessToken)
    ? settings.accessToken
    : Redacted.make(settings.accessToken)
  if (Redacted.value(token).trim() === "") return invalid("accessToken", "is empty")
  const tier = settings.tier ?? "starter"
  if (!hubSpotTiers.includes(tier)) return invalid("tier", `must be one of ${hubSpotTiers.join(", ")}`)
  const appKind = settings.appKind ?? "private"
  const burst =
    settings.burstPerTenSeconds ??
    (appKind === "public" ? publicAppBurstPerTenSeconds : hubSpotTierLimits[tier].burstPerTenSeconds)
  if (!Number.isInteger(burst) || burst < 1 || burst > 1000) {
    return invalid("burstPerTenSeconds", "must be a whole number from 1 to 1000")
  }
  const dailyLimit = settings.dailyLimit ?? hubSpotTierLimits[tier].daily
  if (!Number.isInteger(dailyLimit) || dailyLimit < 1)
    return invalid("dailyLimit", "must be a positive whole number")
  const timeZone = settings.timeZone ?? "UTC"
  try {
    new Intl.DateTimeFormat("en", { timeZone })
  } catch {
    return invalid("timeZone", `${JSON.stringify(timeZone)} is not an IANA time zone`)
  }
  const stages = settings.stages ?? complaintCaseStages
  const stageNames = new Set<string>()
  for (const [index, stage] of stages.entries()) {
    if (stageNames.has(stage.name)) return invalid(`stages[${index}].name`, `${stage.name} is listed twice`)
    stageNames.add(stage.name)
  }
  const audience = settings.audience ?? defaultHostAudience
  const audienceProblem = hostAudienceProblem(audience)
  if (audienceProblem !== undefined) return invalid(audienceProblem.field, audienceProblem.message)
  const mappingProblem = directoryMappingProblem(settings)
  if (mappingProblem !== undefined) return invalid(mappingProblem.field, mappingProblem.message)
  for (const [team, parent] of Object.entries(settings.teamParents ?? {})) {
    if (typeof parent !== "string" || parent.trim() === "" || parent === team)
      return invalid(`teamParents.${team}`, "must name another department")
  }
  const directoryCacheSeconds = settings.directoryCacheSeconds ?? 300
  if (!(directoryCacheSeconds >= 0)) return invalid("directoryCacheSeconds", "must be zero or more")
  let ids: IdMapping
  try {
    ids = makeIdMapping(settings.ids, "HubSpot")
  } catch (failure) {
    return invalid("ids", failure instanceof Error ? failure.message : String(failure))
  }
  const clientSecret =
    settings.clientSecret === undefined
      ? undefined
      : Redacted.isRedacted(settings.clientSecret)
        ? settings.clientSecret
        : Redacted.make(settings.clientSecret)
  return {
    accessToken: token,
    tier,
    appKind,
    burstPerTenSeconds: burst,
    dailyLimit,
    timeZone,
    appId: settings.appId,
    clientSecret,
    webhookUrl: settings.webhookUrl,
    language: settings.language ?? "zh-CN",
    baseUrl: (settings.baseUrl ?? "https://api.hubapi.com").replace(/\/+$/, ""),
    fields: settings.fields ?? tixiFields,
    stages,
    audience,
    accessPolicy: settings.accessPolicy ?? defaultAccessPolicy,
    pipelineLabel: settings.pipelineLabel ?? defaultPipelineLabel,
    ownerIdOf:
      settings.ownerIdOf ??
      ((person) => {
        const owner = ids.userIdOf(person)
        return /^\d+$/.test(owner) ? owner : undefined
      }),
    ids,
    mapping: {
      ...(settings.roleNames === undefined ? {} : { roleNames: settings.roleNames }),
      ...(settings.postNames === undefined ? {} : { postNames: settings.postNames }),
      ...(settings.departmentPosts === undefined ? {} : { departmentPosts: settings.departmentPosts }),
    },
    teamParents: settings.teamParents ?? {},
    directoryCacheSeconds,
    safetyMarginMillis: settings.safetyMarginMillis ?? 100,
    concurrency: settings.concurrency ?? 8,
    timeoutMillis: settings.timeoutMillis ?? 30_000,
    maxAttempts: settings.maxAttempts ?? 8,
  }
}
