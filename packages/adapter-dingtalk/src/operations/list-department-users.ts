import { Effect } from "effect"
import type { DingTalkClient } from "../client/dingtalk-client.ts"
import type { RawUser } from "./raw-schemas.ts"

const result = <T>(body: unknown) => (body as { result?: T })?.result

/**
 * One page (≤ 100) of a department's users with their details.
 * https://open.dingtalk.com/document/orgapp/queries-the-complete-information-of-a-department-user
 * `POST https://oapi.dingtalk.com/topapi/v2/user/list`
 */
export const listDepartmentUsers = (client: DingTalkClient, deptId: number, cursor: number) =>
  Effect.map(
    client.call({
      site: { port: "Directory", operation: "people", resource: "department", id: String(deptId) },
      api: "oapi",
      method: "POST",
      path: "/topapi/v2/user/list",
      json: { dept_id: deptId, cursor, size: 100, contain_access_limit: false, language: "zh_CN" },
    }),
    (body) => {
      const page = result<{ list?: ReadonlyArray<RawUser>; has_more?: boolean; next_cursor?: number }>(body)
      return {
        users: page?.list ?? [],
        nextCursor: page?.has_more === true ? (page.next_cursor ?? undefined) : undefined,
      }
    },
  )
