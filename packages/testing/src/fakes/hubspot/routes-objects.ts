import { inputsOf, listParameter, objectBody, type Route, type RouteContext } from "./context.ts"
import { lastModifiedProperty } from "./definitions.ts"
import { type ObjectTypeName, objectTypeOf, type StoredObject } from "./model.ts"
import { errorReply, type FakeReply, standardError, validationReply } from "./responses.ts"
import { runSearch } from "./search.ts"
import type { RawValue, WriteOutcome } from "./store.ts"

/** HubSpot's batch endpoints take at most 100 inputs (usage guide, "Batch operations are limited to 100 records"). */
export const batchLimit = 100

/**
 * A batch read asking for `propertiesWithHistory` takes at most 50 inputs: HubSpot answers 400
 * "The maximum number of inputs supported in a batch request for property histories is 50"
 * (quoted in activepieces PR #9359 and Pipedream PR #8462).
 */
export const historyBatchLimit = 50

/** The properties returned when a request names none. */
export const defaultReturned: Readonly<Record<ObjectTypeName, ReadonlyArray<string>>> = {
  companies: ["name", "domain", "createdate", "hs_lastmodifieddate", "hs_object_id"],
  contacts: ["firstname", "lastname", "email", "createdate", "lastmodifieddate", "hs_object_id"],
  tickets: [
    "subject",
    "content",
    "hs_pipeline",
    "hs_pipeline_stage",
    "hs_ticket_priority",
    "hs_ticket_category",
    "createdate",
    "hs_lastmodifieddate",
    "hs_object_id",
  ],
  tasks: [
    "hs_task_subject",
    "hs_task_status",
    "hs_timestamp",
    "hs_createdate",
    "hs_lastmodifieddate",
    "hs_object_id",
  ],
  meetings: ["hs_meeting_title", "hs_timestamp", "hs_createdate", "hs_lastmodifieddate", "hs_object_id"],
  calls: ["hs_call_title", "hs_timestamp", "hs_createdate", "hs_lastmodifieddate", "hs_object_id"],
  notes: ["hs_note_body", "hs_timestamp", "hs_createdate", "hs_lastmodifieddate", "hs_object_id"],
  emails: ["hs_email_subject", "hs_timestamp", "hs_createdate", "hs_lastmodifieddate", "hs_object_id"],
}

const unknownType = (raw: string) =>
  errorReply(400, "VALIDATION_ERROR", `Unable to infer object type from: ${raw}`)

const notFound = () => errorReply(404, "OBJECT_NOT_FOUND", "Object not found.  objectId are usually numeric.")

const tooMany = (count: number) =>
  errorReply(
    400,
    "VALIDATION_ERROR",
    `Batch input too large: ${count} inputs, at most ${batchLimit} are allowed.`,
  )

function outcomeReply(outcome: Exclude<WriteOutcome, { ok: true }>, portalId: number): FakeReply {
  return outcome.kind === "invalid"
    ? validationReply(outcome.problems, portalId)
    : errorReply(409, "CONFLICT", outcome.message, { context: { id: [outcome.existingId] } })
}

function propertiesOf(input: unknown): Record<string, RawValue> | undefined {
  const properties = objectBody(input)?.properties
  if (properties === undefined) return {}
  const record = objectBody(properties)
  return record as Record<string, RawValue> | undefined
}

/** Finds a record by id, or by a unique property when `idProperty` is given. */
function locate(
  context: RouteContext,
  type: ObjectTypeName,
  id: string,
  idProperty: string | null | undefined,
) {
  if (idProperty && idProperty !== "hs_object_id") {
    const definition = context.store.definitionsOf(type).get(idProperty)
    if (!definition?.hasUniqueValue)
      return {
        error: errorReply(400, "VALIDATION_ERROR", `${idProperty} is not a unique identifier property.`),
      }
    return { record: context.store.findByUnique(type, idProperty, id) }
  }
  return { record: context.store.find(type, id) }
}

function applyAssociations(
  context: RouteContext,
  type: ObjectTypeName,
  record: StoredObject,
  associations: unknown,
) {
  if (!Array.isArray(associations)) return
  for (const association of associations) {
    const to = objectBody(objectBody(association)?.to)
    const types = objectBody(association)?.types
    const toId = String(to?.id ?? "")
    if (!Array.isArray(types)) continue
    for (const candidate of [
      "companies",
      "contacts",
      "tickets",
      "tasks",
      "meetings",
      "calls",
      "notes",
      "emails",
    ] as const) {
      if (!context.store.find(candidate, toId)) continue
      context.store.associate(type, record.id, candidate, toId, types as never, context.source, context.now)
    }
  }
}

function batchEnvelope(
  context: RouteContext,
  results: ReadonlyArray<unknown>,
  errors: ReadonlyArray<unknown>,
  okStatus = 200,
): FakeReply {
  const iso = new Date(context.now).toISOString()
  const base = { status: "COMPLETE", results, startedAt: iso, completedAt: iso, requestedAt: iso }
  if (errors.length === 0) return { status: okStatus, body: base }
  return { status: 207, body: { ...base, numErrors: errors.length, errors } }
}

function typed(handler: (context: RouteContext, type: ObjectTypeName) => FakeReply) {
  return (context: RouteContext) => {
    const type = objectTypeOf(context.params[0]!)
    return type ? handler(context, type) : unknownType(context.params[0]!)
  }
}

/** The object routes: `/crm/v3/objects/{type}` with batch, search and single-record endpoints. */
export const objectRoutes: ReadonlyArray<Route> = [
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/([^/]+)\/batch\/create$/,
    handle: typed((context, type) => {
      const inputs = inputsOf(context.body)
      if (!inputs) return errorReply(400, "VALIDATION_ERROR", "Invalid input JSON: inputs is required.")
      if (inputs.length > batchLimit) return tooMany(inputs.length)
      const traced =
        inputs.length > 0 && inputs.every((input) => typeof input.objectWriteTraceId === "string")
      const checks = inputs.map((input) => {
        const properties = propertiesOf(input)
        if (!properties) return { ok: false as const, problems: [] }
        const prepared =
          type === "tickets" && properties.hs_pipeline === undefined
            ? { ...properties, hs_pipeline: "0" }
            : properties
        return context.store.check(type, prepared, undefined)
      })
      // Duplicate unique values inside one batch conflict with each other.
      const firstFailure = checks.findIndex((check) => !check.ok)
      if (firstFailure >= 0 && !traced) {
        const check = checks[firstFailure]!
        if ("problems" in check) return validationReply(check.problems, context.store.portalId)
        if ("conflict" in check) return errorReply(409, "CONFLICT", check.conflict)
      }
      const results: Array<unknown> = []
      const errors: Array<unknown> = []
      inputs.forEach((input, index) => {
        const check = checks[index]!
        if (!check.ok) {
          const message =
            "problems" in check ? check.problems.map((problem) => problem.message).join("; ") : check.conflict
          errors.push(
            standardError("problems" in check ? "VALIDATION_ERROR" : "CONFLICT", message, {
              objectWriteTraceId: [String(input.objectWriteTraceId)],
            }),
          )
          return
        }
        const outcome = context.store.create(type, propertiesOf(input)!, context.source, context.now)
        if (!outcome.ok) {
          errors.push(
            standardError("CONFLICT", outcome.kind === "conflict" ? outcome.message : "invalid", {
              objectWriteTraceId: [String(input.objectWriteTraceId ?? index)],
            }),
          )
          return
        }
        applyAssociations(context, type, outcome.record, input.associations)
        results.push({
          ...(context.render(outcome.record, Object.keys(propertiesOf(input)!)) as object),
          ...(traced ? { objectWriteTraceId: input.objectWriteTraceId } : {}),
        })
      })
      return batchEnvelope(context, results, errors, 201)
    }),
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/([^/]+)\/batch\/read$/,
    handle: typed((context, type) => {
      const body = objectBody(context.body)
      const inputs = inputsOf(context.body)
      if (!body || !inputs)
        return errorReply(400, "VALIDATION_ERROR", "Invalid input JSON: inputs is required.")
      if (inputs.length > batchLimit) return tooMany(inputs.length)
      const idProperty = typeof body.idProperty === "string" ? body.idProperty : undefined
      const properties = Array.isArray(body.properties) ? (body.properties as Array<string>) : undefined
      const history = Array.isArray(body.propertiesWithHistory)
        ? (body.propertiesWithHistory as Array<string>)
        : undefined
      if (history !== undefined && history.length > 0 && inputs.length > historyBatchLimit) {
        return errorReply(
          400,
          "VALIDATION_ERROR",
          `The maximum number of inputs supported in a batch request for property histories is ${historyBatchLimit}`,
        )
      }
      const results: Array<unknown> = []
      const missing: Array<string> = []
      for (const input of inputs) {
        const id = String(input.id ?? "")
        const located = locate(context, type, id, idProperty)
        if (located.error) return located.error
        if (located.record) results.push(context.render(located.record, properties, history))
        else missing.push(id)
      }
      const errors =
        missing.length === 0
          ? []
          : [
              standardError(
                "OBJECT_NOT_FOUND",
                `Could not get some ${type.slice(0, -1).toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
                { ids: missing },
              ),
            ]
      return batchEnvelope(context, results, errors)
    }),
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/([^/]+)\/batch\/update$/,
    handle: typed((context, type) => {
      const inputs = inputsOf(context.body)
      if (!inputs) return errorReply(400, "VALIDATION_ERROR", "Invalid input JSON: inputs is required.")
      if (inputs.length > batchLimit) return tooMany(inputs.length)
      const located: Array<StoredObject | undefined> = []
      for (const input of inputs) {
        const result = locate(context, type, String(input.id ?? ""), input.idProperty as string | undefined)
        if (result.error) return result.error
        located.push(result.record)
      }
      // Every found record's values are checked before any is written: a bad value fails the batch.
      for (const [index, input] of inputs.entries()) {
        const record = located[index]
        const properties = propertiesOf(input)
        if (!properties)
          return errorReply(400, "VALIDATION_ERROR", "Invalid input JSON: properties must be an object.")
        if (!record) continue
        const check = context.store.check(type, properties, record)
        if (!check.ok) {
          if ("problems" in check) return validationReply(check.problems, context.store.portalId)
          return errorReply(409, "CONFLICT", check.conflict)
        }
      }
      const results: Array<unknown> = []
      const missing: Array<string> = []
      inputs.forEach((input, index) => {
        const record = located[index]
        if (!record) {
          missing.push(String(input.id ?? ""))
          return
        }
        context.store.update(type, record, propertiesOf(input)!, context.source, context.now)
        results.push(context.render(record, Object.keys(propertiesOf(input)!)))
      })
      const errors =
        missing.length === 0
          ? []
          : [
              standardError(
                "OBJECT_NOT_FOUND",
                `Could not get some ${type.slice(0, -1).toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
                { ids: missing },
              ),
            ]
      return batchEnvelope(context, results, errors)
    }),
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/([^/]+)\/batch\/upsert$/,
    handle: typed((context, type) => {
      const inputs = inputsOf(context.body)
      if (!inputs) return errorReply(400, "VALIDATION_ERROR", "Invalid input JSON: inputs is required.")
      if (inputs.length > batchLimit) return tooMany(inputs.length)
      const plans: Array<{ record: StoredObject | undefined; properties: Record<string, RawValue> }> = []
      const seen = new Set<string>()
      for (const input of inputs) {
        const idProperty = typeof input.idProperty === "string" ? input.idProperty : ""
        const definition = context.store.definitionsOf(type).get(idProperty)
        if (!definition?.hasUniqueValue) {
          return errorReply(
            400,
            "VALIDATION_ERROR",
            `idProperty ${JSON.stringify(idProperty)} is not a unique identifier property.`,
          )
        }
        const id = String(input.id ?? "")
        if (id === "") return errorReply(400, "VALIDATION_ERROR", "id must not be empty.")
        if (seen.has(`${idProperty}=${id}`)) {
          return errorReply(
            400,
            "VALIDATION_ERROR",
            `Duplicate id ${JSON.stringify(id)} in one batch upsert.`,
          )
        }
        seen.add(`${idProperty}=${id}`)
        const properties = propertiesOf(input)
        if (!properties)
          return errorReply(400, "VALIDATION_ERROR", "Invalid input JSON: properties must be an object.")
        const record = context.store.findByUnique(type, idProperty, id)
        const merged = { ...properties, [idProperty]: id }
        const prepared =
          !record && type === "tickets" && merged.hs_pipeline === undefined
            ? { ...merged, hs_pipeline: "0" }
            : merged
        const check = context.store.check(type, prepared, record)
        if (!check.ok) {
          if ("problems" in check) return validationReply(check.problems, context.store.portalId)
          return errorReply(409, "CONFLICT", check.conflict)
        }
        plans.push({ record, properties: prepared })
      }
      const results = plans.map((plan) => {
        const outcome = plan.record
          ? context.store.update(type, plan.record, plan.properties, context.source, context.now)
          : context.store.create(type, plan.properties, context.source, context.now)
        if (!outcome.ok) throw new Error("checked write failed")
        return {
          ...(context.render(outcome.record, Object.keys(plan.properties)) as object),
          new: outcome.created,
        }
      })
      return batchEnvelope(context, results, [])
    }),
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/([^/]+)\/batch\/archive$/,
    handle: typed((context, type) => {
      const inputs = inputsOf(context.body)
      if (!inputs) return errorReply(400, "VALIDATION_ERROR", "Invalid input JSON: inputs is required.")
      if (inputs.length > batchLimit) return tooMany(inputs.length)
      for (const input of inputs) {
        const record = context.store.find(type, String(input.id ?? ""))
        if (record) context.store.archive(type, record, context.source, context.now)
      }
      return { status: 204 }
    }),
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/([^/]+)\/search$/,
    search: true,
    handle: typed((context, type) => {
      const body = objectBody(context.body)
      if (!body) return errorReply(400, "VALIDATION_ERROR", "Invalid input JSON.")
      return runSearch(
        body,
        context.store.records(type).values(),
        context.store.definitionsOf(type),
        (record) => context.store.searchable(record, context.now),
        (record, properties) => context.render(record, properties),
        defaultReturned[type],
      )
    }),
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/objects\/([^/]+)$/,
    handle: typed((context, type) => {
      const properties = propertiesOf(context.body)
      if (!properties)
        return errorReply(400, "VALIDATION_ERROR", "Invalid input JSON: properties must be an object.")
      const outcome = context.store.create(type, properties, context.source, context.now)
      if (!outcome.ok) return outcomeReply(outcome, context.store.portalId)
      applyAssociations(context, type, outcome.record, objectBody(context.body)?.associations)
      return { status: 201, body: context.render(outcome.record, Object.keys(properties)) }
    }),
  },
  {
    method: "GET",
    pattern: /^\/crm\/v3\/objects\/([^/]+)$/,
    handle: typed((context, type) => {
      const limit = Number(context.url.searchParams.get("limit") ?? "10")
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
        return errorReply(400, "VALIDATION_ERROR", "limit must be between 1 and 100.")
      }
      const after = context.url.searchParams.get("after")
      const properties = listParameter(context.url, "properties")
      const live = [...context.store.records(type).values()]
        .filter((record) => !record.archived && (after === null || BigInt(record.id) > BigInt(after)))
        .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))
      const page = live.slice(0, limit)
      return {
        status: 200,
        body: {
          results: page.map((record) =>
            context.render(record, properties.length > 0 ? properties : undefined),
          ),
          ...(live.length > limit ? { paging: { next: { after: page.at(-1)!.id } } } : {}),
        },
      }
    }),
  },
  {
    method: "GET",
    pattern: /^\/crm\/v3\/objects\/([^/]+)\/([^/]+)$/,
    handle: typed((context, type) => {
      const located = locate(
        context,
        type,
        decodeURIComponent(context.params[1]!),
        context.url.searchParams.get("idProperty"),
      )
      if (located.error) return located.error
      if (!located.record) return notFound()
      const properties = listParameter(context.url, "properties")
      const history = listParameter(context.url, "propertiesWithHistory")
      return {
        status: 200,
        body: context.render(
          located.record,
          properties.length > 0 ? properties : undefined,
          history.length > 0 ? history : undefined,
        ),
      }
    }),
  },
  {
    method: "PATCH",
    pattern: /^\/crm\/v3\/objects\/([^/]+)\/([^/]+)$/,
    handle: typed((context, type) => {
      const located = locate(
        context,
        type,
        decodeURIComponent(context.params[1]!),
        context.url.searchParams.get("idProperty"),
      )
      if (located.error) return located.error
      if (!located.record) return notFound()
      const properties = propertiesOf(context.body)
      if (!properties)
        return errorReply(400, "VALIDATION_ERROR", "Invalid input JSON: properties must be an object.")
      const outcome = context.store.update(type, located.record, properties, context.source, context.now)
      if (!outcome.ok) return outcomeReply(outcome, context.store.portalId)
      return { status: 200, body: context.render(outcome.record, Object.keys(properties)) }
    }),
  },
  {
    method: "DELETE",
    pattern: /^\/crm\/v3\/objects\/([^/]+)\/([^/]+)$/,
    handle: typed((context, type) => {
      const record = context.store.find(type, context.params[1]!)
      if (record) context.store.archive(type, record, context.source, context.now)
      return { status: 204 }
    }),
  },
]

/** Renders a record as HubSpot's `SimplePublicObject`. */
export function renderObject(
  record: StoredObject,
  properties: ReadonlyArray<string> | undefined,
  withHistory: ReadonlyArray<string> | undefined,
) {
  const names = new Set([
    ...(properties ?? defaultReturned[record.type]),
    "hs_object_id",
    "createdate",
    lastModifiedProperty(record.type),
  ])
  const rendered: Record<string, string | null> = {}
  for (const name of names) rendered[name] = record.properties.get(name) ?? null
  const result: Record<string, unknown> = {
    id: record.id,
    properties: rendered,
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
    archived: record.archived,
  }
  if (withHistory && withHistory.length > 0) {
    const history: Record<string, unknown> = {}
    for (const name of withHistory) {
      history[name] = (record.history.get(name) ?? []).map((entry) => ({
        value: entry.value,
        timestamp: new Date(entry.timestamp).toISOString(),
        sourceType: entry.sourceType,
        sourceId: entry.sourceId,
        ...(entry.updatedByUserId === undefined ? {} : { updatedByUserId: entry.updatedByUserId }),
      }))
    }
    result.propertiesWithHistory = history
  }
  return result
}
