import { Effect } from "effect"
import type { WeComClient } from "../client/wecom-client.ts"

/** A page of approval numbers. */
export interface ApprovalNumberPage {
  readonly spNos: ReadonlyArray<string>
  readonly nextCursor: string | undefined
}

/**
 * Approval numbers submitted in a window of at most 31 days (seconds), 100 per page, filtered
 * by template, creator, department, status or record type — for reconciliation and for finding
 * an approval submitted before a crash.
 * https://developer.work.weixin.qq.com/document/path/91816
 * `POST /cgi-bin/oa/getapprovalinfo`
 */
export const getApprovalInfo = (
  client: WeComClient,
  input: {
    readonly starttime: number
    readonly endtime: number
    readonly new_cursor: string
    readonly filters: ReadonlyArray<{
      readonly key: "template_id" | "creator" | "department" | "sp_status" | "record_type"
      readonly value: string
    }>
  },
) =>
  Effect.map(
    client.call({
      site: { port: "Approvals", operation: "list" },
      method: "POST",
      path: "/cgi-bin/oa/getapprovalinfo",
      json: { ...input, size: 100 },
    }),
    (body): ApprovalNumberPage => {
      const next = body.new_next_cursor
      return {
        spNos: Array.isArray(body.sp_no_list) ? body.sp_no_list.map(String) : [],
        nextCursor: typeof next === "string" && next.length > 0 ? next : undefined,
      }
    },
  )
