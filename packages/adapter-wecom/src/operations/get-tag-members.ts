import { Effect } from "effect"
import type { WeComClient } from "../client/wecom-client.ts"

/**
 * The members (and departments) holding a tag.
 * https://developer.work.weixin.qq.com/document/path/90213
 * `GET /cgi-bin/tag/get?tagid=`
 */
export const getTagMembers = (client: WeComClient, tagid: number) =>
  Effect.map(
    client.call({
      site: { port: "Directory", operation: "tagMembers", resource: "tag", id: String(tagid) },
      method: "GET",
      path: "/cgi-bin/tag/get",
      query: { tagid },
    }),
    (body) => ({
      userIds: ((body.userlist ?? []) as ReadonlyArray<{ userid: string }>).map((user) => user.userid),
      partyIds: (body.partylist ?? []) as ReadonlyArray<number>,
    }),
  )
