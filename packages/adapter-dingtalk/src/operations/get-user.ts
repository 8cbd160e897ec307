import { Effect } from "effect"
import type { DingTalkClient } from "../client/dingtalk-client.ts"
import type { RawUser } from "./raw-schemas.ts"

const result = <T>(body: unknown) => (body as { result?: T })?.result

/**
 * One user with departments, manager, roles and title.
 * https://open.dingtalk.com/document/orgapp/query-user-details
 * `POST https://oapi.dingtalk.com/topapi/v2/user/get`
 */
export const getUser = (client: DingTalkClient, userid: string) =>
  Effect.map(
    client.call({
      site: { port: "Directory", operation: "person", resource: "person", id: userid },
      api: "oapi",
      method: "POST",
      path: "/topapi/v2/user/get",
      json: { userid, language: "zh_CN" },
    }),
    (body) => result<RawUser>(body) as RawUser,
  )
