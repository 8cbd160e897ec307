import { makeIdMapping, makeRecentIds } from "@tixi/adapter-kit"
import {
  type ApprovalOutcomeEvent,
  type ApprovalRecord,
  type ApprovalSubmission,
  Approvals,
  type DeliveredNotification,
  type Department,
  Directory,
  type DirectoryService,
  type NotificationDraft,
  Notifier,
  type NotifierService,
  type PeopleQuery,
  type Person,
} from "@tixi/core"
import { Config, ConfigProvider, Context, Effect, Layer, Option } from "effect"
import { type DingTalkApprovals, makeDingTalkApprovals } from "./approvals/approvals-service.ts"
import { makeTemplateRegistry } from "./approvals/process-codes.ts"
import { type DingTalkClient, makeDingTalkClient } from "./client/dingtalk-client.ts"
import { makeDingTalkDirectory } from "./directory/directory-service.ts"
import type { DingTalkOwnerKey } from "./events/dingtalk-crypto.ts"
import type { DingTalkApprovalEvent, DingTalkOtherEvent } from "./events/dingtalk-event.ts"
import {
  type AcceptedCallback,
  makeDingTalkCallbackHandler,
  type RawCallbackRequest,
  type RejectedCallback,
} from "./events/http-callback.ts"
import { type ApprovalTaskDecision, makeOutcomeMapper } from "./events/map-outcome.ts"
import { recoverFailedDeliveries } from "./events/recover-failed.ts"
import {
  type DingTalkStream,
  type DingTalkStreamOptions,
  startDingTalkStream,
} from "./events/stream-client.ts"
import { installTemplates, type TemplatePlanStep } from "./install/install-templates.ts"
import { makeDingTalkNotifier } from "./notifier/notifier-service.ts"
import { type DingTalkSettings, resolveSettings, reveal } from "./settings.ts"

/** Everything the DingTalk adapter offers, as Effects. */
export interface DingTalkAdapter {
  readonly client: DingTalkClient
  readonly approvals: DingTalkApprovals
  readonly directory: DirectoryService
  /** Work notices (工作通知) from the app; needs `agentId`. */
  readonly notifier: NotifierService
  /** Creates or updates the approval templates of the forms; `dryRun` prints the plan only. */
  readonly install: (options: {
    readonly dryRun: boolean
  }) => Effect.Effect<ReadonlyArray<TemplatePlanStep>, import("@tixi/core").PortFailure>
  /** Verifies an HTTP callback and gives the reply to send; needs `settings.callback`. */
  readonly handleCallback: (request: RawCallbackRequest) => AcceptedCallback | RejectedCallback
  /** The tixi outcome of a final instance event, or undefined (a start, or an instance tixi did not open). */
  readonly toOutcome: typeof import("./events/map-outcome.ts").makeOutcomeMapper extends (
    ...args: never
  ) => infer M
    ? M extends { toOutcome: infer F }
      ? F
      : never
    : never
  /** One approver's decision from a task event, for the approval process. */
  readonly toTaskDecision: (
    event: DingTalkApprovalEvent,
  ) => Effect.Effect<ApprovalTaskDecision | undefined, import("@tixi/core").PortFailure>
  /** Pulls the callbacks DingTalk failed to push during an outage (not seen before). */
  readonly recoverFailedDeliveries: Effect.Effect<
    ReadonlyArray<DingTalkApprovalEvent>,
    import("@tixi/core").PortFailure
  >
  /** Starts Stream mode with the app's credentials; events already seen over HTTP are skipped. */
  readonly startStream: (
    onEvent: (
      event: DingTalkApprovalEvent | DingTalkOtherEvent,
    ) => ReturnType<DingTalkStreamOptions["onEvent"]>,
    options?: Omit<DingTalkStreamOptions, "clientId" | "clientSecret" | "onEvent" | "seen">,
  ) => DingTalkStream
}

/** The adapter as a service, for programs that want more than the ports. */
export class DingTalk extends Context.Service<DingTalk, DingTalkAdapter>()(
  "@tixi/adapter-dingtalk/DingTalk",
) {}

/** Builds the DingTalk adapter from its settings. */
export const make = (settings: DingTalkSettings): Effect.Effect<DingTalkAdapter> =>
  Effect.gen(function* () {
    const resolved = resolveSettings(settings)
    const client = yield* makeDingTalkClient(resolved)
    const ids = makeIdMapping(resolved.ids, "DingTalk")
    const registry = makeTemplateRegistry(client)
    const approvals = makeDingTalkApprovals(client, registry, ids)
    const directory = makeDingTalkDirectory(client, ids)
    const seen = makeRecentIds()
    const mapper = makeOutcomeMapper(approvals, resolved.locale, ids.personIdOf)
    const callback = resolved.callback
    const otherKeys: Array<DingTalkOwnerKey> = [{ kind: "appKey", value: resolved.appKey }]
    if (resolved.corpId !== undefined) otherKeys.push({ kind: "corpId", value: resolved.corpId })
    const handler =
      callback === undefined
        ? undefined
        : makeDingTalkCallbackHandler({
            keys: {
              token: reveal(callback.token),
              aesKey: reveal(callback.aesKey),
              ownerKey: callback.ownerKey,
              otherKeys,
            },
            seen,
          })
    return {
      client,
      approvals,
      directory,
      notifier: makeDingTalkNotifier(client, ids),
      install: (options) => installTemplates(client, registry, options),
      handleCallback: (request) => {
        if (handler === undefined)
          throw new TypeError("settings.callback is needed to verify DingTalk callbacks")
        return handler(request)
      },
      toOutcome: mapper.toOutcome,
      toTaskDecision: mapper.toTaskDecision,
      recoverFailedDeliveries: recoverFailedDeliveries(client, seen),
      startStream: (onEvent, options = {}) =>
        startDingTalkStream({
          ...options,
          clientId: resolved.appKey,
          clientSecret: resolved.appSecret,
          onEvent,
          seen,
          ...(options.gatewayUrl === undefined
            ? { gatewayUrl: `${resolved.apiBaseUrl}/v1.0/gateway/connections/open` }
            : {}),
        }),
    }
  })

/** A layer providing `Approvals`, `Directory`, `Notifier` and the adapter itself (`DingTalk`). */
export const layer = (settings: DingTalkSettings) =>
  Layer.effectContext(
    Effect.map(make(settings), (adapter) =>
      Context.make(Approvals, adapter.approvals).pipe(
        Context.add(Directory, adapter.directory),
        Context.add(Notifier, adapter.notifier),
        Context.add(DingTalk, adapter),
      ),
    ),
  )

const ownerKinds = ["appKey", "corpId", "suiteKey"] as const

const configError = (message: string) => new Config.ConfigError(new ConfigProvider.SourceError({ message }))

/**
 * The settings from the environment: `TIXI_DINGTALK_APP_KEY`, `TIXI_DINGTALK_APP_SECRET`
 * (redacted), and optionally `TIXI_DINGTALK_CORP_ID`, `TIXI_DINGTALK_AGENT_ID`, and for HTTP
 * callbacks `TIXI_DINGTALK_CALLBACK_TOKEN`, `TIXI_DINGTALK_CALLBACK_AES_KEY` (both redacted) and
 * `TIXI_DINGTALK_CALLBACK_OWNER` written `appKey`, `corpId` or `suiteKey:<value>` (the kind alone
 * takes the app key or corp id configured above). A missing variable fails with its name.
 */
export const settingsConfig = Config.all({
  appKey: Config.NonEmptyString("TIXI_DINGTALK_APP_KEY"),
  appSecret: Config.Redacted("TIXI_DINGTALK_APP_SECRET"),
  corpId: Config.option(Config.NonEmptyString("TIXI_DINGTALK_CORP_ID")),
  agentId: Config.option(Config.Int("TIXI_DINGTALK_AGENT_ID")),
  callbackToken: Config.option(Config.Redacted("TIXI_DINGTALK_CALLBACK_TOKEN")),
  callbackAesKey: Config.option(Config.Redacted("TIXI_DINGTALK_CALLBACK_AES_KEY")),
  callbackOwner: Config.option(Config.NonEmptyString("TIXI_DINGTALK_CALLBACK_OWNER")),
}).pipe(
  Config.mapEffect((env) => {
    const settings: { -readonly [K in keyof DingTalkSettings]: DingTalkSettings[K] } = {
      appKey: env.appKey,
      appSecret: env.appSecret,
    }
    if (Option.isSome(env.corpId)) settings.corpId = env.corpId.value
    if (Option.isSome(env.agentId)) settings.agentId = env.agentId.value
    const parts: ReadonlyArray<Option.Option<unknown>> = [
      env.callbackToken,
      env.callbackAesKey,
      env.callbackOwner,
    ]
    if (parts.some((part) => Option.isSome(part))) {
      if (!parts.every((part) => Option.isSome(part))) {
        return Effect.fail(
          configError(
            "set all of TIXI_DINGTALK_CALLBACK_TOKEN, TIXI_DINGTALK_CALLBACK_AES_KEY and TIXI_DINGTALK_CALLBACK_OWNER, or none",
          ),
        )
      }
      const owner = Option.getOrThrow(env.callbackOwner)
      const [kind, explicit] = owner.includes(":")
        ? [owner.slice(0, owner.indexOf(":")), owner.slice(owner.indexOf(":") + 1)]
        : [owner, undefined]
      const value =
        explicit ??
        (kind === "appKey" ? env.appKey : kind === "corpId" ? Option.getOrUndefined(env.corpId) : undefined)
      if (!(ownerKinds as ReadonlyArray<string>).includes(kind) || value === undefined) {
        return Effect.fail(
          configError(
            `TIXI_DINGTALK_CALLBACK_OWNER must be appKey, corpId (with TIXI_DINGTALK_CORP_ID) or suiteKey:<value>, got ${owner}`,
          ),
        )
      }
      settings.callback = {
        token: Option.getOrThrow(env.callbackToken),
        aesKey: Option.getOrThrow(env.callbackAesKey),
        ownerKey: { kind: kind as DingTalkOwnerKey["kind"], value },
      }
    }
    return Effect.succeed(settings as DingTalkSettings)
  }),
)

/** The layer with settings from the environment (see `settingsConfig`), plus any code-only settings. */
export const layerConfig = (extra: Omit<Partial<DingTalkSettings>, "appKey" | "appSecret"> = {}) =>
  Layer.unwrap(
    Effect.gen(function* () {
      const settings = yield* settingsConfig
      return layer({ ...extra, ...settings })
    }),
  )

/** The adapter for callers who do not use Effect: every operation returns a Promise. */
export interface DingTalkAdapterClient {
  readonly approvals: {
    readonly submit: (submission: ApprovalSubmission) => Promise<ApprovalRecord>
    readonly withdraw: (id: string, reason: string) => Promise<ApprovalRecord>
    readonly get: (id: string) => Promise<ApprovalRecord>
    readonly findByKey: (key: string) => Promise<ApprovalRecord | undefined>
  }
  readonly directory: {
    readonly person: (id: string) => Promise<Person>
    readonly people: (query: PeopleQuery) => Promise<ReadonlyArray<Person>>
    readonly department: (id: string) => Promise<Department>
    readonly departments: () => Promise<ReadonlyArray<Department>>
  }
  readonly notify: (draft: NotificationDraft) => Promise<DeliveredNotification>
  readonly install: (options: { readonly dryRun: boolean }) => Promise<ReadonlyArray<TemplatePlanStep>>
  readonly handleCallback: (request: RawCallbackRequest) => AcceptedCallback | RejectedCallback
  readonly toOutcome: (event: DingTalkApprovalEvent) => Promise<ApprovalOutcomeEvent | undefined>
  readonly recoverFailedDeliveries: () => Promise<ReadonlyArray<DingTalkApprovalEvent>>
  readonly startStream: DingTalkAdapter["startStream"]
}

/** A plain DingTalk client (DESIGN rule 3): `createDingTalkAdapter({ appKey, appSecret, … })`. */
export function createDingTalkAdapter(settings: DingTalkSettings): DingTalkAdapterClient {
  const adapter = Effect.runSync(make(settings))
  const run = <A>(effect: Effect.Effect<A, unknown>) => Effect.runPromise(effect)
  return {
    approvals: {
      submit: (submission) => run(adapter.approvals.submit(submission)),
      withdraw: (id, reason) => run(adapter.approvals.withdraw(id as never, reason)),
      get: (id) => run(adapter.approvals.get(id as never)),
      findByKey: (key) => run(adapter.approvals.findByKey(key)),
    },
    directory: {
      person: (id) => run(adapter.directory.person(id as never)),
      people: (query) => run(adapter.directory.people(query)),
      department: (id) => run(adapter.directory.department(id as never)),
      departments: () => run(adapter.directory.departments()),
    },
    notify: (draft) => run(adapter.notifier.notify(draft)),
    install: (options) => run(adapter.install(options)),
    handleCallback: adapter.handleCallback,
    toOutcome: (event) => run(adapter.toOutcome(event)),
    recoverFailedDeliveries: () => run(adapter.recoverFailedDeliveries),
    startStream: adapter.startStream,
  }
}
