import { type AnyForm, InvalidRequest, NotFound, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { WeComClient } from "../client/wecom-client.ts"
import { getTemplateDetail, type TemplateDetail } from "../operations/get-template-detail.ts"

/** Forms by id, their WeCom template ids, and the templates' controls as WeCom holds them. */
export interface WeComTemplates {
  readonly formOf: (formId: string) => Effect.Effect<AnyForm, PortFailure>
  readonly templateIdOf: (formId: string) => Effect.Effect<string, PortFailure>
  readonly knownTemplateId: (formId: string) => string | undefined
  readonly detailOf: (templateId: string) => Effect.Effect<TemplateDetail, PortFailure>
  readonly allTemplateIds: () => ReadonlyArray<string>
  readonly remember: (formId: string, templateId: string) => void
  /** Drops a cached template detail (after install changed it, or WeCom refused a control id). */
  readonly forget: (templateId: string) => void
}

/** Builds the registry over the settings' forms and template ids. */
export function makeWeComTemplates(client: WeComClient): WeComTemplates {
  const forms = new Map(client.settings.forms.map((form) => [form.id, form]))
  const ids = new Map(Object.entries(client.settings.templateIds ?? {}))
  const details = new Map<string, TemplateDetail>()
  const failure = (reason: PortFailure["reason"], detail: string) =>
    new PortFailure({ port: "Approvals", operation: "submit", reason, detail })
  return {
    formOf: (formId) =>
      Effect.suspend(() => {
        const form = forms.get(formId)
        return form
          ? Effect.succeed(form)
          : Effect.fail(
              failure(
                new InvalidRequest({
                  fields: [{ field: "formId", message: `no form ${formId} in the adapter's forms` }],
                }),
                `the WeCom adapter has no form ${formId}; pass it in settings.forms`,
              ),
            )
      }),
    templateIdOf: (formId) =>
      Effect.suspend(() => {
        const id = ids.get(formId)
        return id
          ? Effect.succeed(id)
          : Effect.fail(
              failure(
                new NotFound({ resource: "template", id: formId }),
                `no WeCom template id for ${formId}: run install and put its template id in settings.templateIds`,
              ),
            )
      }),
    knownTemplateId: (formId) => ids.get(formId),
    detailOf: (templateId) =>
      Effect.suspend(() => {
        const cached = details.get(templateId)
        if (cached) return Effect.succeed(cached)
        return Effect.tap(getTemplateDetail(client, templateId), (detail) =>
          Effect.sync(() => details.set(templateId, detail)),
        )
      }),
    allTemplateIds: () => [...new Set(ids.values())],
    remember: (formId, templateId) => {
      ids.set(formId, templateId)
    },
    forget: (templateId) => {
      details.delete(templateId)
    },
  }
}
