import type { WeComClient } from "../client/wecom-client.ts"
import type { RawControl, RawText } from "./raw-schemas.ts"

/**
 * Updates a template's name and controls in place; its flow and rules stay.
 * https://developer.work.weixin.qq.com/document/path/97438
 * `POST /cgi-bin/oa/approval/update_template`
 */
export const updateTemplate = (
  client: WeComClient,
  input: {
    readonly templateId: string
    readonly templateName: ReadonlyArray<RawText>
    readonly controls: ReadonlyArray<RawControl>
  },
) =>
  client.call({
    site: { port: "Install", operation: "updateTemplate", resource: "template", id: input.templateId },
    method: "POST",
    path: "/cgi-bin/oa/approval/update_template",
    json: {
      template_id: input.templateId,
      template_name: input.templateName,
      template_content: { controls: input.controls },
    },
  })
