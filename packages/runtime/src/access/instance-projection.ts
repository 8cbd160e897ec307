import {
  type AccessPolicy,
  type AnyForm,
  type Classification,
  Complaints,
  type ConfidentialityLevel,
  classifyForm,
  compileProjection,
  type MaskedField,
  type Projection,
  type Reader,
  unclassifiedField,
} from "@tixi/core"
import type { InstanceView } from "../engine/process-runtime.ts"
import { defaultProcessModules, type ProcessModules, workflowField } from "./workflow-field.ts"

/**
 * Which form's values an instance state carries under each key, so the projection classifies
 * them field by field. Keys of a state not named here are customer data tixi cannot classify and
 * are withheld as 机密.
 */
export type StateForms = Readonly<Record<string, AnyForm>>

/** The forms the shipped processes keep in their state: a complaint's `registration`. */
export const defaultStateForms: StateForms = {
  registration: Complaints.registrationForm as unknown as AnyForm,
}

/** An instance view as one reader may see it, and what the read withheld or showed at 秘密/机密. */
export interface ProjectedInstance {
  readonly view: InstanceView
  readonly masked: ReadonlyArray<MaskedField>
  readonly shownFields: ReadonlyArray<{ readonly field: string; readonly level: ConfidentialityLevel }>
}

/**
 * What one reader sees of one process's instances under one policy, decided once (every form's
 * classification compiled): reuse it for every read of that process by readers like them.
 */
export interface InstanceProjection {
  readonly project: (view: InstanceView) => ProjectedInstance
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * Compiles the projection of a process's instances for a reader: each state form's
 * classification under the policy, the process's workflow records (`workflowField`) and a bare
 * state as unclassified 机密.
 */
export function compileInstanceProjection(
  process: string,
  reader: Reader,
  policy: AccessPolicy,
  stateForms: StateForms,
  processModules: ProcessModules = defaultProcessModules,
): InstanceProjection {
  const forms = new Map<string, { classification: Classification; projection: Projection }>()
  for (const [key, form] of Object.entries(stateForms)) {
    const classification = classifyForm(form, policy)
    forms.set(key, { classification, projection: compileProjection(classification, reader, policy) })
  }
  const workflow = workflowField(process, processModules)
  const workflowProjection = compileProjection({ value: workflow }, reader, policy)
  const bareState = compileProjection({ state: unclassifiedField }, reader, policy)
  return {
    project: (view) => {
      if (!isRecord(view.state)) {
        if (view.state === undefined) return { view, masked: [], shownFields: [] }
        const projected = bareState.project({ state: view.state })
        return {
          view: { ...view, state: projected.values.state },
          masked: projected.masked,
          shownFields:
            projected.masked.length > 0 ? [] : [{ field: "state", level: unclassifiedField.level }],
        }
      }
      const state: Record<string, unknown> = {}
      const masked: Array<MaskedField> = []
      const shownFields: Array<{ field: string; level: ConfidentialityLevel }> = []
      for (const [key, value] of Object.entries(view.state)) {
        const form = forms.get(key)
        if (form !== undefined && isRecord(value)) {
          const projected = form.projection.project(value)
          state[key] = projected.values
          for (const entry of projected.masked) masked.push({ ...entry, field: `${key}.${entry.field}` })
          const withheld = new Set(projected.masked.map((entry) => entry.field))
          for (const field of Object.keys(value)) {
            if (withheld.has(field)) continue
            shownFields.push({
              field: `${key}.${field}`,
              level: form.classification[field]?.level ?? unclassifiedField.level,
            })
          }
        } else {
          const projected = workflowProjection.project({ value })
          state[key] = projected.values.value
          if (projected.masked.length > 0) masked.push({ ...projected.masked[0]!, field: key })
          else shownFields.push({ field: key, level: workflow.level })
        }
      }
      return { view: { ...view, state }, masked, shownFields }
    },
  }
}

/**
 * The one place a read path decides what of an instance's state a reader sees: each form value
 * the state carries through its form's classification (fields named `key.field`), every other
 * key as its process's workflow record (`workflowField`: `processModules`, else the module its
 * name starts with) or, for a process tixi cannot place, as unclassified 机密. Status, turns and
 * the other view fields are not customer data and pass unchanged. Compiles on every call: a read
 * path serving many reads keeps an `instanceProjectionCache`.
 */
export function projectInstance(
  view: InstanceView,
  reader: Reader,
  policy: AccessPolicy,
  stateForms: StateForms,
  processModules: ProcessModules = defaultProcessModules,
): ProjectedInstance {
  return compileInstanceProjection(view.process, reader, policy, stateForms, processModules).project(view)
}

/** How many compiled projections a cache keeps before it starts again: processes × kinds of reader. */
export const instanceProjectionCacheSize = 1_024

/**
 * Compiled instance projections kept per (policy version, process, reader's clearance and
 * modules): a read then costs the copy, not the classification of every form. Readers of the
 * same posts share an entry; a new policy version compiles afresh. Bounded: when full it is
 * emptied, so a company with more kinds of reader than fit compiles again, never grows.
 */
export function instanceProjectionCache(
  policy: AccessPolicy,
  stateForms: StateForms,
  processModules: ProcessModules = defaultProcessModules,
): (process: string, reader: Reader) => InstanceProjection {
  const compiled = new Map<string, InstanceProjection>()
  return (process, reader) => {
    const key = [policy.version, process, reader.clearance, ...[...reader.modules].sort()].join("\u0000")
    const cached = compiled.get(key)
    if (cached !== undefined) return cached
    if (compiled.size >= instanceProjectionCacheSize) compiled.clear()
    const projection = compileInstanceProjection(process, reader, policy, stateForms, processModules)
    compiled.set(key, projection)
    return projection
  }
}
