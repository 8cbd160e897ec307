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
  type PortFailure,
} from "@tixi/core"
import { Config, ConfigProvider, Context, Effect, Layer, Option } from "effect"
import { makeWeComApprovals, type WeComApprovals } from "./approvals/approvals-service.ts"
import { makeWeComTemplates } from "./approvals/template-registry.ts"
import { makeWeComClient, type WeComClient } from "./client/wecom-client.ts"
import { makeWeComDirectory } from "./directory/directory-service.ts"
import {
  type AcceptedWeComCallback,
  makeWeComCallbackHandler,
  type RawWeComRequest,
  type RejectedWeComCallback,
} from "./events/http-callback.ts"
import { makeOutcomeMapper, type WeComTaskDecision } from "./events/map-outcome.ts"
import type { WeComApprovalEvent } from "./events/wecom-event.ts"
import { installTemplates, type TemplatePlanStep } from "./install/install-templates.ts"
import { makeWeComNotifier } from "./notifier/notifier-service.ts"
import { resolveSettings, reveal, type WeComSettings } from "./settings.ts"

/** Everything the WeCom adapter offers, as Effects. */
export interface WeComAdapter {
  readonly client: WeComClient
  readonly approvals: WeComApprovals
  readonly directory: DirectoryService
  /** App messages (应用消息) from the app; needs `agentId`. */
  readonly notifier: NotifierService
  /** Creates or updates the approval templates; `dryRun` prints the plan only. */
  readonly install: (options: {
    readonly dryRun: boolean
  }) => Effect.Effect<ReadonlyArray<TemplatePlanStep>, PortFailure>
  /** Verifies a callback request (URL verification GET or message POST); needs `settings.callback`. */
  readonly handleCallback: (request: RawWeComRequest) => AcceptedWeComCallback | RejectedWeComCallback
  /** The tixi outcome of a final approval change, or undefined. */
  readonly toOutcome: (
    event: WeComApprovalEvent,
  ) => Effect.Effect<ApprovalOutcomeEvent | undefined, PortFailure>
  /** One approver's decision from an approval change, for the approval process. */
  readonly toTaskDecision: (
    event: WeComApprovalEvent,
  ) => Effect.Effect<WeComTaskDecision | undefined, PortFailure>
}

/** The adapter as a service, for programs that want more than the ports. */
export class WeCom extends Context.Service<WeCom, WeComAdapter>()("@tixi/adapter-wecom/WeCom") {}

/** Builds the WeCom adapter from its settings. */
export const make = (settings: WeComSettings): Effect.Effect<WeComAdapter> =>
  Effect.gen(function* () {
    const resolved = resolveSettings(settings)
    const client = yield* makeWeComClient(resolved)
    const ids = makeIdMapping(resolved.ids, "WeCom")
    const templates = makeWeComTemplates(client)
    const approvals = makeWeComApprovals(client, templates, ids)
    const directory = makeWeComDirectory(client, ids)
    const mapper = makeOutcomeMapper(approvals, resolved.locale, ids.personIdOf)
    const callback = resolved.callback
    const handler =
      callback === undefined
        ? undefined
        : makeWeComCallbackHandler({
            keys: {
              token: reveal(callback.token),
              encodingAesKey: reveal(callback.encodingAesKey),
              receiveId: callback.receiveId,
              otherIds: [{ kind: "corpId", value: resolved.corpId }],
            },
            seen: makeRecentIds(),
          })
    return {
      client,
      approvals,
      directory,
      notifier: makeWeComNotifier(client, ids),
      install: (options) => installTemplates(client, templates, options),
      handleCallback: (request) => {
        if (handler === undefined)
          throw new TypeError("settings.callback is needed to verify WeCom callbacks")
        return handler(request)
      },
      toOutcome: mapper.toOutcome,
      toTaskDecision: mapper.toTaskDecision,
    }
  })

/** A layer providing `Approvals`, `Directory`, `Notifier` and the adapter itself (`WeCom`). */
export const layer = (settings: WeComSettings) =>
  Layer.effectContext(
    Effect.map(make(settings), (adapter) =>
      Context.make(Approvals, adapter.approvals).pipe(
        Context.add(Directory, adapter.directory),
        Context.add(Notifier, adapter.notifier),
        Context.add(WeCom, adapter),
      ),
    ),
  )

const configError = (message: string) => new Config.ConfigError(new ConfigProvider.SourceError({ message }))

/**
 * The settings from the environment: `TIXI_WECOM_CORP_ID`, `TIXI_WECOM_CORP_SECRET` (redacted),
 * optionally `TIXI_WECOM_AGENT_ID`, and for callbacks `TIXI_WECOM_CALLBACK_TOKEN` and
 * `TIXI_WECOM_CALLBACK_AES_KEY` (redacted) with `TIXI_WECOM_CALLBACK_RECEIVE_ID` (default the
 * corp id; `suiteId:<value>` for suites). A missing variable fails with its name.
 */
export const settingsConfig = Config.all({
  corpId: Config.NonEmptyString("TIXI_WECOM_CORP_ID"),
  corpSecret: Config.Redacted("TIXI_WECOM_CORP_SECRET"),
  agentId: Config.option(Config.Int("TIXI_WECOM_AGENT_ID")),
  callbackToken: Config.option(Config.Redacted("TIXI_WECOM_CALLBACK_TOKEN")),
  callbackAesKey: Config.option(Config.Redacted("TIXI_WECOM_CALLBACK_AES_KEY")),
  receiveId: Config.option(Config.NonEmptyString("TIXI_WECOM_CALLBACK_RECEIVE_ID")),
}).pipe(
  Config.mapEffect((env) => {
    const settings: { -readonly [K in keyof WeComSettings]: WeComSettings[K] } = {
      corpId: env.corpId,
      corpSecret: env.corpSecret,
    }
    if (Option.isSome(env.agentId)) settings.agentId = env.agentId.value
    if (Option.isSome(env.callbackToken) !== Option.isSome(env.callbackAesKey)) {
      return Effect.fail(
        configError("set both TIXI_WECOM_CALLBACK_TOKEN and TIXI_WECOM_CALLBACK_AES_KEY, or neither"),
      )
    }
    if (Option.isSome(env.callbackToken) && Option.isSome(env.callbackAesKey)) {
      const raw = Option.getOrUndefined(env.receiveId)
      let receiveId: { kind: "corpId" | "suiteId"; value: string } = { kind: "corpId", value: env.corpId }
      if (raw !== undefined) {
        const [kind, value] = raw.includes(":")
          ? [raw.slice(0, raw.indexOf(":")), raw.slice(raw.indexOf(":") + 1)]
          : ["corpId", raw]
        if ((kind !== "corpId" && kind !== "suiteId") || value.length === 0) {
          return Effect.fail(
            configError(`TIXI_WECOM_CALLBACK_RECEIVE_ID must be a corp id or suiteId:<value>, got ${raw}`),
          )
        }
        receiveId = { kind, value }
      }
      settings.callback = {
        token: env.callbackToken.value,
        encodingAesKey: env.callbackAesKey.value,
        receiveId,
      }
    }
    return Effect.succeed(settings as WeComSettings)
  }),
)

/** The layer with settings from the environment, plus any code-only settings. */
export const layerConfig = (extra: Omit<Partial<WeComSettings>, "corpId" | "corpSecret"> = {}) =>
  Layer.unwrap(
    Effect.gen(function* () {
      const settings = yield* settingsConfig
      return layer({ ...extra, ...settings })
    }),
  )

/** The adapter for callers who do not use Effect: every operation returns a Promise. */
export interface WeComAdapterClient {
  readonly approvals: {
    readonly submit: (submission: ApprovalSubmission) => Promise<ApprovalRecord>
    readonly withdraw: (id: string, reason: string) => Promise<ApprovalRecord>
    readonly get: (id: string) => Promise<ApprovalRecord>
    readonly findByKey: (key: string) => Promise<ApprovalRecord | undefined>
    readonly list: (from: number, to: number) => Promise<ReadonlyArray<ApprovalRecord>>
  }
  readonly directory: {
    readonly person: (id: string) => Promise<Person>
    readonly people: (query: PeopleQuery) => Promise<ReadonlyArray<Person>>
    readonly department: (id: string) => Promise<Department>
    readonly departments: () => Promise<ReadonlyArray<Department>>
  }
  readonly notify: (draft: NotificationDraft) => Promise<DeliveredNotification>
  readonly install: (options: { readonly dryRun: boolean }) => Promise<ReadonlyArray<TemplatePlanStep>>
  readonly handleCallback: (request: RawWeComRequest) => AcceptedWeComCallback | RejectedWeComCallback
  readonly toOutcome: (event: WeComApprovalEvent) => Promise<ApprovalOutcomeEvent | undefined>
}

/** A plain WeCom client (DESIGN rule 3): `createWeComAdapter({ corpId, corpSecret, … })`. */
export function createWeComAdapter(settings: WeComSettings): WeComAdapterClient {
  const adapter = Effect.runSync(make(settings))
  const run = <A>(effect: Effect.Effect<A, unknown>) => Effect.runPromise(effect)
  return {
    approvals: {
      submit: (submission) => run(adapter.approvals.submit(submission)),
      withdraw: (id, reason) => run(adapter.approvals.withdraw(id as never, reason)),
      get: (id) => run(adapter.approvals.get(id as never)),
      findByKey: (key) => run(adapter.approvals.findByKey(key)),
      list: (from, to) => run(adapter.approvals.list(from, to)),
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
  }
}
