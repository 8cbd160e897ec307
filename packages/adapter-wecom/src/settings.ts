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
import type { WeComReceiveId } from "./events/wecom-crypto.ts"

/**
 * Secrets are `Redacted` (or plain strings for callers without Effect); re-exported from the kit,
 * with the default forms, so `forms: [...defaultApprovalForms, yours]` needs no other import.
 */
export { defaultApprovalForms, reveal, type Secret }

/** The keys of the app's callback (接收消息服务器配置). */
export interface WeComCallbackSettings {
  readonly token: Secret
  /** The 43-character EncodingAESKey. */
  readonly encodingAesKey: Secret
  /** The id WeCom appends to plaintexts: the corpId for internal apps, the suiteId for suites. */
  readonly receiveId: WeComReceiveId
}

/**
 * Everything the WeCom adapter needs; only the corp id and the secret are required. The directory
 * mapping (`roleNames`, `postNames`, `departmentPosts`) reads a member's tag names (标签) and
 * position (职务) as host names.
 */
export interface WeComSettings extends DirectoryMapping {
  readonly corpId: string
  /**
   * The secret of the approval app, or of a self-built app listed under 审批 → API → 可调用接口的应用
   * (only such apps may submit approvals and receive their callbacks).
   */
  readonly corpSecret: Secret
  readonly agentId?: number
  readonly callback?: WeComCallbackSettings
  /**
   * The forms approvals are filled in on (default `defaultApprovalForms` of `@tixi/adapter-kit`:
   * the core's request forms and 客户投诉处理表).
   */
  readonly forms?: ReadonlyArray<AnyForm>
  /**
   * Template ids by form id, as `install` printed them. WeCom has no API to find a template by
   * name, so keep them: without an id `install` creates the template and `submit` cannot find it.
   */
  readonly templateIds?: Readonly<Record<string, string>>
  /** The language of template names and control titles (default zh-CN). */
  readonly locale?: Locale
  /**
   * Who approves in WeCom: values above it go as "（保密）" (default `defaultApproverAudience`,
   * `secret` with every module, since the approvers are the credit, finance and service managers).
   */
  readonly approverAudience?: HostAudience
  /** The company's access rules (levels it reclassifies, need-to-know); default the handbook's. */
  readonly accessPolicy?: AccessPolicy
  readonly templateNamePrefix?: string
  readonly ids?: HostIdMapping
  /** How far back an approval submitted before a crash is searched for (default 7 days). */
  readonly idempotencyWindowDays?: number
  /** Requests per second this process sends (default 20; WeCom allows 10,000 a minute per API). */
  readonly requestsPerSecond?: number
  readonly directoryCacheSeconds?: number
  /** Default https://qyapi.weixin.qq.com; point it at a fake in tests. */
  readonly baseUrl?: string
  readonly timeoutMillis?: number
}

/** The settings with their defaults applied. */
export interface ResolvedWeComSettings extends WeComSettings {
  readonly forms: ReadonlyArray<AnyForm>
  readonly locale: Locale
  readonly templateNamePrefix: string
  readonly idempotencyWindowDays: number
  readonly requestsPerSecond: number
  readonly directoryCacheSeconds: number
  readonly baseUrl: string
  readonly timeoutMillis: number
}

/** Applies the defaults and checks what a typo would break silently. */
export function resolveSettings(settings: WeComSettings): ResolvedWeComSettings {
  if (settings.corpId.trim().length === 0) throw new TypeError("WeCom corpId must not be empty")
  if (reveal(settings.corpSecret).length === 0) throw new TypeError("WeCom corpSecret must not be empty")
  checkDirectoryMapping("WeCom", settings)
  checkApproverAudience("WeCom", settings.approverAudience)
  return {
    ...settings,
    forms: settings.forms ?? defaultApprovalForms,
    locale: settings.locale ?? "zh-CN",
    templateNamePrefix: settings.templateNamePrefix ?? "",
    idempotencyWindowDays: settings.idempotencyWindowDays ?? 7,
    requestsPerSecond: settings.requestsPerSecond ?? 20,
    directoryCacheSeconds: settings.directoryCacheSeconds ?? 300,
    baseUrl: (settings.baseUrl ?? "https://qyapi.weixin.qq.com").replace(/\/$/, ""),
    timeoutMillis: settings.timeoutMillis ?? 10_000,
  }
}
