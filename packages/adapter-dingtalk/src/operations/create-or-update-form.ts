import { Effect } from "effect"
import type { DingTalkClient } from "../client/dingtalk-client.ts"
import type { RawFormComponent } from "./raw-schemas.ts"

/** What `createOrUpdateForm` sends. */
export interface FormTemplateInput {
  /** Absent to create; the template's processCode to update it. */
  readonly processCode?: string
  readonly name: string
  readonly description?: string
  readonly formComponents: ReadonlyArray<RawFormComponent>
}

/**
 * Creates or updates an OA approval form template; returns its processCode.
 * https://open.dingtalk.com/document/development/create-an-approval-form-template
 * `POST /v1.0/workflow/forms` (Workflow.Form.Write)
 */
export const createOrUpdateForm = (client: DingTalkClient, input: FormTemplateInput) =>
  Effect.map(
    client.call({
      site: {
        port: "Install",
        operation: "createOrUpdateForm",
        resource: "form",
        id: input.processCode ?? input.name,
      },
      api: "api",
      method: "POST",
      path: "/v1.0/workflow/forms",
      json: {
        ...(input.processCode === undefined ? {} : { processCode: input.processCode }),
        name: input.name,
        ...(input.description === undefined ? {} : { description: input.description.slice(0, 300) }),
        formComponents: input.formComponents,
        templateConfig: { disableFormEdit: true, disableResubmit: true },
      },
    }),
    (body) => String((body as { result?: { processCode?: unknown } })?.result?.processCode ?? ""),
  )
