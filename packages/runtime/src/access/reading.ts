import {
  type AccessPolicy,
  type DirectoryService,
  defaultAccessPolicy,
  Organisation,
  type PortFailure,
  type Reader,
  stricterLevel,
  UnknownActor,
} from "@tixi/core"
import { Effect } from "effect"

type OrganisationPolicy = Organisation.OrganisationPolicy
type ResolvedOrganisation = Organisation.Organisation

import type { AuditTrailService } from "../audit/audit-trail.ts"
import type { RuntimeStorageFailure, UnknownProcess } from "../engine/errors.ts"
import type { InstanceView, ProcessRuntimeService } from "../engine/process-runtime.ts"
import type { RuntimeStatus } from "../status/runtime-status.ts"
import { type ProjectedStatus, projectStatus } from "../status/status-projection.ts"
import { defaultStateForms, instanceProjectionCache, type StateForms } from "./instance-projection.ts"
import { defaultProcessModules, type ProcessModules } from "./workflow-field.ts"

/** The company's rules for reading instance data; every field defaults to the handbook's. */
export interface ReadingOptions {
  /**
   * The company's organisation, as its policy or already resolved (`TixiConfig.chart`, resolved
   * once at load). Default: the 大型企业 preset; `tixi.config.ts` has its own default.
   */
  readonly organisation?: OrganisationPolicy | ResolvedOrganisation | undefined
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

/** Reading the runtime's status on behalf of a named person (`tixi status --as`). */
export interface StatusReading {
  /**
   * The status as `personId` may see it (`projectStatus`), the read recorded in the audit trail
   * in one statement (masked values refused, shown 秘密/机密 values accepted).
   */
  readonly statusAs: (
    personId: string,
    status: RuntimeStatus,
  ) => Effect.Effect<ProjectedStatus, UnknownActor | PortFailure | RuntimeStorageFailure>
}

/** Reading instances on behalf of a named person: the runtime's inspect as callers get it. */
export interface InstanceReading extends StatusReading {
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

/** A company's reading options with the handbook's defaults filled in, resolved once per read path. */
const readingRules = (options: ReadingOptions) => ({
  organisation:
    options.organisation !== undefined && "holderOf" in options.organisation
      ? options.organisation
      : Organisation.organisationOf(options.organisation ?? Organisation.largeEnterpriseOrganisation),
  policy: options.accessPolicy ?? defaultAccessPolicy,
  stateForms: options.stateForms ?? defaultStateForms,
  processModules: options.processModules ?? defaultProcessModules,
})

/**
 * The status for a named caller where no runtime runs (`tixi status --as` over the database): the
 * caller resolved through the directory as `withReadAccess` resolves them, under the same options.
 */
export const withStatusAccess = (
  directory: DirectoryService,
  trail: Pick<AuditTrailService, "recordReads">,
  options: ReadingOptions = {},
): StatusReading => {
  const { organisation, policy, processModules } = readingRules(options)
  return {
    statusAs: (personId, status) =>
      Effect.gen(function* () {
        const caller = yield* resolveReader(directory, organisation, personId)
        const projected = projectStatus(status, caller.reader, policy, processModules)
        yield* trail.recordReads({ personId: caller.personId, post: caller.post }, projected.reads)
        return projected.status
      }),
  }
}

/**
 * The runtime's inspect and status for callers outside it (admin, CLI, embedders): the caller
 * resolved through the directory, what they read projected for their posts, the read audited.
 * The engines keep using the runtime's own unprojected inspect.
 */
export const withReadAccess = (
  runtime: Pick<ProcessRuntimeService, "inspect">,
  directory: DirectoryService,
  trail: Pick<AuditTrailService, "recordRead" | "recordReads">,
  options: ReadingOptions = {},
): InstanceReading => {
  const { organisation, policy, stateForms, processModules } = readingRules(options)
  // Compiled once per process and kind of reader, not on every read.
  const projectionFor = instanceProjectionCache(policy, stateForms, processModules)
  return {
    ...withStatusAccess(directory, trail, options),
    inspectAs: (personId, process, instanceId) =>
      Effect.gen(function* () {
        const caller = yield* resolveReader(directory, organisation, personId)
        const view = yield* runtime.inspect(process, instanceId)
        if (view === undefined) return undefined
        const projected = projectionFor(process, caller.reader).project(view)
        yield* trail.recordRead(
          { personId: caller.personId, post: caller.post },
          { process, instanceId, shownFields: projected.shownFields },
          projected.masked,
        )
        return projected.view
      }),
  }
}
