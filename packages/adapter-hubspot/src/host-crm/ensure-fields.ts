import { Conflict, type FieldSpec, type InstallStep, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import { install } from "../install/install.ts"
import type { InstallChange } from "../install/plan.ts"
import type { HostCrmContext } from "./context.ts"

/**
 * `ensureFields` of the HostCrm port: install's field part (the `tixi` group, key properties and
 * one property per spec on each object type the spec's host object lives on), reported as one
 * step per spec. A spec listed twice is refused before anything is written; a spec the portal's
 * audience may not read is not created, and its step says so.
 */
export const ensureFields = (context: HostCrmContext, specs: ReadonlyArray<FieldSpec>, dryRun: boolean) =>
  Effect.gen(function* () {
    const seen = new Set<string>()
    for (const spec of specs) {
      const id = `${spec.object}.${spec.name}`
      if (seen.has(id)) {
        return yield* new PortFailure({
          port: "HostCrm",
          operation: "ensureFields",
          reason: new Conflict(),
          detail: `field ${id} is listed twice`,
        })
      }
      seen.add(id)
    }
    const settings = context.gateway.settings
    const receivable = new Set(context.fields.receivable(specs))
    const report = yield* install(context.gateway, context.schema, {
      fields: specs.filter((spec) => receivable.has(spec)),
      stages: [],
      pipelineLabel: settings.pipelineLabel,
      language: settings.language,
      dryRun,
      fieldsOnly: true,
    })
    if (!dryRun) context.fields.register(specs)
    return specs.map((spec): InstallStep => {
      if (!receivable.has(spec)) {
        return {
          action: "unchanged",
          object: spec.object,
          name: spec.name,
          detail: `not created: the portal's audience (${settings.audience.clearance}) may not read it`,
        }
      }
      const mine = report.changes.filter(
        (change): change is Extract<InstallChange, { kind: "property" }> =>
          change.kind === "property" &&
          change.desired.field?.object === spec.object &&
          change.desired.field.name === spec.name,
      )
      const action = mine.some((change) => change.action === "create")
        ? "create"
        : mine.some((change) => change.action === "update")
          ? "update"
          : "unchanged"
      const detail = mine
        .filter((change) => change.action !== "unchanged")
        .map((change) => `${change.objectType}: ${change.detail}`)
        .join("; ")
      return { action, object: spec.object, name: spec.name, detail: detail === "" ? "up to date" : detail }
    })
  })
