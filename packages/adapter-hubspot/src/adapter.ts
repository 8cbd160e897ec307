import { makeHostAudienceFilter } from "@tixi/adapter-kit"
import {
  Directory,
  type DirectoryService,
  PortFailure as Failure,
  type FieldSpec,
  HostCrm,
  type HostCrmService,
  type HostFields,
  type HostRecordId,
  InvalidRequest,
  type PortFailure,
} from "@tixi/core"
import { Context, Effect, Layer } from "effect"
import { type PortalCompany, type ReadProgress, readPortalCompanies } from "./bulk/read-portal.ts"
import { type WriteBackOptions, type WriteBackOutcome, writeBack } from "./bulk/write-back.ts"
import { makeHubSpotDirectory } from "./directory/make-hubspot-directory.ts"
import { type Gateway, type GatewayMetrics, makeGateway } from "./gateway/gateway.ts"
import type { HostCrmContext } from "./host-crm/context.ts"
import { makeFieldRegistry } from "./host-crm/field-registry.ts"
import { makeHubSpotHostCrm } from "./host-crm/make-host-crm.ts"
import { makeStageMap } from "./host-crm/stage-map.ts"
import { type InstallReport, install } from "./install/install.ts"
import { makePortalSchema } from "./install/portal-schema.ts"
import { readTokenInfo } from "./operations/read-token-info.ts"
import { type HubSpotSettings, type ResolvedSettings, resolveSettings } from "./settings/settings.ts"
import { makeInMemorySeenEvents, type SeenEvents } from "./webhooks/seen-events.ts"
import type { SignedRequest } from "./webhooks/verify-signature.ts"
import { handleHubSpotWebhook, type WebhookChange, type WebhookOutcome } from "./webhooks/webhook-handler.ts"

/** Options of the adapter beyond the portal settings. */
export interface HubSpotOptions extends HubSpotSettings {
  /** Only changes older than this are polled, so search has indexed them (default 10,000 ms). */
  readonly pollSettleMillis?: number
  /** Where webhook event ids are remembered (default: in memory for 25 hours). */
  readonly seenEvents?: SeenEvents
}

/** tixi inside one HubSpot portal: the HostCrm port and what only HubSpot offers. */
export interface HubSpotAdapter {
  /** The HostCrm port on the portal. */
  readonly hostCrm: HostCrmService
  /** The Directory port on the portal's owners and teams (see `makeHubSpotDirectory`). */
  readonly directory: DirectoryService
  /** Installs properties and the case pipeline (see `install.ts`); `dryRun` only plans. */
  readonly install: (options: {
    readonly dryRun: boolean
    readonly fields?: ReadonlyArray<FieldSpec>
  }) => Effect.Effect<InstallReport, PortFailure>
  /** Writes many customers' fields at the rate-limit ceiling, with progress. */
  readonly writeBack: (
    updates: ReadonlyArray<{ readonly id: HostRecordId; readonly fields: HostFields }>,
    options?: WriteBackOptions,
  ) => Effect.Effect<WriteBackOutcome, PortFailure>
  /** Reads every company with its revenue and deal facts, a page at a time. */
  readonly readCompanies: (options: {
    readonly modifiedSince?: number
    readonly onPage: (companies: ReadonlyArray<PortalCompany>) => Effect.Effect<void, PortFailure>
    readonly onProgress?: (progress: ReadProgress) => Effect.Effect<void>
  }) => Effect.Effect<number, PortFailure>
  /** Verifies, parses and deduplicates a webhook delivery; drops tixi's own writes. */
  readonly handleWebhook: (
    request: SignedRequest,
    options?: { readonly deliver?: (changes: ReadonlyArray<WebhookChange>) => Effect.Effect<void, unknown> },
  ) => Effect.Effect<WebhookOutcome, PortFailure>
  /** Requests sent, 429s met and retries made so far. */
  readonly metrics: GatewayMetrics
  readonly settings: ResolvedSettings
  /** The gateway every call goes through (for operations the adapter does not wrap). */
  readonly gateway: Gateway
}

/** The HubSpot adapter as an Effect service, beside `HostCrm`. */
export class HubSpot extends Context.Service<HubSpot, HubSpotAdapter>()("@tixi/adapter-hubspot/HubSpot") {}

/** Builds the adapter (DESIGN rule 3: `make`). Fails naming the setting when one is invalid. */
export const make = (options: HubSpotOptions): Effect.Effect<HubSpotAdapter, PortFailure> =>
  Effect.gen(function* () {
    const resolved = resolveSettings(options)
    if (resolved instanceof Failure) return yield* Effect.fail(resolved)
    const gateway = yield* makeGateway(resolved)
    const schema = makePortalSchema(gateway)
    // One filter per adapter: every write path asks it, none re-derives a level.
    const fields = makeFieldRegistry(
      schema,
      resolved.fields,
      makeHostAudienceFilter(resolved.audience, resolved.fields, resolved.accessPolicy),
    )
    const stages = makeStageMap(schema, resolved.stages, resolved.pipelineLabel)
    const appId =
      resolved.appId !== undefined
        ? Effect.succeed(String(resolved.appId))
        : yield* Effect.cached(
            Effect.map(readTokenInfo(gateway), (info) => String(info.app_id)).pipe(
              Effect.mapError(
                (failure) =>
                  new Failure({
                    port: "HostCrm",
                    operation: "appId",
                    reason: new InvalidRequest({
                      fields: [
                        { field: "appId", message: "could not be read from the token; set HUBSPOT_APP_ID" },
                      ],
                    }),
                    detail: `tixi needs the app id to tell its own writes from staff changes: ${failure.detail}`,
                  }),
              ),
            ),
          )
    const context: HostCrmContext = {
      gateway,
      schema,
      fields,
      stages,
      appId,
      createdActivities: new Map(),
      adoptedTickets: new Map(),
    }
    const hostCrm = makeHubSpotHostCrm(context, { settleMillis: options.pollSettleMillis ?? 10_000 })
    const seen = options.seenEvents ?? makeInMemorySeenEvents()
    return {
      hostCrm,
      directory: makeHubSpotDirectory(gateway),
      install: (request) =>
        Effect.gen(function* () {
          const specs = request.fields ?? resolved.fields
          const report = yield* install(gateway, schema, {
            fields: fields.receivable(specs),
            stages: resolved.stages,
            pipelineLabel: resolved.pipelineLabel,
            language: resolved.language,
            dryRun: request.dryRun,
          })
          if (!request.dryRun) fields.register(specs)
          return report
        }),
      writeBack: (updates, writeOptions) => writeBack(gateway, fields, updates, writeOptions),
      readCompanies: (readOptions) => readPortalCompanies(gateway, fields, readOptions),
      handleWebhook: (request, handlerOptions) =>
        Effect.gen(function* () {
          if (resolved.clientSecret === undefined) {
            return yield* new Failure({
              port: "HostCrm",
              operation: "handleWebhook",
              reason: new InvalidRequest({
                fields: [{ field: "clientSecret", message: "is required to verify webhooks" }],
              }),
              detail: "set HUBSPOT_CLIENT_SECRET (the app's client secret) to accept webhooks",
            })
          }
          return yield* handleHubSpotWebhook(request, {
            clientSecret: resolved.clientSecret,
            seen,
            ...(resolved.webhookUrl === undefined ? {} : { webhookUrl: resolved.webhookUrl }),
            ...(resolved.appId === undefined ? {} : { appId: resolved.appId }),
            ...(handlerOptions?.deliver ? { deliver: handlerOptions.deliver } : {}),
            fieldNameOf: (object, property) => fields.fieldNameOf(object, property),
          })
        }),
      metrics: gateway.metrics,
      settings: resolved,
      gateway,
    }
  })

/** A layer providing `HostCrm`, `Directory` (owners and teams) and `HubSpot` from explicit options. */
export const layer = (options: HubSpotOptions): Layer.Layer<HostCrm | Directory | HubSpot, PortFailure> =>
  Layer.effectContext(
    Effect.map(make(options), (adapter) =>
      Context.make(HostCrm, adapter.hostCrm).pipe(
        Context.add(Directory, adapter.directory),
        Context.add(HubSpot, adapter),
      ),
    ),
  )
