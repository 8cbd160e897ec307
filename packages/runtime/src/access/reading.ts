import {
  type AccessModule,
  type AccessPolicy,
  type AnyForm,
  Complaints,
  type ConfidentialityLevel,
  classifyForm,
  compileProjection,
  type DirectoryService,
  defaultAccessPolicy,
  type MaskedField,
  moduleDefaultLevel,
  Organisation,
  type PortFailure,
  type Reader,
  stricterLevel,
  UnknownActor,
  unclassifiedField,
} from "@tixi/core"
import { Effect } from "effect"

type OrganisationPolicy = Organisation.OrganisationPolicy
type ResolvedOrganisation = Organisation.Organisation

import type { AuditTrailService } from "../audit/audit-trail.ts"
import type { RuntimeStorageFailure, UnknownProcess } from "../engine/errors.ts"
import type { InstanceView, ProcessRuntimeService } from "../engine/process-runtime.ts"

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

/**
 * The module whose workflow each process's state belongs to: the keys of its state that are not a
 * form (stage, deadlines, the handler, remedy amounts) are that module's own records, read at its
 * default level (a complaint's at 内部), so an officer reads the case they work on. A process not
 * named here keeps every such key at 机密.
 */
export type ProcessModules = Readonly<Record<string, AccessModule>>

/** The shipped processes' modules: the complaint process's workflow is the complaints module's. */
export const defaultProcessModules: ProcessModules = { complaint: "complaints" }

/** The company's rules for reading instance data; every field defaults to the handbook's. */
export interface ReadingOptions {
  /** Default: the 大型企业 preset. */
  readonly organisation?: OrganisationPolicy | undefined
  /** Default: `defaultAccessPolicy`. */
  readonly accessPolicy?: AccessPolicy | undefined
  /** Default: `defaultStateForms`. */
  readonly stateForms?: StateForms | undefined
  /** Default: `defaultProcessModules`. */
  readonly processModules?: ProcessModules | undefined
}

/** A person resolved to what they may read: the audit trail names them and their post(s). */
export interface ResolvedReader {
  readonly personId: string
  /** The posts they hold, joined with `+` when more than one, as the audit trail records them. */
  readonly post: string
  readonly reader: Reader
}

/** An instance view as one reader may see it, and what the read withheld or showed at 秘密/机密. */
export interface ProjectedInstance {
  readonly view: InstanceView
  readonly masked: ReadonlyArray<MaskedField>
  readonly shownFields: ReadonlyArray<{ readonly field: string; readonly level: ConfidentialityLevel }>
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

/**
 * The one place a read path decides what of an instance's state a reader sees: each form value
 * the state carries through its form's classification (fields named `key.field`), every other
 * key as its process's workflow record (`processModules`) or, for a process not named there, as
 * unclassified 机密. Status, turns and the other view fields are not customer data and pass
 * unchanged.
 */
export function projectInstance(
  view: InstanceView,
  reader: Reader,
  policy: AccessPolicy,
  stateForms: StateForms,
  processModules: ProcessModules = defaultProcessModules,
): ProjectedInstance {
  if (!isRecord(view.state)) return projectUnclassifiedState(view, reader, policy)
  const state: Record<string, unknown> = {}
  const masked: Array<MaskedField> = []
  const shownFields: Array<{ field: string; level: ConfidentialityLevel }> = []
  const module = processModules[view.process]
  const workflowField =
    module === undefined ? unclassifiedField : { level: moduleDefaultLevel[module], module }
  const unclassified = compileProjection({ value: workflowField }, reader, policy)
  for (const [key, value] of Object.entries(view.state)) {
    const form = stateForms[key]
    if (form !== undefined && isRecord(value)) {
      const classification = classifyForm(form, policy)
      const projected = compileProjection(classification, reader, policy).project(value)
      state[key] = projected.values
      for (const entry of projected.masked) masked.push({ ...entry, field: `${key}.${entry.field}` })
      const withheld = new Set(projected.masked.map((entry) => entry.field))
      for (const field of Object.keys(value)) {
        if (withheld.has(field)) continue
        shownFields.push({
          field: `${key}.${field}`,
          level: classification[field]?.level ?? unclassifiedField.level,
        })
      }
    } else {
      const projected = unclassified.project({ value })
      state[key] = projected.values.value
      if (projected.masked.length > 0) masked.push({ ...projected.masked[0]!, field: key })
      else shownFields.push({ field: key, level: workflowField.level })
    }
  }
  return { view: { ...view, state }, masked, shownFields }
}

/** A state that is not a record of keys (a bare value) is unclassified as a whole. */
function projectUnclassifiedState(
  view: InstanceView,
  reader: Reader,
  policy: AccessPolicy,
): ProjectedInstance {
  if (view.state === undefined) return { view, masked: [], shownFields: [] }
  const projected = compileProjection({ state: unclassifiedField }, reader, policy).project({
    state: view.state,
  })
  return {
    view: { ...view, state: projected.values.state },
    masked: projected.masked,
    shownFields: projected.masked.length > 0 ? [] : [{ field: "state", level: unclassifiedField.level }],
  }
}

/**
 * A person as a reader: the directory's posts for them resolved in the company's organisation,
 * cleared to the strictest of their posts and working in all their modules. Someone the
 * directory does not know, knows as inactive, or gives no post tixi knows is refused with
 * `UnknownActor` naming them; a directory that cannot answer fails the read closed.
 */
export const resolveReader = (
  directory: DirectoryService,
  organisation: ResolvedOrganisation,
  personId: string,
): Effect.Effect<ResolvedReader, UnknownActor | PortFailure> =>
  directory.person(personId as never).pipe(
    Effect.catchIf(
      (failure) => failure.reason._tag === "NotFound",
      () => Effect.succeed(undefined),
    ),
    Effect.flatMap((person) => {
      if (person === undefined)
        return Effect.fail(new UnknownActor({ personId, reason: "not in the directory" }))
      if (!person.active)
        return Effect.fail(new UnknownActor({ personId, reason: "inactive in the directory" }))
      const posts = person.posts.flatMap((post) => {
        const resolved = organisation.holderOf(post)
        return resolved === undefined ? [] : [resolved]
      })
      if (posts.length === 0)
        return Effect.fail(new UnknownActor({ personId, reason: "holds no post of the organisation" }))
      const readers = posts.map(Organisation.readerOfPost)
      return Effect.succeed({
        personId,
        post: posts.map((post) => post.id).join("+"),
        reader: {
          clearance: readers.map((reader) => reader.clearance).reduce(stricterLevel),
          modules: new Set(readers.flatMap((reader) => [...reader.modules])),
        },
      })
    }),
  )

/** Reading instances on behalf of a named person: the runtime's inspect as callers get it. */
export interface InstanceReading {
  /**
   * The instance as `personId` may see it, with the read recorded in the audit trail (masked
   * fields refused, shown 秘密/机密 accepted) once; undefined when it was never started.
   */
  readonly inspectAs: (
    personId: string,
    process: string,
    instanceId: string,
  ) => Effect.Effect<
    InstanceView | undefined,
    UnknownActor | PortFailure | UnknownProcess | RuntimeStorageFailure
  >
}

/**
 * The runtime's inspect for callers outside it (admin, CLI, embedders): the caller resolved
 * through the directory, the state projected for their posts, the read audited. The engines keep
 * using the runtime's own unprojected inspect.
 */
export const withReadAccess = (
  runtime: Pick<ProcessRuntimeService, "inspect">,
  directory: DirectoryService,
  trail: Pick<AuditTrailService, "recordRead">,
  options: ReadingOptions = {},
): InstanceReading => {
  const organisation = Organisation.organisationOf(
    options.organisation ?? Organisation.largeEnterpriseOrganisation,
  )
  const policy = options.accessPolicy ?? defaultAccessPolicy
  const stateForms = options.stateForms ?? defaultStateForms
  const processModules = options.processModules ?? defaultProcessModules
  return {
    inspectAs: (personId, process, instanceId) =>
      Effect.gen(function* () {
        const caller = yield* resolveReader(directory, organisation, personId)
        const view = yield* runtime.inspect(process, instanceId)
        if (view === undefined) return undefined
        const projected = projectInstance(view, caller.reader, policy, stateForms, processModules)
        yield* trail.recordRead(
          { personId: caller.personId, post: caller.post },
          { process, instanceId, shownFields: projected.shownFields },
          projected.masked,
        )
        return projected.view
      }),
  }
}
