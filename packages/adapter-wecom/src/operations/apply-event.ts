import { Effect } from "effect"
import type { WeComClient } from "../client/wecom-client.ts"
import type { RawContent, RawText } from "./raw-schemas.ts"

/** What `applyEvent` sends. */
export interface ApplyEventInput {
  readonly creator_userid: string
  readonly template_id: string
  /** 0: the approvers below; 1: the template's own flow (with its conditions). */
  readonly use_template_approver: 0 | 1
  /**
   * Nodes of type 1 (approvers), `apv_rel` 1 all must approve (会签), 2 any one (或签), 3 in turn
   * (依次审批): the reverse of the legacy `approver[].attr` (doc 91853).
   */
  readonly process?: {
    readonly node_list: ReadonlyArray<{
      readonly type: 1 | 2 | 3
      readonly apv_rel?: 1 | 2 | 3
      readonly userid: ReadonlyArray<string>
    }>
  }
  readonly apply_data: { readonly contents: ReadonlyArray<RawContent> }
  readonly summary_list: ReadonlyArray<{ readonly summary_info: ReadonlyArray<RawText> }>
}

/**
 * Submits an approval for an employee; returns its sp_no. WeCom has no idempotency key, so this
 * sends once; retry it with `createOnce`.
 * https://developer.work.weixin.qq.com/document/path/91853
 * `POST /cgi-bin/oa/applyevent`
 */
export const applyEvent = (client: WeComClient, input: ApplyEventInput) =>
  Effect.map(
    client.call({
      site: { port: "Approvals", operation: "submit", resource: "template", id: input.template_id },
      method: "POST",
      path: "/cgi-bin/oa/applyevent",
      json: input,
      // No idempotency key: the caller retries with createOnce, looking for a lost submission first.
      retry: false,
    }),
    (body) => String(body.sp_no ?? ""),
  )
