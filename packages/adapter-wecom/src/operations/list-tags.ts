import { Effect } from "effect"
import type { WeComClient } from "../client/wecom-client.ts"

/**
 * The corp's tags (标签), which tixi reads as roles.
 * https://developer.work.weixin.qq.com/document/path/90216
 * `GET /cgi-bin/tag/list`
 */
export const listTags = (client: WeComClient) =>
  Effect.map(
    client.call({ site: { port: "Directory", operation: "tags" }, method: "GET", path: "/cgi-bin/tag/list" }),
    (body) => (body.taglist ?? []) as ReadonlyArray<{ readonly tagid: number; readonly tagname: string }>,
  )
