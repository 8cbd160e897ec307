import { Effect } from "effect"
import type { DingTalkClient } from "../client/dingtalk-client.ts"
import type { RawDepartment } from "./raw-schemas.ts"

const result = <T>(body: unknown) => (body as { result?: T })?.result

/**
 * One department with its managers.
 * https://open.dingtalk.com/document/orgapp/query-department-details0-v2
 * `POST https://oapi.dingtalk.com/topapi/v2/department/get`
 */
export const getDepartment = (client: DingTalkClient, deptId: number) =>
  Effect.map(
    client.call({
      site: { port: "Directory", operation: "department", resource: "department", id: String(deptId) },
      api: "oapi",
      method: "POST",
      path: "/topapi/v2/department/get",
      json: { dept_id: deptId, language: "zh_CN" },
    }),
    (body) => result<RawDepartment>(body) as RawDepartment,
  )
