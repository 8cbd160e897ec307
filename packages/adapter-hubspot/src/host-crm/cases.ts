import type { CaseDraft, HostRecordId } from "@tixi/core"
import { Effect } from "effect"
import { customerKeyProperty, keyProperty, ownerProperty } from "../mapping/names.ts"
import { associateDefault } from "../operations/associate-default.ts"
import { readById } from "../operations/read-by-id.ts"
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

/** A ticket record as a tixi case. */
export const mapTicket = (
  context: HostCrmContext,
  record: HubSpotObject,
  fieldProperties: ReadonlyArray<string>,
) =>
  Effect.map(
    context.stages.stageOf(
      record.properties.hs_pipeline ?? undefined,
      record.properties.hs_pipeline_stage ?? undefined,
    ),
    (stage) => toCase(record, stage, context.fields, fieldProperties),
  )

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

/** Finds a case by tixi key, or a staff-opened ticket by its `hubspot:ticket:<id>` key. */
export const findCase = (context: HostCrmContext, key: string) =>
  Effect.gen(function* () {
    const properties = yield* ticketProperties(context)
    const found = (yield* readByKey(context.gateway, "tickets", keyProperty, [key], properties.all)).get(key)
    if (found) return yield* mapTicket(context, found, properties.fields)
    const adopted = adoptedTicketId(key)
    if (adopted === undefined) return undefined
    const record = yield* Effect.catchIf(
      readById(context.gateway, "tickets", adopted, properties.all),
      (failure) => failure.reason._tag === "NotFound",
      () => Effect.succeed(undefined),
    )
    if (!record) return undefined
    // A ticket tixi keyed with another key is not this case.
    if (record.properties[keyProperty] && record.properties[keyProperty] !== key) return undefined
    return yield* mapTicket(context, record, properties.fields)
  })

/**
 * Creates or updates the ticket of a case, matched on `tixi_key` with `batch/upsert` (a retry
 * updates the same ticket). A staff-opened ticket (`hubspot:ticket:<id>`) is updated by id and
 * keyed from then on. The ticket is placed in the stage's pipeline stage, associated with the
 * customer's company or contact, and read back whole.
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
    const adopted = adoptedTicketId(draft.externalKey)
    let ticketId: string
    const keyed =
      adopted === undefined
        ? undefined
        : (yield* readByKey(context.gateway, "tickets", keyProperty, [draft.externalKey], [])).get(
            draft.externalKey,
          )
    if (adopted !== undefined && !keyed) {
      const updated = yield* updateObject(context.gateway, "tickets", adopted, {
        ...properties,
        [keyProperty]: draft.externalKey,
      }).pipe(
        Effect.mapError((failure) =>
          failure.reason._tag === "NotFound" ? notFound("upsertCase", "case", draft.externalKey) : failure,
        ),
      )
      ticketId = updated.id
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
