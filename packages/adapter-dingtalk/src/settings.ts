import {
  checkApproverAudience,
  checkDirectoryMapping,
  type DirectoryMapping,
  defaultApprovalForms,
  type HostAudience,
  type HostIdMapping,
  reveal,
  type Secret,
} from "@tixi/adapter-kit"
import type { AccessPolicy, AnyForm, Locale } from "@tixi/core"
import type { DingTalkOwnerKey } from "./events/dingtalk-crypto.ts"

/**
 * Secrets are `Redacted` (or plain strings for callers without Effect); re-exported from the kit,
 * with the default forms, so `forms: [...defaultApprovalForms, yours]` needs no other import.
 */
export { defaultApprovalForms, reveal, type Secret }

/** The keys of the HTTP callback subscription (开发者后台 → 事件订阅 → HTTP 推送). */
export interface DingTalkCallbackSettings {
  /** The signing token (3–32 letters and digits). */
  readonly token: Secret
  /** The 43-character 数据加密密钥. */
  readonly aesKey: Secret
  /**
   * The id DingTalk appends to every plaintext, tagged with which id it is: the appKey for
   * subscriptions made in the developer console, the corpId for the legacy registered callback
   * API, the suiteKey for ISV apps. A mismatch names the id DingTalk used instead.
   */
  readonly ownerKey: DingTalkOwnerKey
}

/**
 * How tixi's ids map to DingTalk's. Unmapped people are their DingTalk userid; unmapped
 * departments their dept_id. Map them when tixi's ids come from elsewhere (a CRM, an HR system).
 */
export type DingTalkIdMapping = HostIdMapping

/**
 * Everything the DingTalk adapter needs; only the app's key and secret are required. The directory
 * mapping (`roleNames`, `postNames`, `departmentPosts`) reads a user's DingTalk role names (角色)
 * and job title (职位) as host names.
 */
export interface DingTalkSettings extends DirectoryMapping {
  /** The app's AppKey (Client ID). */
  readonly appKey: string
  /** The app's AppSecret (Client Secret). */
  readonly appSecret: Secret
  /** The organisation's corpId, if known: named in errors when a callback was encrypted for it. */
  readonly corpId?: string
  /** The app's AgentId, for work notices. */
  readonly agentId?: number
  readonly callback?: DingTalkCallbackSettings
  /**
   * The forms approvals are filled in on (default `defaultApprovalForms` of `@tixi/adapter-kit`:
   * the core's request forms and 客户投诉处理表). Templates are created from them by `install`, and
   * submissions are rendered against them.
   */
  readonly forms?: ReadonlyArray<AnyForm>
  /** Known processCodes by form id (what `install` printed); others are looked up by template name. */
  readonly processCodes?: Readonly<Record<string, string>>
  /** The language of template names and control labels (default zh-CN, as staff read them). */
  readonly locale?: Locale
  /**
   * Who approves in DingTalk: values above it go as "（保密）" (default `defaultApproverAudience`,
   * `secret` with every module, since the approvers are the credit, finance and service managers).
   */
  readonly approverAudience?: HostAudience
  /** The company's access rules (levels it reclassifies, need-to-know); default the handbook's. */
  readonly accessPolicy?: AccessPolicy
  /** Prefix of template names, to keep tixi's templates apart from the company's own. */
  readonly templateNamePrefix?: string
  readonly ids?: DingTalkIdMapping
  /** How far back `findByKey` looks for an instance submitted before a crash (default 7 days). */
  readonly idempotencyWindowDays?: number
  /** Requests per second this process sends (default 20; DingTalk bans an IP above 500/s). */
  readonly requestsPerSecond?: number
  /** How long the directory snapshot is reused (default 5 minutes). */
  readonly directoryCacheSeconds?: number
  /** Defaults https://api.dingtalk.com and https://oapi.dingtalk.com; point them at a fake in tests. */
  readonly apiBaseUrl?: string
  readonly oapiBaseUrl?: string
  /** Per-request deadline (default 10 s). */
  readonly timeoutMillis?: number
}

/** The settings with their defaults applied. */
export interface ResolvedDingTalkSettings extends DingTalkSettings {
  readonly forms: ReadonlyArray<AnyForm>
  readonly locale: Locale
  readonly templateNamePrefix: string
  readonly idempotencyWindowDays: number
  readonly requestsPerSecond: number
  readonly directoryCacheSeconds: number
  readonly apiBaseUrl: string
  readonly oapiBaseUrl: string
  readonly timeoutMillis: number
}

/** Applies the defaults and checks what a typo would break silently. */
export function resolveSettings(settings: DingTalkSettings): ResolvedDingTalkSettings {
  if (settings.appKey.trim().length === 0) throw new TypeError("DingTalk appKey must not be empty")
  if (reveal(settings.appSecret).length === 0) throw new TypeError("DingTalk appSecret must not be empty")
  if (settings.callback !== undefined && typeof (settings.callback.ownerKey as unknown) === "string") {
    throw new TypeError(
      'DingTalk callback.ownerKey must say which id it is: { kind: "appKey" | "corpId" | "suiteKey", value }',
    )
  }
  checkDirectoryMapping("DingTalk", settings)
  checkApproverAudience("DingTalk", settings.approverAudience)
  return {
    ...settings,
    forms: settings.forms ?? defaultApprovalForms,
    locale: settings.locale ?? "zh-CN",
    templateNamePrefix: settings.templateNamePrefix ?? "",
    idempotencyWindowDays: settings.idempotencyWindowDays ?? 7,
    requestsPerSecond: settings.requestsPerSecond ?? 20,
    directoryCacheSeconds: settings.directoryCacheSeconds ?? 300,
    apiBaseUrl: (settings.apiBaseUrl ?? "https://api.dingtalk.com").replace(/\/$/, ""),
    oapiBaseUrl: (settings.oapiBaseUrl ?? "https://oapi.dingtalk.com").replace(/\/$/, ""),
    timeoutMillis: settings.timeoutMillis ?? 10_000,
  }
}
