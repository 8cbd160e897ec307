import { type CaseDraft, Conflict, type HostRecordId, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import { customerKeyProperty, customerTypes, keyProperty, ownerProperty } from "../mapping/names.ts"
import { associateDefault } from "../operations/associate-default.ts"
import { listAssociations } from "../operations/list-associations.ts"
import { readById } from "../operations/read-by-id.ts"
import { readByIds } from "../operations/read-by-ids.ts"
import { readByKey } from "../operations/read-by-key.ts"
import { updateObject } from "../operations/update-object.ts"
import { upsertByKey } from "../operations/upsert-by-key.ts"
import type { HubSpotObject } from "../vendor/schemas.ts"
import type { HostCrmContext } from "./context.ts"
import { findCustomer } from "./customers.ts"
import { invalid, notFound } from "./failures.ts"
import { adoptedTicketId, parseCustomerRecordId } from "./record-ids.ts"
import { coreProperties, hubSpotPriorityOf, toCase } from "./records.ts"

const ticketProperties = (context: HostCrmContext) =>
  Effect.map(context.fields.propertiesOf("tickets"), (fields) => ({
    all: [...coreProperties.tickets, ...fields],
    fields,
  }))

/**
 * The tixi key of a ticket's customer: `tixi_customer_key` when tixi wrote it, otherwise the key
 * of the first company, then contact, staff associated with the ticket (a ticket opened in
 * HubSpot is linked to its customer by association, not by tixi's property).
 */
const customerKeyOf = (context: HostCrmContext, record: HubSpotObject) =>
  Effect.gen(function* () {
    const written = record.properties[customerKeyProperty]
    if (written) return written
    for (const type of customerTypes) {
      const ids = yield* listAssociations(context.gateway, "tickets", record.id, type)
      if (ids.length === 0) continue
      const records = yield* readByIds(context.gateway, type, ids, [keyProperty])
      for (const id of ids) {
        const key = records.get(id)?.properties[keyProperty]
        if (key) return key
      }
    }
    return undefined
  })

/** A ticket record as a tixi case. */
export const mapTicket = (
  context: HostCrmContext,
  record: HubSpotObject,
  fieldProperties: ReadonlyArray<string>,
) =>
  Effect.gen(function* () {
    const stage = yield* context.stages.stageOf(
      record.properties.hs_pipeline ?? undefined,
      record.properties.hs_pipeline_stage ?? undefined,
    )
    const mapped = toCase(record, stage, context.fields, fieldProperties)
    if (mapped.customerKey !== undefined) return mapped
    const customerKey = yield* customerKeyOf(context, record)
    return customerKey === undefined ? mapped : { ...mapped, customerKey }
  })

/** Reads a case by ticket id. */
export const getCase = (context: HostCrmContext, id: HostRecordId) =>
  Effect.gen(function* () {
    if (!/^\d+$/.test(id)) return yield* notFound("getCase", "case", id)
    const properties = yield* ticketProperties(context)
    const record = yield* readById(context.gateway, "tickets", id, properties.all).pipe(
      Effect.mapError((failure) =>
        failure.reason._tag === "NotFound" ? notFound("getCase", "case", id) : failure,
      ),
    )
    return yield* mapTicket(context, record, properties.fields)
  })

/** A ticket by id with its tixi key, or undefined when it does not exist (any more). */
const readTicket = (context: HostCrmContext, id: string) =>
  Effect.catchIf(
    readById(context.gateway, "tickets", id, [keyProperty]),
    (failure) => failure.reason._tag === "NotFound",
    () => Effect.succeed(undefined),
  )

/** Finds a case by tixi key, or a staff-opened ticket by its `host:<id>` key. */
export const findCase = (context: HostCrmContext, key: string) =>
  Effect.gen(function* () {
    const properties = yield* ticketProperties(context)
    const found = (yield* readByKey(context.gateway, "tickets", keyProperty, [key], properties.all)).get(key)
    if (found) return yield* mapTicket(context, found, properties.fields)
    const unkeyed = adoptedTicketId(key)
    if (unkeyed === undefined) return undefined
    const record = yield* Effect.catchIf(
      readById(context.gateway, "tickets", unkeyed, properties.all),
      (failure) => failure.reason._tag === "NotFound",
      () => Effect.succeed(undefined),
    )
    if (!record) return undefined
    // A ticket tixi keyed is not the unkeyed case any more.
    if (record.properties[keyProperty] && record.properties[keyProperty] !== key) return undefined
    return yield* mapTicket(context, record, properties.fields)
  })

/**
 * The ticket a draft writes by id rather than by key: the staff-opened ticket the case takes over
 * (`adoptRecordId`, while no ticket carries the key yet), or the ticket an unkeyed key (`host:<id>`)
 * names. Undefined when the draft writes by key: nothing to take over, or the ticket to take over
 * is gone (a new one is made). Taking over a ticket tixi keyed under another key is a Conflict.
 */
const ticketById = (context: HostCrmContext, draft: CaseDraft) =>
  Effect.gen(function* () {
    const unkeyed = adoptedTicketId(draft.externalKey)
    if (unkeyed !== undefined) {
      const record = yield* readTicket(context, unkeyed)
      if (!record) return yield* notFound("upsertCase", "case", draft.externalKey)
      const key = record.properties[keyProperty]
      if (key && key !== draft.externalKey) return yield* notFound("upsertCase", "case", draft.externalKey)
      return { id: unkeyed, key: undefined }
    }
    if (draft.adoptRecordId === undefined) return undefined
    // Taken over already (every write of the complaint names the ticket): upsert by key.
    if (context.adoptedTickets.get(draft.adoptRecordId) === draft.externalKey) return undefined
    const keyed = (yield* readByKey(context.gateway, "tickets", keyProperty, [draft.externalKey], [])).get(
      draft.externalKey,
    )
    if (keyed) {
      if (keyed.id === draft.adoptRecordId) context.adoptedTickets.set(keyed.id, draft.externalKey)
      return undefined
    }
    const record = yield* readTicket(context, draft.adoptRecordId)
    if (!record) return undefined
    const key = record.properties[keyProperty]
    if (key && key !== draft.externalKey) {
      return yield* new PortFailure({
        port: "HostCrm",
        operation: "upsertCase",
        reason: new Conflict(),
        detail: `ticket ${record.id} is already tixi's case ${key}; it cannot become ${draft.externalKey}`,
      })
    }
    return { id: record.id, key: draft.externalKey }
  })

/**
 * Creates or updates the ticket of a case, matched on `tixi_key` with `batch/upsert` (a retry
 * updates the same ticket). A staff-opened ticket the draft takes over (`adoptRecordId`) is
 * keyed and updated by id, once; a draft addressed by an unkeyed key (`host:<id>`) updates that
 * ticket and leaves it unkeyed. The ticket is placed in the stage's pipeline stage, associated with
 * the customer's company or contact, and read back whole. Fields the portal lacks fail before
 * anything is written (run install).
 */
export const upsertCase = (context: HostCrmContext, draft: CaseDraft) =>
  Effect.gen(function* () {
    if (draft.externalKey.trim() === "") {
      return yield* invalid("upsertCase", "externalKey", "must not be empty")
    }
    const stage = yield* context.stages.idsOf(draft.stage)
    const customer =
      draft.customerKey === undefined ? undefined : yield* findCustomer(context, draft.customerKey)
    if (draft.customerKey !== undefined && !customer)
      return yield* notFound("upsertCase", "customer", draft.customerKey)
    yield* context.fields.ensureWritable("case", draft.fields)
    const owner = draft.ownerId === undefined ? undefined : context.gateway.settings.ownerIdOf(draft.ownerId)
    const properties: Record<string, string> = {
      subject: draft.subject,
      content: draft.description,
      hs_pipeline: stage.pipelineId,
      hs_pipeline_stage: stage.stageId,
      hs_ticket_priority: hubSpotPriorityOf(draft.priority),
      ...(draft.customerKey === undefined ? {} : { [customerKeyProperty]: draft.customerKey }),
      ...(draft.ownerId === undefined ? {} : { [ownerProperty]: draft.ownerId }),
      ...(owner === undefined ? {} : { hubspot_owner_id: owner }),
      ...context.fields.toProperties("case", draft.fields),
    }
    let ticketId: string
    const byId = yield* ticketById(context, draft)
    if (byId) {
      const updated = yield* updateObject(context.gateway, "tickets", byId.id, {
        ...properties,
        ...(byId.key === undefined ? {} : { [keyProperty]: byId.key }),
      }).pipe(
        Effect.mapError((failure) =>
          failure.reason._tag === "NotFound" ? notFound("upsertCase", "case", draft.externalKey) : failure,
        ),
      )
      ticketId = updated.id
      if (byId.key !== undefined) context.adoptedTickets.set(ticketId, byId.key)
    } else {
      const written = yield* upsertByKey(context.gateway, "tickets", keyProperty, [
        { key: draft.externalKey, properties },
      ])
      const record = written.get(draft.externalKey)
      if (!record) return yield* notFound("upsertCase", "case", draft.externalKey)
      ticketId = record.id
    }
    if (customer) {
      const target = parseCustomerRecordId(customer.id)!
      yield* associateDefault(context.gateway, "tickets", target.type, [
        { fromId: ticketId, toId: target.id },
      ])
    }
    return yield* getCase(context, ticketId as HostRecordId)
  })
