import type { DirectoryService, FieldSpec, HostCrmService, HostFields, HostRecordId } from "@tixi/core"
import { Effect } from "effect"
import { type HubSpotAdapter, type HubSpotOptions, make } from "./adapter.ts"
import type { PortalCompany } from "./bulk/read-portal.ts"
import type { WriteBackOutcome, WriteBackProgress } from "./bulk/write-back.ts"
import type { InstallReport } from "./install/install.ts"
import { environmentVariables } from "./settings/layer-config.ts"
import type { SignedRequest } from "./webhooks/verify-signature.ts"
import type { WebhookOutcome } from "./webhooks/webhook-handler.ts"

/** A port with promises instead of effects, for callers who do not use Effect. */
export type Promised<Service extends { readonly host: string }> = {
  readonly [K in Exclude<keyof Service, "host">]: Service[K] extends (
    ...args: infer Args
  ) => Effect.Effect<infer Success, infer _Failure, infer _Requirements>
    ? (...args: Args) => Promise<Success>
    : never
}

/** The HostCrm port with promises instead of effects. */
export type PromisedHostCrm = Promised<HostCrmService>

/** The Directory port (owners and teams) with promises instead of effects. */
export type PromisedDirectory = Promised<DirectoryService>

/** The adapter for callers who do not use Effect: every method returns a promise. */
export interface HubSpotClientAdapter {
  readonly hostCrm: PromisedHostCrm
  readonly directory: PromisedDirectory
  readonly install: (options: {
    readonly dryRun: boolean
    readonly fields?: ReadonlyArray<FieldSpec>
  }) => Promise<InstallReport>
  readonly writeBack: (
    updates: ReadonlyArray<{ readonly id: HostRecordId; readonly fields: HostFields }>,
    options?: { readonly onProgress?: (progress: WriteBackProgress) => void },
  ) => Promise<WriteBackOutcome>
  readonly readCompanies: (options: {
    readonly modifiedSince?: number
    readonly onPage: (companies: ReadonlyArray<PortalCompany>) => void | Promise<void>
  }) => Promise<number>
  readonly handleWebhook: (request: SignedRequest) => Promise<WebhookOutcome>
  /** The Effect adapter underneath. */
  readonly adapter: () => Promise<HubSpotAdapter>
}

/**
 * Creates the HubSpot adapter without Effect (DESIGN rule 3). The access token, client secret and
 * app id fall back to `HUBSPOT_ACCESS_TOKEN`, `HUBSPOT_CLIENT_SECRET` and `HUBSPOT_APP_ID`; a
 * missing token fails at once, naming the variable.
 */
export function createHubSpotAdapter(
  settings: Omit<HubSpotOptions, "accessToken"> & {
    readonly accessToken?: HubSpotOptions["accessToken"]
  } = {},
): HubSpotClientAdapter {
  const accessToken = settings.accessToken ?? process.env[environmentVariables.accessToken]
  if (accessToken === undefined || (typeof accessToken === "string" && accessToken.trim() === "")) {
    throw new Error(
      `HubSpot access token missing: pass accessToken or set ${environmentVariables.accessToken} to a private app's access token`,
    )
  }
  const clientSecret = settings.clientSecret ?? process.env[environmentVariables.clientSecret]
  const appIdText = process.env[environmentVariables.appId]
  const appId = settings.appId ?? (appIdText === undefined ? undefined : Number(appIdText))
  const options: HubSpotOptions = {
    ...settings,
    accessToken,
    ...(clientSecret === undefined ? {} : { clientSecret }),
    ...(appId === undefined || Number.isNaN(appId) ? {} : { appId }),
  }
  let built: Promise<HubSpotAdapter> | undefined
  const adapter = () => {
    built ??= Effect.runPromise(make(options))
    return built
  }
  const run = <A, E>(use: (adapter: HubSpotAdapter) => Effect.Effect<A, E>) =>
    adapter().then((ready) => Effect.runPromise(use(ready)))
  const promised = <Service extends { readonly host: string }>(
    portOf: (ready: HubSpotAdapter) => Service,
  ): Promised<Service> =>
    new Proxy({} as Promised<Service>, {
      get:
        (_target, name: string) =>
        (...args: Array<unknown>) =>
          run((ready) =>
            (
              portOf(ready)[name as keyof Service] as (
                ...input: Array<unknown>
              ) => Effect.Effect<unknown, unknown>
            )(...args),
          ),
    })
  return {
    hostCrm: promised((ready) => ready.hostCrm),
    directory: promised((ready) => ready.directory),
    install: (request) => run((ready) => ready.install(request)),
    writeBack: (updates, writeOptions) =>
      run((ready) =>
        ready.writeBack(updates, {
          ...(writeOptions?.onProgress
            ? { onProgress: (progress) => Effect.sync(() => writeOptions.onProgress!(progress)) }
            : {}),
        }),
      ),
    readCompanies: (readOptions) =>
      run((ready) =>
        ready.readCompanies({
          ...(readOptions.modifiedSince === undefined ? {} : { modifiedSince: readOptions.modifiedSince }),
          onPage: (companies) => Effect.promise(async () => readOptions.onPage(companies)),
        }),
      ),
    handleWebhook: (request) => run((ready) => ready.handleWebhook(request)),
    adapter,
  }
}
