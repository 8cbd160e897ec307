import {
  type BatchOutcome,
  type CustomerContactDetails,
  type CustomerDraft,
  type HostCustomer,
  type HostRecordId,
  hostRecordId,
  type PortFailure,
} from "@tixi/core"
import { Clock, Effect } from "effect"
import { instantOf } from "../mapping/instants.ts"
import { isRecordId, keyPrefix } from "../mapping/record-ids.ts"
import { getRecord } from "../operations/rest/get-record.ts"
import { queryAll, soqlString } from "../operations/rest/query.ts"
import type { RawRecord } from "../vendor/rest.ts"
import { writeRecords } from "../writes/record-writes.ts"
import type { CrmContext } from "./crm-context.ts"
import { fromSalesforce } from "./field-catalog.ts"

type CustomerObject = "Account" | "Contact"

/**
 * The standard fields that say how to reach a customer, which a complaint's registration form
 * asks for: an Account's phone and billing address (and a Person Account's e-mail), a Contact's
 * phone, e-mail and mailing address.
 */
const contactFields = (object: CustomerObject, personAccounts: boolean) =>
  object === "Account"
    ? ["Phone", "BillingStreet", "BillingCity", ...(personAccounts ? ["PersonEmail"] : [])]
    : ["Phone", "Email", "MailingStreet", "MailingCity"]

/** The fields to read of a customer object: identity, name, key, modstamp, contact and every tixi field. */
const selection = (context: CrmContext, object: CustomerObject, operation: string) =>
  Effect.map(context.catalog.readable(object, operation), (readable) => {
    const base =
      object === "Account"
        ? [
            "Id",
            "Name",
            context.settings.externalIdField,
            "LastModifiedDate",
            ...(context.settings.personAccounts ? ["IsPersonAccount"] : []),
            ...contactFields(object, context.settings.personAccounts),
          ]
        : [
            "Id",
            "FirstName",
            "LastName",
            context.settings.externalIdField,
            "LastModifiedDate",
            ...contactFields(object, false),
          ]
    return { fields: [...new Set([...base, ...readable.map((field) => field.apiName)])], readable }
  })

/** How to reach an Account or Contact, from its standard fields; undefined when none is filled. */
function contactDetailsOf(object: CustomerObject, row: RawRecord): CustomerContactDetails | undefined {
  const text = (name: string) => (typeof row[name] === "string" && (row[name] as string).trim()) || undefined
  const phone = text("Phone")
  const email = object === "Contact" ? text("Email") : text("PersonEmail")
  const address = (
    object === "Account"
      ? [text("BillingStreet"), text("BillingCity")]
      : [text("MailingStreet"), text("MailingCity")]
  )
    .filter((part) => part !== undefined)
    .join(", ")
  if (phone === undefined && email === undefined && address === "") return undefined
  return {
    ...(phone === undefined ? {} : { phone }),
    ...(email === undefined ? {} : { email }),
    ...(address === "" ? {} : { address }),
  }
}

/** An Account or Contact as tixi's customer. */
const toCustomer = (
  context: CrmContext,
  object: CustomerObject,
  row: RawRecord,
  readable: ReadonlyArray<{ readonly apiName: string; readonly tixiName: string; readonly type: string }>,
): HostCustomer => {
  const contactDetails = contactDetailsOf(object, row)
  return {
    id: hostRecordId(String(row.Id)),
    externalKey:
      typeof row[context.settings.externalIdField] === "string"
        ? (row[context.settings.externalIdField] as string)
        : undefined,
    kind: object === "Contact" || row.IsPersonAccount === true ? "person" : "organization",
    name:
      object === "Contact" ? [row.FirstName, row.LastName].filter(Boolean).join(" ") : String(row.Name ?? ""),
    fields: Object.fromEntries(
      readable.map((field) => [field.tixiName, fromSalesforce(field.type, row[field.apiName])]),
    ),
    updatedAt: instantOf(String(row.LastModifiedDate)),
    ...(contactDetails === undefined ? {} : { contactDetails }),
  }
}

const objectOfId = (id: string): CustomerObject | undefined =>
  !isRecordId(id)
    ? undefined
    : keyPrefix(id) === "001"
      ? "Account"
      : keyPrefix(id) === "003"
        ? "Contact"
        : undefined

/** Reads one customer by id (Account 001… or Contact 003…). */
export const getCustomer = (context: CrmContext, id: HostRecordId) =>
  Effect.gen(function* () {
    const object = objectOfId(id)
    if (!object) return yield* context.notFound("getCustomer", "customer", id)
    const { fields, readable } = yield* selection(context, object, "getCustomer")
    const row = yield* getRecord(context.client, {
      object,
      id,
      fields,
      operation: "getCustomer",
      resource: "customer",
    })
    return toCustomer(context, object, row, readable)
  })

/** Finds a customer by tixi's key: an Account, else (without Person Accounts) a Contact. */
export const findCustomer = (context: CrmContext, externalKey: string) =>
  Effect.gen(function* () {
    const objects: ReadonlyArray<CustomerObject> = context.settings.personAccounts
      ? ["Account"]
      : ["Account", "Contact"]
    for (const object of objects) {
      const { fields, readable } = yield* selection(context, object, "findCustomer")
      const rows = yield* queryAll(
        context.client,
        // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_account.htm
        `SELECT ${fields.join(", ")} FROM ${object} WHERE ${context.settings.externalIdField} = ${soqlString(externalKey)} LIMIT 1`,
        { operation: "findCustomer" },
      )
      if (rows[0]) return toCustomer(context, object, rows[0], readable)
    }
    return undefined
  })

/**
 * Lists customers in Id order, Accounts first and then (without Person Accounts) Contacts. The
 * cursor is the object and the last Id seen (`Account:001…`), so a page never repeats or skips
 * a customer even while records are added.
 */
export const listCustomers = (
  context: CrmContext,
  request: { readonly cursor?: string; readonly limit: number },
) =>
  Effect.gen(function* () {
    if (!Number.isInteger(request.limit) || request.limit < 1 || request.limit > 1000) {
      return yield* context.invalid("listCustomers", "limit", "must be a whole number from 1 to 1000")
    }
    const objects: ReadonlyArray<CustomerObject> = context.settings.personAccounts
      ? ["Account"]
      : ["Account", "Contact"]
    const [objectName, after] = (request.cursor ?? "Account:").split(":")
    const object = objects.find((candidate) => candidate === objectName)
    if (!object || (after !== "" && !isRecordId(after ?? ""))) {
      return yield* context.invalid("listCustomers", "cursor", "is not a cursor this host issued")
    }
    const { fields, readable } = yield* selection(context, object, "listCustomers")
    const where = after === "" ? "" : ` WHERE Id > ${soqlString(after!)}`
    const rows = yield* queryAll(
      context.client,
      // https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_orderby.htm
      `SELECT ${fields.join(", ")} FROM ${object}${where} ORDER BY Id LIMIT ${request.limit}`,
      {
        operation: "listCustomers",
      },
    )
    const items = rows.map((row) => toCustomer(context, object, row, readable))
    const nextObject = objects[objects.indexOf(object) + 1]
    const next =
      rows.length === request.limit
        ? `${object}:${rows.at(-1)!.Id}`
        : nextObject
          ? `${nextObject}:`
          : undefined
    return { items, next }
  })

/**
 * Creates or updates customers by tixi's key: organisations as Accounts; natural persons as
 * Person Accounts where the org has them, else as Contacts. Each object's records go by the
 * cheapest path (collections, or Bulk API 2.0 for thousands); failures come back per record.
 */
export const upsertCustomers = (context: CrmContext, drafts: ReadonlyArray<CustomerDraft>) =>
  Effect.gen(function* () {
    const succeeded: Array<{ index: number; value: HostCustomer }> = []
    const failed: Array<{ index: number; error: PortFailure }> = []
    const personType = yield* context.personAccountRecordType
    const groups = new Map<CustomerObject, Array<{ index: number; record: Record<string, unknown> }>>()
    const heldBack = new Set<string>()
    for (const [index, draft] of drafts.entries()) {
      if (draft.externalKey.trim() === "") {
        failed.push({
          index,
          error: context.invalid("upsertCustomers", `drafts[${index}].externalKey`, "must not be empty"),
        })
        continue
      }
      if (draft.name.trim() === "") {
        failed.push({
          index,
          error: context.invalid("upsertCustomers", `drafts[${index}].name`, "must not be empty"),
        })
        continue
      }
      const object: CustomerObject =
        draft.kind === "person" && !context.settings.personAccounts ? "Contact" : "Account"
      const converted = yield* Effect.result(
        context.catalog.toSalesforce(object, draft.fields, "upsertCustomers", heldBack),
      )
      if (converted._tag === "Failure") {
        failed.push({ index, error: converted.failure })
        continue
      }
      const naming =
        object === "Contact" || (draft.kind === "person" && personType)
          ? {
              LastName: draft.name,
              ...(personType && object === "Account" ? { RecordTypeId: personType } : {}),
            }
          : { Name: draft.name }
      // Push, not spread: a 100,000-customer write must stay linear.
      const group = groups.get(object) ?? []
      group.push({
        index,
        record: { [context.settings.externalIdField]: draft.externalKey, ...naming, ...converted.success },
      })
      groups.set(object, group)
    }
    yield* context.catalog.reportWithheld("upsertCustomers", heldBack)
    const now = yield* Clock.currentTimeMillis
    for (const [object, entries] of groups) {
      const report = yield* writeRecords(
        context.client,
        {
          object,
          operation: "upsert",
          externalIdField: context.settings.externalIdField,
          records: entries.map((entry) => entry.record),
        },
        context.costModel,
        { site: { port: "HostCrm", operation: "upsertCustomers" } },
      )
      for (const outcome of report.outcomes) {
        const index = entries[outcome.index]!.index
        const draft = drafts[index]!
        if (outcome.ok) {
          succeeded.push({
            index,
            value: {
              id: hostRecordId(outcome.id),
              externalKey: draft.externalKey,
              kind: draft.kind,
              name: draft.name,
              fields: draft.fields,
              updatedAt: now,
            },
          })
        } else failed.push({ index, error: outcome.error })
      }
    }
    succeeded.sort((left, right) => left.index - right.index)
    failed.sort((left, right) => left.index - right.index)
    return { succeeded, failed } satisfies BatchOutcome<HostCustomer>
  })

/**
 * Writes tixi fields (grades, limits) of existing customers by Id: Accounts and Contacts apart,
 * each by the cheapest path. An id that cannot be a customer's fails NotFound for that record only.
 */
export const updateCustomerFields = (
  context: CrmContext,
  updates: ReadonlyArray<{ readonly id: HostRecordId; readonly fields: Readonly<Record<string, unknown>> }>,
  options: { readonly path?: "collections" | "bulk" | "perRecord" } = {},
) =>
  Effect.gen(function* () {
    const succeeded: Array<{ index: number; value: HostRecordId }> = []
    const failed: Array<{ index: number; error: PortFailure }> = []
    const groups = new Map<CustomerObject, Array<{ index: number; record: Record<string, unknown> }>>()
    const heldBack = new Set<string>()
    for (const [index, update] of updates.entries()) {
      const object = objectOfId(update.id)
      if (!object) {
        failed.push({ index, error: context.notFound("updateCustomerFields", "customer", update.id) })
        continue
      }
      const converted = yield* Effect.result(
        context.catalog.toSalesforce(object, update.fields, "updateCustomerFields", heldBack),
      )
      if (converted._tag === "Failure") {
        failed.push({ index, error: converted.failure })
        continue
      }
      const group = groups.get(object) ?? []
      group.push({ index, record: { Id: update.id, ...converted.success } })
      groups.set(object, group)
    }
    yield* context.catalog.reportWithheld("updateCustomerFields", heldBack)
    for (const [object, entries] of groups) {
      const report = yield* writeRecords(
        context.client,
        { object, operation: "update", records: entries.map((entry) => entry.record) },
        context.costModel,
        {
          site: { port: "HostCrm", operation: "updateCustomerFields" },
          ...(options.path ? { path: options.path } : {}),
        },
      )
      for (const outcome of report.outcomes) {
        const index = entries[outcome.index]!.index
        if (outcome.ok) succeeded.push({ index, value: updates[index]!.id })
        else
          failed.push({
            index,
            error:
              outcome.error.reason._tag === "InvalidRequest" &&
              outcome.error.vendor?.code === "INVALID_CROSS_REFERENCE_KEY"
                ? context.notFound("updateCustomerFields", "customer", updates[index]!.id)
                : outcome.error,
          })
      }
    }
    succeeded.sort((left, right) => left.index - right.index)
    failed.sort((left, right) => left.index - right.index)
    return { succeeded, failed } satisfies BatchOutcome<HostRecordId>
  })
