import {
  type ActivityDraft,
  type HostActivity,
  type HostTask,
  hostRecordId,
  type TaskDraft,
} from "@tixi/core"
import { Effect } from "effect"
import { dateIn, instantOf } from "../mapping/instants.ts"
import { createRecord } from "../operations/rest/create-record.ts"
import { queryAll, soqlString } from "../operations/rest/query.ts"
import { updateRecord } from "../operations/rest/update-record.ts"
import type { RawRecord } from "../vendor/rest.ts"
import type { CrmContext } from "./crm-context.ts"

/** The Activity field holding tixi's activity kind (call, meeting, visit, email, note). */
export const kindField = "Tixi_Kind__c"

const taskFields = (context: CrmContext) =>
  [
    "Id",
    "Subject",
    "Description",
    "OwnerId",
    "ReminderDateTime",
    "Status",
    "WhatId",
    context.settings.externalIdField,
  ].join(", ")

const toTask = (context: CrmContext, row: RawRecord, caseKey: string | undefined): HostTask => ({
  id: hostRecordId(String(row.Id)),
  externalKey: String(row[context.settings.externalIdField]),
  subject: String(row.Subject ?? ""),
  body: String(row.Description ?? ""),
  assigneeId: context.personOf(row.OwnerId),
  dueAt: typeof row.ReminderDateTime === "string" ? instantOf(row.ReminderDateTime) : undefined,
  status: row.Status === "Completed" ? "done" : "open",
  caseKey,
})

const findTask = (context: CrmContext, externalKey: string, operation: string) =>
  Effect.map(
    queryAll(
      context.client,
      // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm
      `SELECT ${taskFields(context)} FROM Task WHERE ${context.settings.externalIdField} = ${soqlString(externalKey)} LIMIT 1`,
      { operation },
    ),
    (rows) => rows[0],
  )

/** The Case (or Account) an activity is about, by tixi's key: the `WhatId`. */
const whatIdOf = (
  context: CrmContext,
  draft: { readonly caseKey?: string; readonly customerKey?: string },
  operation: string,
) =>
  Effect.gen(function* () {
    if (draft.caseKey !== undefined) {
      const id = yield* context.idByKey("Case", draft.caseKey, operation)
      if (!id) return yield* context.notFound(operation, "case", draft.caseKey)
      return id
    }
    if (draft.customerKey !== undefined) {
      const id = yield* context.idByKey("Account", draft.customerKey, operation)
      if (!id) return yield* context.notFound(operation, "customer", draft.customerKey)
      return id
    }
    return undefined
  })

/**
 * Creates a Task for a member of staff, once per key. Activities cannot be upserted by an external
 * id reliably (`WhatId` is polymorphic and activity fields are not external ids here), so tixi
 * looks the key up first and creates only when it is absent. The due instant goes to
 * `ReminderDateTime`; `ActivityDate` carries its date in the org's time zone.
 */
export const createTask = (context: CrmContext, draft: TaskDraft) =>
  Effect.gen(function* () {
    if (draft.subject.trim() === "")
      return yield* context.invalid("createTask", "subject", "must not be empty")
    const existing = yield* findTask(context, draft.externalKey, "createTask")
    if (existing) return toTask(context, existing, draft.caseKey)
    const whatId = yield* whatIdOf(context, draft, "createTask")
    const values: Record<string, unknown> = {
      [context.settings.externalIdField]: draft.externalKey,
      [kindField]: "task",
      Subject: draft.subject,
      Description: draft.body,
      Status: "Not Started",
      ...(whatId === undefined ? {} : { WhatId: whatId }),
      ...(draft.dueAt === undefined
        ? {}
        : {
            ActivityDate: dateIn(draft.dueAt, context.settings.timeZone),
            ReminderDateTime: new Date(draft.dueAt).toISOString(),
            IsReminderSet: true,
          }),
    }
    if (draft.assigneeId !== undefined)
      values.OwnerId = yield* context.userIdOf(draft.assigneeId, "assigneeId", "createTask")
    yield* createRecord(context.client, { object: "Task", values, operation: "createTask" })
    const created = yield* findTask(context, draft.externalKey, "createTask")
    return toTask(context, created!, draft.caseKey)
  })

/** Marks a Task done (Status Completed); completing a completed Task sends nothing. */
export const completeTask = (context: CrmContext, externalKey: string) =>
  Effect.gen(function* () {
    const task = yield* findTask(context, externalKey, "completeTask")
    if (!task) return yield* context.notFound("completeTask", "task", externalKey)
    if (task.Status !== "Completed") {
      yield* updateRecord(context.client, {
        object: "Task",
        id: String(task.Id),
        values: { Status: "Completed" },
        operation: "completeTask",
      })
    }
    return { ...toTask(context, task, undefined), status: "done" as const }
  })

const subtypeOf = { call: "Call", email: "Email", note: "Task" } as const

/**
 * Records a contact with the customer on the timeline, once per key: calls, emails and notes as
 * completed Tasks (TaskSubtype Call / Email / Task); meetings and visits as Events.
 */
export const logActivity = (context: CrmContext, draft: ActivityDraft) =>
  Effect.gen(function* () {
    const key = context.settings.externalIdField
    const object = draft.kind === "meeting" || draft.kind === "visit" ? "Event" : "Task"
    const select = (operation: string) =>
      Effect.map(
        queryAll(
          context.client,
          // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_event.htm
          `SELECT Id, ${key}, ${kindField}, Subject, Description FROM ${object} WHERE ${key} = ${soqlString(draft.externalKey)} LIMIT 1`,
          { operation },
        ),
        (rows) => rows[0],
      )
    const toActivity = (row: RawRecord): HostActivity => ({
      id: hostRecordId(String(row.Id)),
      externalKey: draft.externalKey,
      kind: (row[kindField] as HostActivity["kind"]) ?? draft.kind,
      subject: String(row.Subject ?? ""),
      body: String(row.Description ?? ""),
      occurredAt: draft.occurredAt,
      caseKey: draft.caseKey,
      customerKey: draft.customerKey,
    })
    const existing = yield* select("logActivity")
    if (existing) return toActivity(existing)
    const whatId = yield* whatIdOf(context, draft, "logActivity")
    const common = {
      [key]: draft.externalKey,
      [kindField]: draft.kind,
      Subject: draft.subject,
      Description: draft.body,
      ...(whatId === undefined ? {} : { WhatId: whatId }),
    }
    const values =
      object === "Event"
        ? {
            ...common,
            StartDateTime: new Date(draft.occurredAt).toISOString(),
            EndDateTime: new Date(draft.occurredAt).toISOString(),
            Type: "Meeting",
          }
        : {
            ...common,
            TaskSubtype: subtypeOf[draft.kind as keyof typeof subtypeOf],
            Status: "Completed",
            ActivityDate: dateIn(draft.occurredAt, context.settings.timeZone),
          }
    yield* createRecord(context.client, { object, values, operation: "logActivity" })
    return toActivity((yield* select("logActivity"))!)
  })
