import { Effect } from "effect"
import type { WeComClient } from "../client/wecom-client.ts"
import type { RawWeComDepartment } from "./raw-schemas.ts"

/**
 * A department and all departments below it, with their leaders.
 * https://developer.work.weixin.qq.com/document/path/90208
 * `GET /cgi-bin/department/list?id=`
 */
export const listDepartments = (client: WeComClient, id?: number) =>
  Effect.map(
    client.call({
      site: { port: "Directory", operation: "departments", resource: "department", id: String(id ?? "") },
      method: "GET",
      path: "/cgi-bin/department/list",
      query: { id },
    }),
    (body) => (body.department ?? []) as ReadonlyArray<RawWeComDepartment>,
  )
