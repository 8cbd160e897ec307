import { Effect } from "effect"
import type { DingTalkClient } from "../client/dingtalk-client.ts"

/**
 * The processCode of the template with this name, or undefined when there is none.
 * https://open.dingtalk.com/document/development/obtain-the-template-code
 * `GET /v1.0/workflow/processCentres/schemaNames/processCodes?name=` (Workflow.Form.Read)
 */
export const getProcessCodeByName = (client: DingTalkClient, name: string) =>
  client
    .call({
      site: { port: "Install", operation: "getProcessCodeByName", resource: "form", id: name },
      api: "api",
      method: "GET",
      path: "/v1.0/workflow/processCentres/schemaNames/processCodes",
      query: { name },
    })
    .pipe(
      Effect.map((body) => {
        const code = (body as { result?: { processCode?: unknown } })?.result?.processCode
        return typeof code === "string" && code.length > 0 ? code : undefined
      }),
      Effect.catchIf(
        (failure) => failure.reason._tag === "NotFound",
        () => Effect.succeed(undefined),
      ),
    )
