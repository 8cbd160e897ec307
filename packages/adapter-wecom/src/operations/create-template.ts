import { Effect } from "effect"
import type { WeComClient } from "../client/wecom-client.ts"
import type { RawControl, RawText } from "./raw-schemas.ts"

/**
 * Creates an approval template; returns its template_id.
 * https://developer.work.weixin.qq.com/document/path/97437
 * `POST /cgi-bin/oa/approval/create_template`
 */
export const createTemplate = (
  client: WeComClient,
  input: { readonly templateName: ReadonlyArray<RawText>; readonly controls: ReadonlyArray<RawControl> },
) =>
  Effect.map(
    client.call({
      site: {
        port: "Install",
        operation: "createTemplate",
        resource: "template",
        id: input.templateName[0]?.text ?? "",
      },
      method: "POST",
      path: "/cgi-bin/oa/approval/create_template",
      json: { template_name: input.templateName, template_content: { controls: input.controls } },
    }),
    (body) => String(body.template_id ?? ""),
  )
