import {
  type CaseDraft,
  Conflict,
  type HostCase,
  type HostCasePriority,
  type HostRecordId,
  hostRecordId,
  isUnkeyedCaseKey,
  NotFound,
  PortFailure,
  unkeyedCaseKey,
} from "@tixi/core"
import { Effect } from "effect"
import { instantOf } from "../mapping/instants.ts"
import { isRecordId, keyPrefix, shortId } from "../mapping/record-ids.ts"
import { getRecord } from "../operations/rest/get-record.ts"
import { queryAll, soqlString } from "../operations/rest/query.ts"
import { updateRecord } from "../operations/rest/update-record.ts"
import { upsertRecord } from "../operations/rest/upsert-record.ts"
import type { RawRecord } from "../vendor/rest.ts"
import type { CrmContext } from "./crm-context.ts"
import { fromSalesforce } from "./field-catalog.ts"

/** The Case field holding tixi's stage (a Status value is too coarse for tixi's flow). */
export const stageField = "Tixi_Stage__c"

const selection = (context: CrmContext, operation: string) =>
  Effect.gen(function* () {
    const readable = yield* context.catalog.readable("Case", operation)
    const describe = yield* context.catalog.describe("Case", operation)
    const hasStage = describe.fields.some((field) => field.name === stageField)
    const base = [
      "Id",
      "Subject",
      "Description",
      "Status",
      "Priority",
      "IsClosed",
      "OwnerId",
      "LastModifiedDate",
      context.settings.externalIdField,
      `Account.${context.settings.externalIdField}`,
    ]
    return {
      fields: [
        ...new Set([...base, ...(hasStage ? [stageField] : []), ...readable.map((field) => field.apiName)]),
      ],
      readable,
    }
  })

/** The tixi priority of a Case Priority value (the first tixi priority mapped to it). */
const priorityOf = (context: CrmContext, value: unknown): HostCasePriority => {
  const entries = Object.entries(context.settings.casePriorities) as Array<[HostCasePriority, string]>
  return entries.find(([, picklist]) => picklist === value)?.[0] ?? "normal"
}

const toCase = (
  context: CrmContext,
  row: RawRecord,
  readable: ReadonlyArray<{ apiName: string; tixiName: string; type: string }>,
): HostCase => {
  const key = context.settings.externalIdField
  const account = row.Account as Record<string, unknown> | null | undefined
  return {
    id: hostRecordId(String(row.Id)),
    externalKey: typeof row[key] === "string" ? (row[key] as string) : unkeyedCaseKey(String(row.Id)),
    subject: String(row.Subject ?? ""),
    description: String(row.Description ?? ""),
    customerKey: typeof account?.[key] === "string" ? (account[key] as string) : undefined,
    status: row.IsClosed === true ? "closed" : "open",
    stage: typeof row[stageField] === "string" ? (row[stageField] as string) : String(row.Status ?? ""),
    priority: priorityOf(context, row.Priority),
    ownerId: context.personOf(row.OwnerId),
    fields: Object.fromEntries(
      readable.map((field) => [field.tixiName, fromSalesforce(field.type, row[field.apiName])]),
    ),
    updatedAt: instantOf(String(row.LastModifiedDate)),
  }
}

/** Reads a Case by id. */
export const getCase = (context: CrmContext, id: HostRecordId, operation = "getCase") =>
  Effect.gen(function* () {
    if (!isRecordId(id) || keyPrefix(id) !== "500") return yield* context.notFound(operation, "case", id)
    const { fields, readable } = yield* selection(context, operation)
    return toCase(
      context,
      yield* getRecord(context.client, { object: "Case", id, fields, operation, resource: "case" }),
      readable,
    )
  })

/** Finds a Case by tixi's key (the complaint number). */
export const findCase = (context: CrmContext, externalKey: string) =>
  Effect.gen(function* () {
    const { fields, readable } = yield* selection(context, "findCase")
    const rows = yield* queryAll(
      context.client,
      // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_case.htm
      `SELECT ${fields.join(", ")} FROM Case WHERE ${context.settings.externalIdField} = ${soqlString(externalKey)} LIMIT 1`,
      { operation: "findCase" },
    )
    return rows[0] ? toCase(context, rows[0], readable) : undefined
  })

/** The Case Status for a tixi stage: the mapped one, or the org's default open / first closed status. */
export const statusFor = (context: CrmContext, draft: Pick<CaseDraft, "stage" | "status">) =>
  Effect.gen(function* () {
    const statuses = yield* context.caseStatuses
    const mapped = context.settings.caseStatuses[draft.stage]
    if (mapped !== undefined) {
      const status = statuses.find((entry) => entry.apiName === mapped)
      if (!status)
        return yield* context.invalid(
          "upsertCase",
          "stage",
          `maps to Case Status "${mapped}", which the org does not have`,
        )
      if (status.isClosed !== (draft.status === "closed")) {
        return yield* context.invalid(
          "upsertCase",
          "status",
          `stage ${draft.stage} maps to "${mapped}", which is ${status.isClosed ? "closed" : "open"} in the org`,
        )
      }
      return mapped
    }
    const fallback =
      draft.status === "closed"
        ? statuses.find((entry) => entry.isClosed)
        : (statuses.find((entry) => entry.isDefault && !entry.isClosed) ??
          statuses.find((entry) => !entry.isClosed))
    if (!fallback)
      return yield* context.invalid("upsertCase", "status", `the org has no ${draft.status} Case Status`)
    return fallback.apiName
  })

/**
 * IsEscalated as the draft's escalation field says (settings `escalatedBy`): undefined when the
 * draft does not carry it, or a `fieldMap` entry writes IsEscalated itself.
 */
const escalatedOf = (context: CrmContext, draft: CaseDraft): boolean | undefined => {
  const name = context.settings.escalatedBy
  if (name === undefined || !Object.hasOwn(draft.fields, name)) return undefined
  if (Object.values(context.settings.fieldMap.case).some((api) => api.toLowerCase() === "isescalated"))
    return undefined
  const value = draft.fields[name]
  if (typeof value === "boolean") return value
  return Number(value ?? 0) > 0
}

/**
 * The Case staff opened that a draft takes over (`adoptRecordId`), while no Case carries the
 * draft's key yet: undefined when there is none to take over (keyed already, or gone), a
 * Conflict when the Case is tixi's under another key.
 */
const caseToAdopt = (context: CrmContext, draft: CaseDraft) =>
  Effect.gen(function* () {
    if (draft.adoptRecordId === undefined) return undefined
    const adopted = shortId(draft.adoptRecordId)
    // Taken over already (every write of the complaint names the Case): upsert by key.
    if (context.adoptedCases.get(adopted) === draft.externalKey) return undefined
    const keyed = yield* findCase(context, draft.externalKey)
    if (keyed) {
      if (shortId(keyed.id) === adopted) context.adoptedCases.set(adopted, draft.externalKey)
      return undefined
    }
    const opened = yield* Effect.catchIf(
      getCase(context, draft.adoptRecordId, "upsertCase"),
      (failure) => failure.reason._tag === "NotFound",
      () => Effect.succeed(undefined),
    )
    if (opened === undefined) return undefined
    if (!isUnkeyedCaseKey(opened.externalKey))
      return yield* new PortFailure({
        port: "HostCrm",
        operation: "upsertCase",
        reason: new Conflict(),
        detail: `Case ${opened.id} is already tixi's case ${opened.externalKey}; it cannot become ${draft.externalKey}`,
      })
    return opened
  })

/**
 * Creates or updates a Case by tixi's key (one upsert by external id, so a retry lands on the same
 * Case), then reads it back so the caller sees fields it did not name. The customer is linked by
 * its key through the Account relationship (`Account: { Tixi_Key__c }`), without a lookup call.
 * A Case staff opened (`adoptRecordId`) is keyed and updated by its id instead, once. IsEscalated
 * follows the draft's escalation field (settings `escalatedBy`).
 */
export const upsertCase = (context: CrmContext, draft: CaseDraft) =>
  Effect.gen(function* () {
    if (draft.externalKey.trim() === "")
      return yield* context.invalid("upsertCase", "externalKey", "must not be empty")
    const key = context.settings.externalIdField
    const custom = yield* context.catalog.toSalesforce("Case", draft.fields, "upsertCase")
    const values: Record<string, unknown> = {
      Subject: draft.subject,
      Description: draft.description,
      Status: yield* statusFor(context, draft),
      Priority: context.settings.casePriorities[draft.priority],
      [stageField]: draft.stage,
      ...custom,
    }
    const escalated = escalatedOf(context, draft)
    if (escalated !== undefined) values.IsEscalated = escalated
    if (draft.ownerId !== undefined)
      values.OwnerId = yield* context.userIdOf(draft.ownerId, "ownerId", "upsertCase")
    if (draft.customerKey !== undefined) values.Account = { [key]: draft.customerKey }
    const adopted = yield* caseToAdopt(context, draft)
    if (adopted !== undefined) {
      yield* updateRecord(context.client, {
        object: "Case",
        id: adopted.id,
        values: { ...values, [key]: draft.externalKey },
        operation: "upsertCase",
      })
      context.adoptedCases.set(shortId(adopted.id), draft.externalKey)
      return yield* getCase(context, adopted.id, "upsertCase")
    }
    const saved = yield* Effect.mapError(
      upsertRecord(context.client, {
        object: "Case",
        externalIdField: key,
        key: draft.externalKey,
        values,
        operation: "upsertCase",
      }),
      (failure) =>
        draft.customerKey !== undefined && /Foreign key external ID/i.test(failure.detail)
          ? new PortFailure({
              ...failure,
              reason: new NotFound({ resource: "customer", id: draft.customerKey }),
            })
          : failure,
    )
    const id = saved.id ?? (yield* context.idByKey("Case", draft.externalKey, "upsertCase"))
    if (!id) return yield* context.notFound("upsertCase", "case", draft.externalKey)
    return yield* getCase(context, hostRecordId(id), "upsertCase")
  })
