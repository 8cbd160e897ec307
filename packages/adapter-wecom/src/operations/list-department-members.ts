import { Effect } from "effect"
import type { WeComClient } from "../client/wecom-client.ts"
import type { RawMember } from "./raw-schemas.ts"

/**
 * The members of one department with their details.
 * https://developer.work.weixin.qq.com/document/path/90201
 * `GET /cgi-bin/user/list?department_id=`
 */
export const listDepartmentMembers = (client: WeComClient, departmentId: number) =>
  Effect.map(
    client.call({
      site: { port: "Directory", operation: "people", resource: "department", id: String(departmentId) },
      method: "GET",
      path: "/cgi-bin/user/list",
      query: { department_id: departmentId },
    }),
    (body) => (body.userlist ?? []) as ReadonlyArray<RawMember>,
  )
