import {
  type ApprovalOutcomeEvent,
  Approvals,
  type ApprovalsService,
  Directory,
  type DirectoryService,
  type FieldSpec,
  HostCrm,
  type HostCrmService,
  type PortFailure,
  type ValidationError,
} from "@tixi/core"
import { Context, Effect, Layer, Result } from "effect"
import { makeSalesforceApprovals } from "./approvals/salesforce-approvals.ts"
import type { SessionProvider } from "./auth/session.ts"
import { makeChangeEventIntake } from "./changes/change-event-intake.ts"
import { makeSalesforceClient, type SalesforceClient } from "./client/salesforce-client.ts"
import { type CrmContext, makeCrmContext } from "./crm/crm-context.ts"
import { updateCustomerFields } from "./crm/customers.ts"
import { makeSalesforceHostCrm } from "./crm/salesforce-host-crm.ts"
import { makeSalesforceDirectory } from "./directory/salesforce-directory.ts"
import { type InstallPlan, install } from "./install/install.ts"
import {
  type PubSubOptions,
  type PubSubSubscription,
  subscribeToChangeEvents,
} from "./pubsub/pubsub-subscriber.ts"
import { type SalesforceConfigError, settingsFromEnvironment } from "./settings/layer-config.ts"
import { parseSalesforceSettings, type SalesforceSettings } from "./settings/settings.ts"
import {
  awaitBulkJob,
  finishBulkJob,
  type RecordWrite,
  type WriteOptions,
  type WriteReport,
  writeRecords,
} from "./writes/record-writes.ts"
import { chooseWritePath, estimateWrite, type WriteEstimate, type WritePath } from "./writes/write-plan.ts"

/** Everything the Salesforce adapter offers: the three ports and what only Salesforce has. */
export interface SalesforceAdapterService {
  readonly hostCrm: HostCrmService
  readonly approvals: ApprovalsService
  /** Users, roles and permission sets as tixi's people, posts and departments (`settings.directory`). */
  readonly directory: DirectoryService
  readonly client: SalesforceClient
  /** Installs tixi's own fields and the fields of `specs`; `dryRun` returns the plan only. */
  readonly install: (
    specs: ReadonlyArray<FieldSpec>,
    options: { readonly dryRun: boolean },
  ) => Effect.Effect<InstallPlan, PortFailure>
  /** Writes records by the cheapest path (or a forced one), reporting every record. */
  readonly writeRecords: (
    write: RecordWrite,
    options?: Omit<WriteOptions, "site"> & { readonly operation?: string },
  ) => Effect.Effect<WriteReport, PortFailure>
  /** Customer fields (grades, limits) by id, on a chosen path; the port's method picks the path itself. */
  readonly writeCustomerFields: (
    updates: ReadonlyArray<{ readonly id: string; readonly fields: Readonly<Record<string, unknown>> }>,
    path?: WritePath,
  ) => ReturnType<HostCrmService["updateCustomerFields"]>
  /** The calls each path would cost for `records` records, and the one tixi would choose. */
  readonly planWrite: (records: number) => {
    readonly estimates: ReadonlyArray<WriteEstimate>
    readonly chosen: WriteEstimate
  }
  /**
   * Resumes following a Bulk job (after a restart) and reports its rows against `write`: the
   * records that job carried (`onBulkJob` names their slice when a write took several jobs).
   */
  readonly resumeBulkJob: (jobId: string, write: RecordWrite) => Effect.Effect<WriteReport, PortFailure>
  /**
   * Subscribes to Change Data Capture through the Pub/Sub API; changes arrive through
   * `options.onChanges` (see `subscribeToChangeEvents`).
   */
  readonly subscribeChangeEvents: (options: PubSubOptions) => Effect.Effect<PubSubSubscription, PortFailure>
  /** Change Data Capture intake: events from any transport into `HostChange`s. */
  readonly changeEvents: ReturnType<typeof makeChangeEventIntake>
  /** Approval outcomes (approved, rejected, recalled) since a cursor, for the runtime to deliver. */
  readonly pollApprovalOutcomes: (
    cursor: string | undefined,
  ) => Effect.Effect<
    { readonly events: ReadonlyArray<ApprovalOutcomeEvent>; readonly cursor: string },
    PortFailure
  >
  /** The org's API usage as last reported (`Sforce-Limit-Info`). */
  readonly usage: SalesforceClient["usage"]
}

/** The adapter as an Effect service, beside `HostCrm` and `Approvals`. */
export class SalesforceAdapter extends Context.Service<SalesforceAdapter, SalesforceAdapterService>()(
  "@tixi/adapter-salesforce/SalesforceAdapter",
) {}

const build = (context: CrmContext): SalesforceAdapterService => {
  const approvals = makeSalesforceApprovals(context)
  const changeEvents = makeChangeEventIntake(context)
  return {
    hostCrm: makeSalesforceHostCrm(context),
    approvals,
    directory: makeSalesforceDirectory(context),
    client: context.client,
    install: (specs, options) => install(context, specs, options),
    writeRecords: (write, options = {}) =>
      writeRecords(context.client, write, context.costModel, {
        ...options,
        site: { port: "HostCrm", operation: options.operation ?? "writeRecords" },
      }),
    writeCustomerFields: (updates, path) =>
      updateCustomerFields(
        context,
        updates as Parameters<typeof updateCustomerFields>[1],
        path === undefined ? {} : { path },
      ),
    planWrite: (records) => ({
      estimates: estimateWrite(records, context.costModel),
      chosen: chooseWritePath(records, context.costModel),
    }),
    resumeBulkJob: (jobId, write) =>
      Effect.gen(function* () {
        const before = yield* context.client.callsSent
        yield* awaitBulkJob(context.client, jobId, context.costModel, "resumeBulkJob")
        const outcomes = yield* finishBulkJob(context.client, write, jobId, context.costModel, {
          port: "HostCrm",
          operation: "resumeBulkJob",
        })
        return {
          path: "bulk" as const,
          outcomes,
          calls: (yield* context.client.callsSent) - before,
          jobIds: [jobId],
        }
      }),
    changeEvents,
    subscribeChangeEvents: (options) =>
      subscribeToChangeEvents(context.client, changeEvents, options, context.identity),
    pollApprovalOutcomes: approvals.pollOutcomes,
    usage: context.client.usage,
  }
}

/**
 * Builds the adapter from settings: validated first (every problem with its path), then a client
 * with the pinned API version. No call is made until the first operation.
 */
export const make = (
  settings: SalesforceSettings,
  options: { readonly sessions?: SessionProvider } = {},
): Effect.Effect<SalesforceAdapterService, ValidationError> =>
  Effect.gen(function* () {
    const parsed = parseSalesforceSettings(settings)
    if (Result.isFailure(parsed)) return yield* Effect.fail(parsed.failure)
    const client = yield* makeSalesforceClient(parsed.success, options)
    return build(makeCrmContext(client))
  })

const provide = (adapter: SalesforceAdapterService) =>
  Context.make(SalesforceAdapter, adapter).pipe(
    Context.add(HostCrm, adapter.hostCrm),
    Context.add(Approvals, adapter.approvals),
    Context.add(Directory, adapter.directory),
  )

/** A layer providing `HostCrm`, `Approvals`, `Directory` and `SalesforceAdapter`. */
export const layer = (
  settings: SalesforceSettings,
): Layer.Layer<SalesforceAdapter | HostCrm | Approvals | Directory, ValidationError> =>
  Layer.effectContext(Effect.map(make(settings), provide))

/** The layer with settings from the environment (see `settingsFromEnvironment`); `extra` adds the rest. */
export const layerConfig = (
  extra: Omit<SalesforceSettings, "credentials" | "loginUrl" | "apiVersion"> = {},
): Layer.Layer<
  SalesforceAdapter | HostCrm | Approvals | Directory,
  ValidationError | SalesforceConfigError
> =>
  Layer.effectContext(
    Effect.flatMap(settingsFromEnvironment(extra), (settings) => Effect.map(make(settings), provide)),
  )

/** The adapter for callers who do not use Effect: the same operations, as promises. */
export interface SalesforceAdapterClient {
  readonly install: (
    specs: ReadonlyArray<FieldSpec>,
    options: { readonly dryRun: boolean },
  ) => Promise<InstallPlan>
  readonly hostCrm: {
    readonly [K in Exclude<keyof HostCrmService, "host">]: (
      ...args: Parameters<HostCrmService[K]>
    ) => Promise<Effect.Success<ReturnType<HostCrmService[K]>>>
  }
  readonly approvals: {
    readonly [K in Exclude<keyof ApprovalsService, "host">]: (
      ...args: Parameters<ApprovalsService[K]>
    ) => Promise<Effect.Success<ReturnType<ApprovalsService[K]>>>
  }
  readonly directory: {
    readonly [K in Exclude<keyof DirectoryService, "host">]: (
      ...args: Parameters<DirectoryService[K]>
    ) => Promise<Effect.Success<ReturnType<DirectoryService[K]>>>
  }
  readonly writeCustomerFields: (
    ...args: Parameters<SalesforceAdapterService["writeCustomerFields"]>
  ) => Promise<Effect.Success<ReturnType<SalesforceAdapterService["writeCustomerFields"]>>>
  readonly planWrite: SalesforceAdapterService["planWrite"]
  readonly pollApprovalOutcomes: (
    cursor: string | undefined,
  ) => Promise<{ readonly events: ReadonlyArray<ApprovalOutcomeEvent>; readonly cursor: string }>
  readonly usage: () => Promise<Effect.Success<SalesforceAdapterService["usage"]>>
  /** The Effect service underneath, for mixing both styles. */
  readonly service: SalesforceAdapterService
}

const promised = <Service extends object>(service: Service) =>
  new Proxy({} as Record<string, unknown>, {
    get: (_, name) => {
      const member = (service as Record<string | symbol, unknown>)[name]
      return typeof member === "function"
        ? (...args: Array<unknown>) => Effect.runPromise(member(...args) as Effect.Effect<unknown, unknown>)
        : member
    },
  })

/**
 * The adapter as a plain factory (DESIGN rule 3): validates the settings (throws the
 * `ValidationError` naming each bad field) and returns promise-returning operations.
 */
export function createSalesforceAdapter(settings: SalesforceSettings): SalesforceAdapterClient {
  const service = Effect.runSync(make(settings))
  return {
    install: (specs, options) => Effect.runPromise(service.install(specs, options)),
    hostCrm: promised(service.hostCrm) as unknown as SalesforceAdapterClient["hostCrm"],
    approvals: promised(service.approvals) as unknown as SalesforceAdapterClient["approvals"],
    directory: promised(service.directory) as unknown as SalesforceAdapterClient["directory"],
    writeCustomerFields: (updates, path) => Effect.runPromise(service.writeCustomerFields(updates, path)),
    planWrite: service.planWrite,
    pollApprovalOutcomes: (cursor) => Effect.runPromise(service.pollApprovalOutcomes(cursor)),
    usage: () => Effect.runPromise(service.usage),
    service,
  }
}
