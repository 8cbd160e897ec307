import { Effect } from "effect"
import type { DingTalkClient } from "../client/dingtalk-client.ts"
import type { RawSchemaItem } from "./raw-schemas.ts"

/** A template's name and controls. */
export interface FormSchema {
  readonly name: string
  readonly items: ReadonlyArray<RawSchemaItem>
}

/**
 * The controls of the template with this processCode.
 * https://open.dingtalk.com/document/development/obtain-the-form-schema
 * `GET /v1.0/workflow/forms/schemas/processCodes?processCode=` (Workflow.Form.Read)
 */
export const getFormSchema = (client: DingTalkClient, processCode: string) =>
  Effect.map(
    client.call({
      site: { port: "Install", operation: "getFormSchema", resource: "form", id: processCode },
      api: "api",
      method: "GET",
      path: "/v1.0/workflow/forms/schemas/processCodes",
      query: { processCode },
    }),
    (body): FormSchema => {
      const result = (body as { result?: { name?: unknown; schemaContent?: { items?: unknown } } })?.result
      return {
        name: typeof result?.name === "string" ? result.name : "",
        items: Array.isArray(result?.schemaContent?.items)
          ? (result.schemaContent.items as ReadonlyArray<RawSchemaItem>)
          : [],
      }
    },
  )
