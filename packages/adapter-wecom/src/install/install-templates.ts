import { approvalReferenceControls, fieldsAboveApprovers } from "@tixi/adapter-kit"
import { InvalidRequest, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { WeComTemplates } from "../approvals/template-registry.ts"
import type { WeComClient } from "../client/wecom-client.ts"
import { renderTemplate, TemplateRenderError, texts } from "../forms/render-template.ts"
import { createTemplate } from "../operations/create-template.ts"
import { getTemplateDetail } from "../operations/get-template-detail.ts"
import type { RawControl } from "../operations/raw-schemas.ts"
import { updateTemplate } from "../operations/update-template.ts"

/** What install does (or would do) to one template. */
export interface TemplatePlanStep {
  readonly formId: string
  readonly name: string
  /** `conflict`: the configured template was not created by tixi; it is left alone. */
  readonly action: "create" | "update" | "unchanged" | "conflict"
  readonly templateId: string | undefined
  readonly detail: string
}

const shape = (control: RawControl): unknown => ({
  control: control.property.control,
  title: control.property.title.map((title) => title.text),
  require: control.property.require ?? 0,
  options:
    control.config?.selector?.options.map((option) => option.value.map((value) => value.text).join("/")) ??
    [],
  selector: control.config?.selector?.type,
  date: control.config?.date?.type,
  contact: control.config?.contact?.mode,
  children: control.config?.table?.children.map(shape) ?? [],
})

/**
 * Creates or updates one WeCom approval template per form (`create_template`, `update_template`).
 * WeCom cannot find a template by name, so forms with a known template id (settings.templateIds,
 * or created earlier by this adapter) are compared with `gettemplatedetail` and updated in place
 * only when they differ; the others are created and their new ids reported to keep in settings.
 * A configured template without tixi's reference control is a conflict and is left alone.
 */
export const installTemplates = (
  client: WeComClient,
  templates: WeComTemplates,
  options: { readonly dryRun: boolean },
): Effect.Effect<ReadonlyArray<TemplatePlanStep>, PortFailure> =>
  Effect.gen(function* () {
    const { settings } = client
    const steps: Array<TemplatePlanStep> = []
    for (const form of settings.forms) {
      const label = {
        "zh-CN": `${settings.templateNamePrefix}${form.title["zh-CN"]}`,
        en: `${settings.templateNamePrefix}${form.title.en}`,
      }
      const name = label[settings.locale].slice(0, 40)
      const controls = yield* Effect.try({
        try: () =>
          renderTemplate(
            form,
            settings.locale,
            fieldsAboveApprovers(form, settings.approverAudience, settings.accessPolicy),
          ),
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
      const templateName = texts({ "zh-CN": name, en: name }, settings.locale)
      const templateId = templates.knownTemplateId(form.id)
      if (templateId === undefined) {
        if (options.dryRun) {
          steps.push({
            formId: form.id,
            name,
            action: "create",
            templateId: undefined,
            detail: `${controls.length} controls`,
          })
          continue
        }
        const created = yield* createTemplate(client, { templateName, controls })
        templates.remember(form.id, created)
        steps.push({
          formId: form.id,
          name,
          action: "create",
          templateId: created,
          detail: `${controls.length} controls; keep it in settings.templateIds`,
        })
        continue
      }
      const existing = yield* getTemplateDetail(client, templateId)
      const marker = approvalReferenceControls.reference.label[settings.locale]
      if (
        !existing.controls.some((control) => control.property.title.some((title) => title.text === marker))
      ) {
        steps.push({
          formId: form.id,
          name,
          action: "conflict",
          templateId,
          detail: `template ${templateId} was not created by tixi; it is left alone`,
        })
        continue
      }
      const same =
        JSON.stringify(existing.controls.map(shape)) === JSON.stringify(controls.map(shape)) &&
        existing.names.some((entry) => entry.text === name)
      if (same) {
        steps.push({ formId: form.id, name, action: "unchanged", templateId, detail: "up to date" })
        continue
      }
      if (!options.dryRun) {
        yield* updateTemplate(client, { templateId, templateName, controls })
        templates.forget(templateId)
      }
      steps.push({ formId: form.id, name, action: "update", templateId, detail: "controls or name changed" })
    }
    return steps
  })
