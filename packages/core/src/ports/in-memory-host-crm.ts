import { Clock, Context, Effect, Layer } from "effect"
import {
  Conflict,
  InvalidRequest,
  NotFound,
  PortFailure,
  type PortFailureReason,
} from "../errors/port-failure.ts"
import { type HostRecordId, hostRecordId } from "../ids/ids.ts"
import type { Instant } from "../time/instant.ts"
import {
  type ActivityDraft,
  type BatchOutcome,
  type CaseDraft,
  type CustomerContactDetails,
  type CustomerDraft,
  type FieldSpec,
  type HostActivity,
  type HostCase,
  type HostCasePriority,
  type HostChange,
  HostCrm,
  type HostCrmService,
  type HostCustomer,
  type HostFields,
  type HostObject,
  type HostTask,
  type InstallStep,
  type TaskDraft,
  unkeyedCaseKey,
} from "./host-crm.ts"

/** The operations of `HostCrmService`, by name, for fault injection. */
export type HostCrmOperation = Exclude<keyof HostCrmService, "host">

/** A customer the in-memory host starts with; unlike a draft, it may say how to reach the customer. */
export interface InMemoryCustomerSeed extends CustomerDraft {
  readonly contactDetails?: CustomerContactDetails
}

/** A case opened by staff in the host's own screens (not through tixi). */
export interface StaffCaseInput {
  readonly subject: string
  readonly description: string
  readonly customerKey?: string
  readonly priority?: HostCasePriority
  readonly fields?: HostFields
}

/** What staff change on a case in the host's own screens. */
export interface StaffCasePatch {
  readonly fields?: HostFields
  readonly stage?: string
  readonly status?: "open" | "closed"
  readonly priority?: HostCasePriority
  readonly subject?: string
  readonly customerKey?: string
}

/**
 * Test and simulation controls of the in-memory host: read what tixi wrote, count writes per key
 * (to prove side effects happened once), act as staff in the CRM, and inject failures.
 */
export interface InMemoryHostCrmControl {
  readonly customers: () => ReadonlyArray<HostCustomer>
  readonly cases: () => ReadonlyArray<HostCase>
  readonly tasks: () => ReadonlyArray<HostTask>
  readonly activities: () => ReadonlyArray<HostActivity>
  readonly fieldSpecs: () => ReadonlyArray<FieldSpec>
  /** How many times a record with this externalKey was created (1 for an exactly-once effect). */
  readonly creations: (externalKey: string) => number
  /** Every write, in order, as `operation externalKey`. */
  readonly writeLog: () => ReadonlyArray<string>
  /** Staff open a case in the CRM; it shows up in `pollChanges` as a host-origin change. */
  readonly staffOpensCase: (input: StaffCaseInput, at: Instant) => HostCase
  /** Staff edit a case in the CRM: its fields, stage, priority, subject or customer. */
  readonly staffEditsCase: (id: HostRecordId, patch: StaffCasePatch, at: Instant) => HostCase
  /** The next `times` calls of `operation` fail with `reason` (default once). */
  readonly failNext: (operation: HostCrmOperation, reason: PortFailureReason, times?: number) => void
}

/** The in-memory host's control handle, provided beside `HostCrm` by `InMemoryHostCrm.layer`. */
export class InMemoryHostCrm extends Context.Service<InMemoryHostCrm, InMemoryHostCrmControl>()(
  "@tixi/core/ports/InMemoryHostCrm",
) {
  /** A fresh, empty in-memory host providing `HostCrm` and its controls. */
  static readonly layer = (options: { readonly customers?: ReadonlyArray<InMemoryCustomerSeed> } = {}) =>
    Layer.effectContext(
      Effect.gen(function* () {
        const { service, control } = yield* makeInMemoryHostCrm(options)
        return Context.make(HostCrm, service).pipe(Context.add(InMemoryHostCrm, control))
      }),
    )
}

type MutableCase = { -readonly [K in keyof HostCase]: HostCase[K] }

/**
 * Builds an in-memory host CRM. Records live in maps keyed by externalKey; record ids are
 * sequential (`mem-case-1`), so simulations are deterministic.
 */
export const makeInMemoryHostCrm = (
  options: { readonly customers?: ReadonlyArray<InMemoryCustomerSeed> } = {},
) =>
  Effect.gen(function* () {
    const customersByKey = new Map<string, HostCustomer>()
    const customersById = new Map<string, HostCustomer>()
    const casesByKey = new Map<string, MutableCase>()
    const casesById = new Map<string, MutableCase>()
    /** Cases staff opened that tixi has not keyed yet (adoptable by `adoptRecordId`). */
    const unkeyedCases = new Set<string>()
    const tasksByKey = new Map<string, HostTask>()
    const activitiesByKey = new Map<string, HostActivity>()
    const fieldsByName = new Map<string, FieldSpec>()
    const creationCounts = new Map<string, number>()
    const log: Array<string> = []
    const changes: Array<HostChange> = []
    const faults = new Map<HostCrmOperation, Array<PortFailureReason>>()
    let sequence = 0
    const nextId = (prefix: string) => hostRecordId(`mem-${prefix}-${++sequence}`)

    const recordChange = (
      object: HostObject,
      recordId: HostRecordId,
      externalKey: string | undefined,
      changeType: HostChange["changeType"],
      changedFields: ReadonlyArray<string>,
      occurredAt: Instant,
      origin: HostChange["origin"],
    ) => {
      changes.push({
        changeId: `mem-change-${changes.length + 1}`,
        object,
        recordId,
        externalKey,
        changeType,
        changedFields,
        occurredAt,
        origin,
      })
    }

    const created = (externalKey: string) =>
      creationCounts.set(externalKey, (creationCounts.get(externalKey) ?? 0) + 1)

    /** Fails with an injected fault, if one is queued for the operation. */
    const guard = (operation: HostCrmOperation) =>
      Effect.suspend(() => {
        const queued = faults.get(operation)
        const reason = queued?.shift()
        if (reason === undefined) return Effect.void
        return Effect.fail(
          new PortFailure({
            port: "HostCrm",
            operation,
            reason,
            detail: "injected failure (in-memory host)",
          }),
        )
      })

    const notFound = (operation: HostCrmOperation, resource: string, id: string) =>
      new PortFailure({
        port: "HostCrm",
        operation,
        reason: new NotFound({ resource, id }),
        detail: `${resource} ${id} does not exist`,
      })

    const invalid = (operation: HostCrmOperation, field: string, message: string) =>
      new PortFailure({
        port: "HostCrm",
        operation,
        reason: new InvalidRequest({ fields: [{ field, message }] }),
        detail: `${field}: ${message}`,
      })

    const upsertOne = (draft: InMemoryCustomerSeed, now: Instant): HostCustomer | PortFailure => {
      if (draft.externalKey.length === 0)
        return invalid("upsertCustomers", "externalKey", "must not be empty")
      if (draft.name.trim().length === 0) return invalid("upsertCustomers", "name", "must not be empty")
      const existing = customersByKey.get(draft.externalKey)
      const customer: HostCustomer = {
        id: existing?.id ?? nextId("customer"),
        externalKey: draft.externalKey,
        kind: draft.kind,
        name: draft.name,
        fields: { ...existing?.fields, ...draft.fields },
        updatedAt: now,
        ...(draft.contactDetails
          ? { contactDetails: draft.contactDetails }
          : existing?.contactDetails
            ? { contactDetails: existing.contactDetails }
            : {}),
      }
      if (!existing) created(draft.externalKey)
      customersByKey.set(draft.externalKey, customer)
      customersById.set(customer.id, customer)
      log.push(`upsertCustomer ${draft.externalKey}`)
      recordChange(
        "customer",
        customer.id,
        draft.externalKey,
        existing ? "updated" : "created",
        Object.keys(draft.fields),
        now,
        "tixi",
      )
      return customer
    }

    for (const draft of options.customers ?? []) upsertOne(draft, 0)

    const service: HostCrmService = {
      host: "memory",
      getCustomer: (id) =>
        guard("getCustomer").pipe(
          Effect.flatMap(() => {
            const customer = customersById.get(id)
            return customer ? Effect.succeed(customer) : Effect.fail(notFound("getCustomer", "customer", id))
          }),
        ),
      findCustomer: (externalKey) =>
        guard("findCustomer").pipe(Effect.map(() => customersByKey.get(externalKey))),
      listCustomers: ({ cursor, limit }) =>
        guard("listCustomers").pipe(
          Effect.flatMap(() => {
            if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
              return Effect.fail(invalid("listCustomers", "limit", "must be a whole number from 1 to 1000"))
            }
            const start = cursor === undefined ? 0 : Number(cursor)
            if (!Number.isInteger(start) || start < 0) {
              return Effect.fail(invalid("listCustomers", "cursor", "is not a cursor this host issued"))
            }
            const all = [...customersById.values()]
            const items = all.slice(start, start + limit)
            const next = start + limit < all.length ? String(start + limit) : undefined
            return Effect.succeed({ items, next })
          }),
        ),
      upsertCustomers: (drafts) =>
        Effect.gen(function* () {
          yield* guard("upsertCustomers")
          const now = yield* Clock.currentTimeMillis
          const succeeded: Array<{ index: number; value: HostCustomer }> = []
          const failed: Array<{ index: number; error: PortFailure }> = []
          drafts.forEach((draft, index) => {
            const outcome = upsertOne(draft, now)
            if (outcome instanceof PortFailure) failed.push({ index, error: outcome })
            else succeeded.push({ index, value: outcome })
          })
          return { succeeded, failed } satisfies BatchOutcome<HostCustomer>
        }),
      updateCustomerFields: (updates) =>
        Effect.gen(function* () {
          yield* guard("updateCustomerFields")
          const now = yield* Clock.currentTimeMillis
          const succeeded: Array<{ index: number; value: HostRecordId }> = []
          const failed: Array<{ index: number; error: PortFailure }> = []
          updates.forEach(({ id, fields }, index) => {
            const existing = customersById.get(id)
            if (!existing) {
              failed.push({ index, error: notFound("updateCustomerFields", "customer", id) })
              return
            }
            const updated = { ...existing, fields: { ...existing.fields, ...fields }, updatedAt: now }
            customersById.set(id, updated)
            if (existing.externalKey !== undefined) customersByKey.set(existing.externalKey, updated)
            log.push(`updateCustomerFields ${existing.externalKey ?? id}`)
            recordChange("customer", id, existing.externalKey, "updated", Object.keys(fields), now, "tixi")
            succeeded.push({ index, value: id })
          })
          return { succeeded, failed } satisfies BatchOutcome<HostRecordId>
        }),
      upsertCase: (draft: CaseDraft) =>
        Effect.gen(function* () {
          yield* guard("upsertCase")
          if (draft.externalKey.length === 0)
            return yield* invalid("upsertCase", "externalKey", "must not be empty")
          if (draft.customerKey !== undefined && !customersByKey.has(draft.customerKey)) {
            return yield* notFound("upsertCase", "customer", draft.customerKey)
          }
          const now = yield* Clock.currentTimeMillis
          let existing = casesByKey.get(draft.externalKey)
          let adopted = false
          if (!existing && draft.adoptRecordId !== undefined) {
            const opened = casesById.get(draft.adoptRecordId)
            if (opened && !unkeyedCases.has(opened.id)) {
              return yield* new PortFailure({
                port: "HostCrm",
                operation: "upsertCase",
                reason: new Conflict(),
                detail: `case ${opened.id} is already tixi's case ${opened.externalKey}; it cannot become ${draft.externalKey}`,
              })
            }
            if (opened) {
              unkeyedCases.delete(opened.id)
              casesByKey.delete(opened.externalKey)
              existing = opened
              adopted = true
            }
          }
          const record: MutableCase = {
            id: existing?.id ?? nextId("case"),
            externalKey: draft.externalKey,
            subject: draft.subject,
            description: draft.description,
            customerKey: draft.customerKey ?? existing?.customerKey,
            status: draft.status,
            stage: draft.stage,
            priority: draft.priority,
            ownerId: draft.ownerId ?? existing?.ownerId,
            fields: { ...existing?.fields, ...draft.fields },
            updatedAt: now,
          }
          if (!existing) created(draft.externalKey)
          casesByKey.set(draft.externalKey, record)
          casesById.set(record.id, record)
          log.push(`${adopted ? "adoptCase" : "upsertCase"} ${draft.externalKey}`)
          recordChange(
            "case",
            record.id,
            draft.externalKey,
            existing ? "updated" : "created",
            Object.keys(draft.fields),
            now,
            "tixi",
          )
          return { ...record }
        }),
      getCase: (id) =>
        guard("getCase").pipe(
          Effect.flatMap(() => {
            const record = casesById.get(id)
            return record ? Effect.succeed({ ...record }) : Effect.fail(notFound("getCase", "case", id))
          }),
        ),
      findCase: (externalKey) =>
        guard("findCase").pipe(
          Effect.map(() => {
            const record = casesByKey.get(externalKey)
            return record ? { ...record } : undefined
          }),
        ),
      createTask: (draft: TaskDraft) =>
        Effect.gen(function* () {
          yield* guard("createTask")
          if (draft.subject.trim().length === 0)
            return yield* invalid("createTask", "subject", "must not be empty")
          const existing = tasksByKey.get(draft.externalKey)
          if (existing) return existing
          const task: HostTask = {
            id: nextId("task"),
            externalKey: draft.externalKey,
            subject: draft.subject,
            body: draft.body,
            assigneeId: draft.assigneeId,
            dueAt: draft.dueAt,
            status: "open",
            caseKey: draft.caseKey,
          }
          created(draft.externalKey)
          tasksByKey.set(draft.externalKey, task)
          log.push(`createTask ${draft.externalKey}`)
          return task
        }),
      completeTask: (externalKey) =>
        Effect.gen(function* () {
          yield* guard("completeTask")
          const task = tasksByKey.get(externalKey)
          if (!task) return yield* notFound("completeTask", "task", externalKey)
          if (task.status === "done") return task
          const done: HostTask = { ...task, status: "done" }
          tasksByKey.set(externalKey, done)
          log.push(`completeTask ${externalKey}`)
          return done
        }),
      logActivity: (draft: ActivityDraft) =>
        Effect.gen(function* () {
          yield* guard("logActivity")
          const existing = activitiesByKey.get(draft.externalKey)
          if (existing) return existing
          const activity: HostActivity = {
            id: nextId("activity"),
            externalKey: draft.externalKey,
            kind: draft.kind,
            subject: draft.subject,
            body: draft.body,
            occurredAt: draft.occurredAt,
            caseKey: draft.caseKey,
            customerKey: draft.customerKey,
          }
          created(draft.externalKey)
          activitiesByKey.set(draft.externalKey, activity)
          log.push(`logActivity ${draft.externalKey}`)
          return activity
        }),
      ensureFields: (specs, { dryRun }) =>
        Effect.gen(function* () {
          yield* guard("ensureFields")
          const names = new Set<string>()
          const steps: Array<InstallStep> = []
          for (const spec of specs) {
            const id = `${spec.object}.${spec.name}`
            if (names.has(id))
              return yield* new PortFailure({
                port: "HostCrm",
                operation: "ensureFields",
                reason: new Conflict(),
                detail: `field ${id} is listed twice`,
              })
            names.add(id)
            const existing = fieldsByName.get(id)
            const step = planField(existing, spec)
            steps.push(step)
            if (!dryRun && step.action !== "unchanged") fieldsByName.set(id, spec)
          }
          return steps
        }),
      pollChanges: (cursor, limit) =>
        guard("pollChanges").pipe(
          Effect.flatMap(() => {
            const start = cursor === undefined ? 0 : Number(cursor)
            if (!Number.isInteger(start) || start < 0 || start > changes.length) {
              return Effect.fail(invalid("pollChanges", "cursor", "is not a cursor this host issued"))
            }
            const page = changes.slice(start, start + Math.max(1, limit))
            return Effect.succeed({ changes: page, cursor: String(start + page.length) })
          }),
        ),
    }

    const control: InMemoryHostCrmControl = {
      customers: () => [...customersById.values()],
      cases: () => [...casesById.values()].map((record) => ({ ...record })),
      tasks: () => [...tasksByKey.values()],
      activities: () => [...activitiesByKey.values()],
      fieldSpecs: () => [...fieldsByName.values()],
      creations: (externalKey) => creationCounts.get(externalKey) ?? 0,
      writeLog: () => [...log],
      staffOpensCase: (input, at) => {
        const id = nextId("case")
        const record: MutableCase = {
          id,
          externalKey: unkeyedCaseKey(id),
          subject: input.subject,
          description: input.description,
          customerKey: input.customerKey,
          status: "open",
          stage: "new",
          priority: input.priority ?? "normal",
          ownerId: undefined,
          fields: { ...input.fields },
          updatedAt: at,
        }
        casesById.set(id, record)
        casesByKey.set(record.externalKey, record)
        unkeyedCases.add(id)
        recordChange("case", id, undefined, "created", Object.keys(record.fields), at, "host")
        return { ...record }
      },
      staffEditsCase: (id, patch, at) => {
        const record = casesById.get(id)
        if (!record) throw new Error(`no case ${id}`)
        if (patch.fields) record.fields = { ...record.fields, ...patch.fields }
        if (patch.stage !== undefined) record.stage = patch.stage
        if (patch.status !== undefined) record.status = patch.status
        if (patch.priority !== undefined) record.priority = patch.priority
        if (patch.subject !== undefined) record.subject = patch.subject
        if (patch.customerKey !== undefined) record.customerKey = patch.customerKey
        record.updatedAt = at
        const changed = [
          ...Object.keys(patch.fields ?? {}),
          ...(["stage", "status", "priority", "subject", "customerKey"] as const).filter(
            (name) => patch[name] !== undefined,
          ),
        ]
        const externalKey = unkeyedCases.has(id) ? undefined : record.externalKey
        recordChange("case", id, externalKey, "updated", changed, at, "host")
        return { ...record }
      },
      failNext: (operation, reason, times = 1) => {
        const queued = faults.get(operation) ?? []
        for (let index = 0; index < times; index++) queued.push(reason)
        faults.set(operation, queued)
      },
    }
    return { service, control }
  })

function planField(existing: FieldSpec | undefined, spec: FieldSpec): InstallStep {
  const base = { object: spec.object, name: spec.name }
  if (!existing) return { ...base, action: "create", detail: `creates ${spec.type} field` }
  const differences: Array<string> = []
  if (existing.type !== spec.type) differences.push(`type ${existing.type} → ${spec.type}`)
  if (existing.label["zh-CN"] !== spec.label["zh-CN"] || existing.label.en !== spec.label.en) {
    differences.push("label")
  }
  const before = new Set((existing.options ?? []).map((option) => option.value))
  const after = (spec.options ?? []).map((option) => option.value)
  const added = after.filter((value) => !before.has(value))
  if (added.length > 0) differences.push(`adds options ${added.join(", ")}`)
  return differences.length === 0
    ? { ...base, action: "unchanged", detail: "up to date" }
    : { ...base, action: "update", detail: differences.join("; ") }
}
