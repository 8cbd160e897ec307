import { type AnyForm, InvalidRequest, NotFound, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { DingTalkClient } from "../client/dingtalk-client.ts"
import { templateNameOf } from "../install/template-names.ts"
import { getProcessCodeByName } from "../operations/get-process-code-by-name.ts"

/** Finds forms by id and their templates' processCodes, remembering what it learnt. */
export interface TemplateRegistry {
  readonly formOf: (formId: string) => Effect.Effect<AnyForm, PortFailure>
  readonly processCodeOf: (formId: string) => Effect.Effect<string, PortFailure>
  /** The processCodes known or findable for every form (for searches after a crash). */
  readonly allProcessCodes: Effect.Effect<ReadonlyArray<string>, PortFailure>
  readonly remember: (formId: string, processCode: string) => void
}

/** Builds the registry over the settings' forms and known processCodes. */
export function makeTemplateRegistry(client: DingTalkClient): TemplateRegistry {
  const { settings } = client
  const forms = new Map(settings.forms.map((form) => [form.id, form]))
  const codes = new Map(Object.entries(settings.processCodes ?? {}))
  const formOf = (formId: string) =>
    Effect.suspend(() => {
      const form = forms.get(formId)
      return form
        ? Effect.succeed(form)
        : Effect.fail(
            new PortFailure({
              port: "Approvals",
              operation: "submit",
              reason: new InvalidRequest({
                fields: [{ field: "formId", message: `no form ${formId} in the adapter's forms` }],
              }),
              detail: `the DingTalk adapter has no form ${formId}; pass it in settings.forms`,
            }),
          )
    })
  const processCodeOf = (formId: string) =>
    Effect.gen(function* () {
      const known = codes.get(formId)
      if (known !== undefined) return known
      const form = yield* formOf(formId)
      const name = templateNameOf(form, settings.locale, settings.templateNamePrefix)
      const found = yield* getProcessCodeByName(client, name)
      if (found === undefined) {
        return yield* new PortFailure({
          port: "Approvals",
          operation: "submit",
          reason: new NotFound({ resource: "template", id: name }),
          detail: `DingTalk has no approval template "${name}" for ${formId}: run install first`,
        })
      }
      codes.set(formId, found)
      return found
    })
  return {
    formOf,
    processCodeOf,
    allProcessCodes: Effect.gen(function* () {
      const found: Array<string> = []
      for (const formId of forms.keys()) {
        const code = yield* Effect.catchIf(
          processCodeOf(formId),
          (failure) => failure.reason._tag === "NotFound",
          () => Effect.succeed(undefined),
        )
        if (code !== undefined) found.push(code)
      }
      return found
    }),
    remember: (formId, processCode) => {
      codes.set(formId, processCode)
    },
  }
}
