import { Effect } from "effect"
import type { WeComClient } from "../client/wecom-client.ts"
import type { RawApprovalDetail } from "./raw-schemas.ts"

/**
 * One approval with its records and form values.
 * https://developer.work.weixin.qq.com/document/path/91983
 * `POST /cgi-bin/oa/getapprovaldetail`
 */
export const getApprovalDetail = (client: WeComClient, spNo: string) =>
  Effect.map(
    client.call({
      site: { port: "Approvals", operation: "get", resource: "approval", id: spNo },
      method: "POST",
      path: "/cgi-bin/oa/getapprovaldetail",
      json: { sp_no: spNo },
    }),
    (body) => (body.info ?? {}) as RawApprovalDetail,
  )
