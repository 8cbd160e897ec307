import { Effect } from "effect"
import type { WeComClient } from "../client/wecom-client.ts"
import type { RawMember } from "./raw-schemas.ts"

/**
 * One member with departments, position, direct leaders and status.
 * https://developer.work.weixin.qq.com/document/path/90196
 * `GET /cgi-bin/user/get?userid=`
 */
export const getMember = (client: WeComClient, userid: string) =>
  Effect.map(
    client.call({
      site: { port: "Directory", operation: "person", resource: "person", id: userid },
      method: "GET",
      path: "/cgi-bin/user/get",
      query: { userid },
    }),
    (body) => body as unknown as RawMember,
  )
