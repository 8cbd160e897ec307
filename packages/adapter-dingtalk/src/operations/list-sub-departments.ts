import { Effect } from "effect"
import type { DingTalkClient } from "../client/dingtalk-client.ts"
import type { RawDepartment } from "./raw-schemas.ts"

const result = <T>(body: unknown) => (body as { result?: T })?.result

/**
 * The direct sub-departments of a department.
 * https://open.dingtalk.com/document/orgapp/obtain-the-department-list-v2
 * `POST https://oapi.dingtalk.com/topapi/v2/department/listsub`
 */
export const listSubDepartments = (client: DingTalkClient, deptId: number) =>
  Effect.map(
    client.call({
      site: { port: "Directory", operation: "departments", resource: "department", id: String(deptId) },
      api: "oapi",
      method: "POST",
      path: "/topapi/v2/department/listsub",
      json: { dept_id: deptId, language: "zh_CN" },
    }),
    (body) => result<ReadonlyArray<RawDepartment>>(body) ?? [],
  )
