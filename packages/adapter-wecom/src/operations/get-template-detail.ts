import { Effect } from "effect"
import type { WeComClient } from "../client/wecom-client.ts"
import type { RawControl, RawText } from "./raw-schemas.ts"

/** A template's names and controls. */
export interface TemplateDetail {
  readonly names: ReadonlyArray<RawText>
  readonly controls: ReadonlyArray<RawControl>
}

/**
 * A template's controls, with their ids and options (600 calls a minute).
 * https://developer.work.weixin.qq.com/document/path/91982
 * `POST /cgi-bin/oa/gettemplatedetail`
 */
export const getTemplateDetail = (client: WeComClient, templateId: string) =>
  Effect.map(
    client.call({
      site: { port: "Approvals", operation: "getTemplateDetail", resource: "template", id: templateId },
      method: "POST",
      path: "/cgi-bin/oa/gettemplatedetail",
      json: { template_id: templateId },
    }),
    (body): TemplateDetail => ({
      names: (body.template_names ?? []) as ReadonlyArray<RawText>,
      controls: ((body.template_content as { controls?: ReadonlyArray<RawControl> } | undefined)?.controls ??
        []) as ReadonlyArray<RawControl>,
    }),
  )
