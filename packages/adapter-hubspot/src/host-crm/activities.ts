import type { ActivityDraft, HostActivity, HostTask, TaskDraft } from "@tixi/core"
import { Clock, Effect } from "effect"
import { keyProperty, ownerProperty } from "../mapping/names.ts"
import { createObject, type NewAssociation } from "../operations/create-object.ts"
import { listAssociations } from "../operations/list-associations.ts"
import type { ActivityObjectType } from "../operations/object-types.ts"
import { readByIds } from "../operations/read-by-ids.ts"
import { searchObjects } from "../operations/search-objects.ts"
import { updateObject } from "../operations/update-object.ts"
import type { HubSpotObject } from "../vendor/schemas.ts"
import { findCase } from "./cases.ts"
import type { HostCrmContext } from "./context.ts"
import { findCustomer } from "./customers.ts"
import { invalid, notFound } from "./failures.ts"
import { parseCustomerRecordId } from "./record-ids.ts"
import { coreProperties, toActivity, toTask } from "./records.ts"

/** HubSpot-defined association type ids from activities to tickets, companies and contacts. */
const associationTypeIds: Record<
  ActivityObjectType,
  { tickets: number; companies: number; contacts: number }
> = {
  tasks: { tickets: 230, companies: 192, contacts: 204 },
  calls: { tickets: 220, companies: 182, contacts: 194 },
  meetings: { tickets: 226, companies: 188, contacts: 200 },
  notes: { tickets: 228, companies: 190, contacts: 202 },
  emails: { tickets: 224, companies: 186, contacts: 198 },
}

/** Where a kind of activity lives on HubSpot: visits are meetings at the customer's site. */
const objectTypeOfKind: Record<ActivityDraft["kind"], ActivityObjectType> = {
  call: "calls",
  meeting: "meetings",
  visit: "meetings",
  email: "emails",
  note: "notes",
}

/**
 * Finds an activity by its tixi key. HubSpot has no unique properties on activities, and search
 * sees a new record only after indexing, so tixi looks where a just-written record is certain to
 * be found first: its own record of what it created, then the records associated with the case
 * (associations are consistent at once), and only then search.
 */
const findActivity = (
  context: HostCrmContext,
  type: ActivityObjectType,
  key: string,
  ticketId: string | undefined,
  properties: ReadonlyArray<string>,
) =>
  Effect.gen(function* () {
    const remembered = context.createdActivities.get(`${type}:${key}`)
    if (remembered) {
      const records = yield* readByIds(context.gateway, type, [remembered], properties)
      const record = records.get(remembered)
      if (record) return record
    }
    if (ticketId !== undefined) {
      const ids = yield* listAssociations(context.gateway, "tickets", ticketId, type)
      if (ids.length > 0) {
        const records = yield* readByIds(context.gateway, type, ids, properties)
        const match = [...records.values()].find((record) => record.properties[keyProperty] === key)
        if (match) return match
      }
    }
    const page = yield* searchObjects(context.gateway, type, {
      filterGroups: [[{ propertyName: keyProperty, operator: "EQ", value: key }]],
      sort: { propertyName: "hs_object_id", direction: "ASCENDING" },
      properties,
      limit: 1,
    })
    return page.results[0]
  })

/** Creates an activity, looking it up first so a retry never makes a second one. */
const createOnce = (
  context: HostCrmContext,
  type: ActivityObjectType,
  key: string,
  ticketId: string | undefined,
  properties: Record<string, string>,
  associations: ReadonlyArray<NewAssociation>,
  readProperties: ReadonlyArray<string>,
) =>
  Effect.gen(function* () {
    const attempt = Effect.gen(function* () {
      const existing = yield* findActivity(context, type, key, ticketId, readProperties)
      if (existing) return existing
      const created = yield* createObject(
        context.gateway,
        type,
        { ...properties, [keyProperty]: key },
        associations,
      )
      context.createdActivities.set(`${type}:${key}`, created.id)
      return created
    })
    // Each attempt looks again before creating, so retrying after a timeout stays exactly-once.
    let tries = 0
    for (;;) {
      const outcome = yield* Effect.result(attempt)
      if (outcome._tag === "Success") return outcome.success
      tries += 1
      if (!outcome.failure.isRetryable || tries >= context.gateway.settings.maxAttempts)
        return yield* Effect.fail(outcome.failure)
      yield* Effect.sleep(Math.min(10_000, 250 * 2 ** tries))
    }
  })

/** The ticket of a case key, or NotFound. */
const ticketOf = (context: HostCrmContext, operation: string, caseKey: string | undefined) =>
  Effect.gen(function* () {
    if (caseKey === undefined) return undefined
    const found = yield* findCase(context, caseKey)
    if (!found) return yield* notFound(operation, "case", caseKey)
    return found.id as string
  })

/** Creates a task for a member of staff on the case's ticket; repeating it returns the same task. */
export const createTask = (context: HostCrmContext, draft: TaskDraft) =>
  Effect.gen(function* () {
    if (draft.subject.trim() === "") return yield* invalid("createTask", "subject", "must not be empty")
    if (draft.externalKey.trim() === "")
      return yield* invalid("createTask", "externalKey", "must not be empty")
    const ticketId = yield* ticketOf(context, "createTask", draft.caseKey)
    const now = yield* Clock.currentTimeMillis
    const owner =
      draft.assigneeId === undefined ? undefined : context.gateway.settings.ownerIdOf(draft.assigneeId)
    const record = yield* createOnce(
      context,
      "tasks",
      draft.externalKey,
      ticketId,
      {
        hs_task_subject: draft.subject,
        hs_task_body: draft.body,
        hs_task_status: "NOT_STARTED",
        hs_task_type: "TODO",
        hs_timestamp: String(draft.dueAt ?? now),
        ...(draft.assigneeId === undefined ? {} : { [ownerProperty]: draft.assigneeId }),
        ...(owner === undefined ? {} : { hubspot_owner_id: owner }),
      },
      ticketId === undefined ? [] : [{ toId: ticketId, associationTypeId: associationTypeIds.tasks.tickets }],
      coreProperties.tasks,
    )
    return toTask(record, draft.caseKey)
  })

/** Marks a task done; a done task stays as it is. */
export const completeTask = (context: HostCrmContext, key: string) =>
  Effect.gen(function* () {
    const record = yield* findActivity(context, "tasks", key, undefined, coreProperties.tasks)
    if (!record) return yield* notFound("completeTask", "task", key)
    if (record.properties.hs_task_status === "COMPLETED") return toTask(record, undefined)
    const updated = yield* updateObject(context.gateway, "tasks", record.id, { hs_task_status: "COMPLETED" })
    return toTask(
      { ...record, properties: { ...record.properties, ...updated.properties } },
      undefined,
    ) satisfies HostTask
  })

const activityProperties = (draft: ActivityDraft): Record<string, string> => {
  const at = String(draft.occurredAt)
  switch (objectTypeOfKind[draft.kind]) {
    case "calls":
      return { hs_timestamp: at, hs_call_title: draft.subject, hs_call_body: draft.body }
    case "meetings":
      return {
        hs_timestamp: at,
        hs_meeting_title: draft.subject,
        hs_meeting_body: draft.body,
        hs_meeting_start_time: at,
        ...(draft.kind === "visit" ? { hs_meeting_location: "customer site" } : {}),
      }
    case "emails":
      return {
        hs_timestamp: at,
        hs_email_subject: draft.subject,
        hs_email_text: draft.body,
        hs_email_direction: "EMAIL",
      }
    default:
      return {
        hs_timestamp: at,
        hs_note_body: draft.subject === "" ? draft.body : `${draft.subject}\n\n${draft.body}`,
      }
  }
}

/** Logs a call, meeting, visit, email or note on the case and customer timelines, exactly once. */
export const logActivity = (context: HostCrmContext, draft: ActivityDraft) =>
  Effect.gen(function* () {
    if (draft.externalKey.trim() === "")
      return yield* invalid("logActivity", "externalKey", "must not be empty")
    const type = objectTypeOfKind[draft.kind]
    const ticketId = yield* ticketOf(context, "logActivity", draft.caseKey)
    const associations: Array<NewAssociation> = []
    if (ticketId !== undefined)
      associations.push({ toId: ticketId, associationTypeId: associationTypeIds[type].tickets })
    if (draft.customerKey !== undefined) {
      const customer = yield* findCustomer(context, draft.customerKey)
      if (!customer) return yield* notFound("logActivity", "customer", draft.customerKey)
      const target = parseCustomerRecordId(customer.id)!
      associations.push({ toId: target.id, associationTypeId: associationTypeIds[type][target.type] })
    }
    const record: HubSpotObject = yield* createOnce(
      context,
      type,
      draft.externalKey,
      ticketId,
      activityProperties(draft),
      associations,
      ["hs_timestamp", keyProperty],
    )
    return toActivity(record, draft) satisfies HostActivity
  })
