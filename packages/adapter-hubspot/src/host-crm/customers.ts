import { chunk } from "@tixi/adapter-kit"
import type { BatchOutcome, CustomerDraft, HostCustomer, HostRecordId, Page, PortFailure } from "@tixi/core"
import { Effect } from "effect"
import { keyProperty } from "../mapping/names.ts"
import { batchSize } from "../operations/object-types.ts"
import { readById } from "../operations/read-by-id.ts"
import { readByIds } from "../operations/read-by-ids.ts"
import { readByKey } from "../operations/read-by-key.ts"
import { settleEach } from "../operations/settle-each.ts"
import { upsertByKey } from "../operations/upsert-by-key.ts"
import type { HubSpotObject } from "../vendor/schemas.ts"
import type { HostCrmContext } from "./context.ts"
import { invalid, notFound } from "./failures.ts"
import { customerRecordId, parseCustomerRecordId } from "./record-ids.ts"
import { coreProperties, toCustomer } from "./records.ts"

type CustomerType = "companies" | "contacts"

/** The properties to read with a customer: core ones and every tixi field. */
const propertiesFor = (context: HostCrmContext, type: CustomerType) =>
  Effect.map(context.fields.propertiesOf(type), (fields) => ({
    all: [...coreProperties[type], ...fields],
    fields,
  }))

/** Reads a customer by its record id (`company:123`, `contact:456`). */
export const getCustomer = (context: HostCrmContext, id: HostRecordId) =>
  Effect.gen(function* () {
    const parsed = parseCustomerRecordId(id)
    if (!parsed) return yield* notFound("getCustomer", "customer", id)
    const properties = yield* propertiesFor(context, parsed.type)
    const record = yield* readById(context.gateway, parsed.type, parsed.id, properties.all).pipe(
      Effect.mapError((failure) =>
        failure.reason._tag === "NotFound" ? notFound("getCustomer", "customer", id) : failure,
      ),
    )
    return toCustomer(parsed.type, record, context.fields, properties.fields)
  })

/** Finds customers by tixi key among companies, then contacts. */
export const findCustomers = (context: HostCrmContext, keys: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const found = new Map<string, HostCustomer>()
    let remaining = [...new Set(keys)]
    for (const type of ["companies", "contacts"] as const) {
      if (remaining.length === 0) break
      const properties = yield* propertiesFor(context, type)
      const records = yield* readByKey(context.gateway, type, keyProperty, remaining, properties.all)
      for (const [key, record] of records)
        found.set(key, toCustomer(type, record, context.fields, properties.fields))
      remaining = remaining.filter((key) => !found.has(key))
    }
    return found
  })

/** Finds one customer by tixi key. */
export const findCustomer = (context: HostCrmContext, key: string) =>
  Effect.map(findCustomers(context, [key]), (found) => found.get(key))

interface ListCursor {
  readonly type: CustomerType
  readonly after: string | undefined
}

const encodeCursor = (cursor: ListCursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url")

function decodeCursor(cursor: string | undefined): ListCursor | undefined {
  if (cursor === undefined) return { type: "companies", after: undefined }
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as ListCursor
    if (parsed.type !== "companies" && parsed.type !== "contacts") return undefined
    return parsed
  } catch {
    return undefined
  }
}

/** Lists companies then contacts in id order, `limit` at a time (pages of at most 100 each call). */
export const listCustomers = (
  context: HostCrmContext,
  request: { readonly cursor?: string; readonly limit: number },
) =>
  Effect.gen(function* () {
    if (!Number.isInteger(request.limit) || request.limit < 1 || request.limit > 1000) {
      return yield* invalid("listCustomers", "limit", "must be a whole number from 1 to 1000")
    }
    let cursor = decodeCursor(request.cursor)
    if (!cursor) {
      return yield* invalid("listCustomers", "cursor", "is not a cursor this host issued")
    }
    const items: Array<HostCustomer> = []
    while (cursor && items.length < request.limit) {
      const current: ListCursor = cursor
      const properties = yield* propertiesFor(context, current.type)
      const pageSize = Math.min(100, request.limit - items.length)
      // https://developers.hubspot.com/docs/api-reference/crm-objects-v3/basic/get-crm-v3-objects-objectType
      const reply = yield* context.gateway.send<{
        results: ReadonlyArray<HubSpotObject>
        paging?: { next?: { after: string } }
      }>("listCustomers", (client) =>
        client.crm.objects.basicApi.getPageWithHttpInfo(current.type, pageSize, current.after, [
          ...properties.all,
        ]),
      )
      items.push(
        ...reply.data.results.map((record) =>
          toCustomer(current.type, record, context.fields, properties.fields),
        ),
      )
      const after = reply.data.paging?.next?.after
      cursor =
        after !== undefined
          ? { type: current.type, after }
          : current.type === "companies"
            ? { type: "contacts", after: undefined }
            : undefined
    }
    return { items, next: cursor ? encodeCursor(cursor) : undefined } satisfies Page<HostCustomer>
  })

/** Creates or updates customers by tixi key: `batch/upsert` on companies and contacts. */
export const upsertCustomers = (context: HostCrmContext, drafts: ReadonlyArray<CustomerDraft>) =>
  Effect.gen(function* () {
    const failed = new Map<number, PortFailure>()
    const valid: Array<number> = []
    const seen = new Map<string, number>()
    drafts.forEach((draft, index) => {
      if (draft.externalKey.trim() === "")
        failed.set(index, invalid("upsertCustomers", "externalKey", "must not be empty"))
      else if (draft.name.trim() === "")
        failed.set(index, invalid("upsertCustomers", "name", "must not be empty"))
      else {
        valid.push(index)
        seen.set(draft.externalKey, index)
      }
    })
    // The same key twice in one call: the last draft wins, as repeated upserts would.
    const writes = valid.filter((index) => seen.get(drafts[index]!.externalKey) === index)
    yield* context.fields.ensureWritable(
      "customer",
      Object.assign({}, ...writes.map((index) => drafts[index]!.fields)),
    )
    const idsByIndex = new Map<number, { type: CustomerType; id: string }>()
    for (const type of ["companies", "contacts"] as const) {
      const ofType = writes.filter(
        (index) => (drafts[index]!.kind === "organization") === (type === "companies"),
      )
      for (const batch of chunk(ofType, batchSize)) {
        const outcome = yield* settleEach(batch, (part) =>
          Effect.map(
            upsertByKey(
              context.gateway,
              type,
              keyProperty,
              part.map((index) => {
                const draft = drafts[index]!
                const naming =
                  type === "companies" ? { name: draft.name } : { firstname: draft.name, lastname: "" }
                return {
                  key: draft.externalKey,
                  properties: { ...naming, ...context.fields.toProperties("customer", draft.fields) },
                }
              }),
            ),
            (written) =>
              new Map(
                part
                  .map((index) => [index, written.get(drafts[index]!.externalKey)?.id])
                  .filter((entry): entry is [number, string] => entry[1] !== undefined),
              ),
          ),
        )
        for (const [index, id] of outcome.succeeded) idsByIndex.set(index, { type, id })
        for (const [index, failure] of outcome.failed) failed.set(index, failure)
      }
    }
    // Read back the written customers whole (HubSpot answers an upsert with the written values only).
    const current = new Map<string, HostCustomer>()
    for (const type of ["companies", "contacts"] as const) {
      const ids = [...idsByIndex.values()].filter((entry) => entry.type === type).map((entry) => entry.id)
      if (ids.length === 0) continue
      const properties = yield* propertiesFor(context, type)
      const records = yield* readByIds(context.gateway, type, ids, properties.all)
      for (const [id, record] of records)
        current.set(customerRecordId(type, id), toCustomer(type, record, context.fields, properties.fields))
    }
    const succeeded: Array<{ index: number; value: HostCustomer }> = []
    drafts.forEach((draft, index) => {
      if (failed.has(index)) return
      const written = idsByIndex.get(seen.get(draft.externalKey)!)
      const customer = written ? current.get(customerRecordId(written.type, written.id)) : undefined
      if (customer) succeeded.push({ index, value: customer })
      else if (!failed.has(index))
        failed.set(index, notFound("upsertCustomers", "customer", draft.externalKey))
    })
    return {
      succeeded,
      failed: [...failed].sort(([a], [b]) => a - b).map(([index, error]) => ({ index, error })),
    } satisfies BatchOutcome<HostCustomer>
  })
