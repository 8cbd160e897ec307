import type { FieldSpec, InstallStep, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import type { CrmContext } from "../crm/crm-context.ts"
import { baseFields } from "./base-fields.ts"
import { applyChanges, type FieldChange, planFields, stepsOf } from "./ensure-fields.ts"

/** What `install` does or would do: tixi's own fields, then the fields of tixi's forms. */
export interface InstallPlan {
  readonly base: ReadonlyArray<{
    readonly object: string
    readonly field: string
    readonly action: "create" | "unchanged"
  }>
  readonly fields: ReadonlyArray<InstallStep>
}

/**
 * Installs tixi into the org: its own fields (keys, stage, activity kind, approval routing) and the
 * custom fields of the given specs, idempotently; with `dryRun` it only returns the plan.
 */
export const install = (
  context: CrmContext,
  specs: ReadonlyArray<FieldSpec>,
  options: { readonly dryRun: boolean },
): Effect.Effect<InstallPlan, PortFailure> =>
  Effect.gen(function* () {
    const baseChanges: Array<FieldChange> = []
    for (const field of baseFields(context)) {
      const object = field.object === "Activity" ? "Task" : field.object
      const describe = yield* context.catalog.describe(object, "install")
      const exists = describe.fields.some(
        (existing) => existing.name.toLowerCase() === field.apiName.toLowerCase(),
      )
      baseChanges.push({
        object: field.object,
        apiName: field.apiName,
        action: exists ? "unchanged" : "create",
        differences: [],
        metadata: field.metadata,
      })
    }
    const planned = yield* planFields(context, specs)
    if (!options.dryRun)
      yield* applyChanges(context, [...baseChanges, ...planned.flatMap((entry) => entry.changes)])
    return {
      base: baseChanges.map((change) => ({
        object: change.object,
        field: change.apiName,
        action: change.action as "create" | "unchanged",
      })),
      fields: stepsOf(planned, context.settings.audience),
    }
  })
