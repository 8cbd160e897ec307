import { approvalReferenceControls as markerControls } from "@tixi/adapter-kit"
import { InvalidRequest, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { TemplateRegistry } from "../approvals/process-codes.ts"
import type { DingTalkClient } from "../client/dingtalk-client.ts"
import { renderTemplate, TemplateRenderError } from "../forms/render-template.ts"
import { createOrUpdateForm } from "../operations/create-or-update-form.ts"
import { getFormSchema } from "../operations/get-form-schema.ts"
import { getProcessCodeByName } from "../operations/get-process-code-by-name.ts"
import type { RawFormComponent, RawSchemaItem } from "../operations/raw-schemas.ts"
import { templateNameOf } from "./template-names.ts"

/** What install does (or would do) to one template. */
export interface TemplatePlanStep {
  readonly formId: string
  readonly name: string
  /** `conflict`: a template of that name exists that tixi did not create; it is left alone. */
  readonly action: "create" | "update" | "unchanged" | "conflict"
  readonly processCode: string | undefined
  readonly detail: string
}

interface Shape {
  readonly type: string
  readonly label: string
  readonly required: boolean
  readonly options: ReadonlyArray<string>
  readonly children: ReadonlyArray<Shape>
}

const optionText = (option: unknown): string => {
  if (typeof option === "string") {
    try {
      const parsed = JSON.parse(option) as { value?: unknown }
      return typeof parsed?.value === "string" ? parsed.value : option
    } catch {
      return option
    }
  }
  return String((option as { value?: unknown })?.value ?? "")
}

const desiredShape = (component: RawFormComponent): Shape => ({
  type: component.componentType,
  label: component.props.label,
  required: component.props.required === true,
  options: (component.props.options ?? []).map((option) => option.value),
  children: (component.children ?? []).map(desiredShape),
})

const existingShape = (item: RawSchemaItem): Shape => ({
  type: item.componentName ?? "",
  label: item.props?.label ?? "",
  required: item.props?.required === true,
  options: (item.props?.options ?? []).map(optionText),
  children: (item.children ?? []).map(existingShape),
})

/** The differences between the template as it is and as the form wants it, in words. */
function differences(desired: ReadonlyArray<Shape>, existing: ReadonlyArray<Shape>): ReadonlyArray<string> {
  const found: Array<string> = []
  const byLabel = new Map(existing.map((shape) => [shape.label, shape]))
  for (const shape of desired) {
    const current = byLabel.get(shape.label)
    if (current === undefined) found.push(`add ${shape.label}`)
    else if (JSON.stringify(current) !== JSON.stringify(shape)) found.push(`change ${shape.label}`)
    byLabel.delete(shape.label)
  }
  for (const label of byLabel.keys()) found.push(`remove ${label}`)
  if (
    found.length === 0 &&
    desired.map((shape) => shape.label).join() !== existing.map((shape) => shape.label).join()
  ) {
    found.push("reorder controls")
  }
  return found
}

/**
 * Creates or updates one approval template per form (`POST /v1.0/workflow/forms`), idempotently:
 * an existing template with the same controls is left unchanged, one that differs is updated in
 * place (same processCode), and a template of the same name that tixi did not create (it lacks
 * tixi's reference control) is reported as a conflict and never touched. With `dryRun` it only
 * returns the plan. DingTalk refuses updates that change controls used as branch conditions.
 */
export const installTemplates = (
  client: DingTalkClient,
  registry: TemplateRegistry,
  options: { readonly dryRun: boolean },
): Effect.Effect<ReadonlyArray<TemplatePlanStep>, PortFailure> =>
  Effect.gen(function* () {
    const { settings } = client
    const steps: Array<TemplatePlanStep> = []
    for (const form of settings.forms) {
      const name = templateNameOf(form, settings.locale, settings.templateNamePrefix)
      const components = yield* Effect.try({
        try: () => renderTemplate(form, settings.locale),
        catch: (error) =>
          new PortFailure({
            port: "Install",
            operation: "installTemplates",
            reason: new InvalidRequest({
              fields: [
                {
                  field: error instanceof TemplateRenderError ? `${error.formId}.${error.field}` : form.id,
                  message: String(error),
                },
              ],
            }),
            detail: error instanceof Error ? error.message : String(error),
          }),
      })
      const processCode = settings.processCodes?.[form.id] ?? (yield* getProcessCodeByName(client, name))
      const description = `${form.title["zh-CN"]} / ${form.title.en}${form.source ? ` (${form.source})` : ""} — tixi ${form.id}`
      if (processCode === undefined) {
        if (options.dryRun) {
          steps.push({
            formId: form.id,
            name,
            action: "create",
            processCode: undefined,
            detail: `${components.length} controls`,
          })
          continue
        }
        const created = yield* createOrUpdateForm(client, { name, description, formComponents: components })
        registry.remember(form.id, created)
        steps.push({
          formId: form.id,
          name,
          action: "create",
          processCode: created,
          detail: `${components.length} controls`,
        })
        continue
      }
      const schema = yield* getFormSchema(client, processCode)
      const existing = schema.items.map(existingShape)
      if (!existing.some((shape) => shape.label === markerControls.reference.label[settings.locale])) {
        steps.push({
          formId: form.id,
          name,
          action: "conflict",
          processCode,
          detail: `a template named "${name}" exists but tixi did not create it; set templateNamePrefix or processCodes`,
        })
        continue
      }
      registry.remember(form.id, processCode)
      const changes = differences(components.map(desiredShape), existing)
      if (changes.length === 0) {
        steps.push({ formId: form.id, name, action: "unchanged", processCode, detail: "up to date" })
        continue
      }
      if (!options.dryRun)
        yield* createOrUpdateForm(client, { processCode, name, description, formComponents: components })
      steps.push({ formId: form.id, name, action: "update", processCode, detail: changes.join(", ") })
    }
    return steps
  })
