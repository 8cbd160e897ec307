import { inputsOf, objectBody, type Route, type RouteContext } from "./context.ts"
import { type AssociationType, type ObjectTypeName, objectTypeOf } from "./model.ts"
import { errorReply, type FakeReply, standardError } from "./responses.ts"

/** `GET …/associations/{toType}` returns at most 500 per call (v4 spec). */
export const associationPageLimit = 500

function pair(context: RouteContext, fromIndex: number, toIndex: number) {
  const from = objectTypeOf(context.params[fromIndex]!)
  const to = objectTypeOf(context.params[toIndex]!)
  return from && to ? { from, to } : undefined
}

function renderTypes(types: ReadonlyArray<AssociationType>) {
  return types.map((type) => ({
    category: type.associationCategory,
    typeId: type.associationTypeId,
    label: null,
  }))
}

function defaultType(
  context: RouteContext,
  from: ObjectTypeName,
  to: ObjectTypeName,
): AssociationType | FakeReply {
  const typeId = context.store.defaultTypeId(from, to)
  return typeId === undefined
    ? errorReply(400, "VALIDATION_ERROR", `No default association from ${from} to ${to}.`)
    : { associationCategory: "HUBSPOT_DEFINED", associationTypeId: typeId }
}

const isReply = (value: AssociationType | FakeReply): value is FakeReply => "status" in value

/** The v4 associations API. */
export const associationRoutes: ReadonlyArray<Route> = [
  {
    method: "PUT",
    pattern: /^\/crm\/v4\/objects\/([^/]+)\/([^/]+)\/associations\/default\/([^/]+)\/([^/]+)$/,
    handle: (context) => {
      const types = pair(context, 0, 2)
      if (!types) return errorReply(400, "VALIDATION_ERROR", "Unknown object type.")
      const [, fromId, , toId] = context.params
      if (!context.store.find(types.from, fromId!) || !context.store.find(types.to, toId!)) {
        return errorReply(404, "OBJECT_NOT_FOUND", "One of the objects does not exist.")
      }
      const type = defaultType(context, types.from, types.to)
      if (isReply(type)) return type
      context.store.associate(types.from, fromId!, types.to, toId!, [type], context.source, context.now)
      const iso = new Date(context.now).toISOString()
      return {
        status: 200,
        body: {
          status: "COMPLETE",
          results: [
            {
              from: { id: fromId },
              to: { id: toId },
              associationSpec: {
                associationCategory: type.associationCategory,
                associationTypeId: type.associationTypeId,
              },
            },
          ],
          startedAt: iso,
          completedAt: iso,
        },
      }
    },
  },
  {
    method: "PUT",
    pattern: /^\/crm\/v4\/objects\/([^/]+)\/([^/]+)\/associations\/([^/]+)\/([^/]+)$/,
    handle: (context) => {
      const types = pair(context, 0, 2)
      if (!types) return errorReply(400, "VALIDATION_ERROR", "Unknown object type.")
      const [, fromId, , toId] = context.params
      if (!context.store.find(types.from, fromId!) || !context.store.find(types.to, toId!)) {
        return errorReply(404, "OBJECT_NOT_FOUND", "One of the objects does not exist.")
      }
      if (!Array.isArray(context.body))
        return errorReply(400, "VALIDATION_ERROR", "The body must be an array of association types.")
      context.store.associate(
        types.from,
        fromId!,
        types.to,
        toId!,
        context.body as Array<AssociationType>,
        context.source,
        context.now,
      )
      return {
        status: 201,
        body: {
          fromObjectTypeId: types.from,
          fromObjectId: Number(fromId),
          toObjectTypeId: types.to,
          toObjectId: Number(toId),
          labels: [],
        },
      }
    },
  },
  {
    method: "GET",
    pattern: /^\/crm\/v4\/objects\/([^/]+)\/([^/]+)\/associations\/([^/]+)$/,
    handle: (context) => {
      const types = pair(context, 0, 2)
      if (!types) return errorReply(400, "VALIDATION_ERROR", "Unknown object type.")
      const limit = Number(context.url.searchParams.get("limit") ?? String(associationPageLimit))
      if (!Number.isInteger(limit) || limit < 1 || limit > associationPageLimit) {
        return errorReply(400, "VALIDATION_ERROR", `limit must be between 1 and ${associationPageLimit}.`)
      }
      const after = Number(context.url.searchParams.get("after") ?? "0")
      const all = context.store.associated(types.from, context.params[1]!, types.to)
      const page = all.slice(after, after + limit)
      return {
        status: 200,
        body: {
          results: page.map((entry) => ({
            toObjectId: Number(entry.toId),
            associationTypes: renderTypes(entry.types),
          })),
          ...(after + limit < all.length ? { paging: { next: { after: String(after + limit) } } } : {}),
        },
      }
    },
  },
  {
    method: "POST",
    pattern: /^\/crm\/v4\/associations\/([^/]+)\/([^/]+)\/batch\/associate\/default$/,
    handle: (context) => {
      const types = pair(context, 0, 1)
      if (!types) return errorReply(400, "VALIDATION_ERROR", "Unknown object type.")
      const inputs = inputsOf(context.body)
      if (!inputs) return errorReply(400, "VALIDATION_ERROR", "Invalid input JSON: inputs is required.")
      if (inputs.length > 100)
        return errorReply(
          400,
          "VALIDATION_ERROR",
          `Batch input too large: ${inputs.length} inputs, at most 100 are allowed.`,
        )
      const type = defaultType(context, types.from, types.to)
      if (isReply(type)) return type
      const results: Array<unknown> = []
      const missing: Array<string> = []
      for (const input of inputs) {
        const fromId = String(objectBody(input.from)?.id ?? "")
        const toId = String(objectBody(input.to)?.id ?? "")
        if (!context.store.find(types.from, fromId) || !context.store.find(types.to, toId)) {
          missing.push(`${fromId}->${toId}`)
          continue
        }
        context.store.associate(types.from, fromId, types.to, toId, [type], context.source, context.now)
        results.push({ from: { id: fromId }, to: { id: toId }, associationSpec: type })
      }
      const iso = new Date(context.now).toISOString()
      const base = { status: "COMPLETE", results, startedAt: iso, completedAt: iso }
      return missing.length === 0
        ? { status: 200, body: base }
        : {
            status: 207,
            body: {
              ...base,
              numErrors: missing.length,
              errors: [standardError("OBJECT_NOT_FOUND", "Some objects do not exist.", { ids: missing })],
            },
          }
    },
  },
  {
    method: "POST",
    pattern: /^\/crm\/v4\/associations\/([^/]+)\/([^/]+)\/batch\/read$/,
    handle: (context) => {
      const types = pair(context, 0, 1)
      if (!types) return errorReply(400, "VALIDATION_ERROR", "Unknown object type.")
      const inputs = inputsOf(context.body)
      if (!inputs) return errorReply(400, "VALIDATION_ERROR", "Invalid input JSON: inputs is required.")
      if (inputs.length > 1000) return errorReply(400, "VALIDATION_ERROR", "At most 1000 inputs.")
      const results = inputs.map((input) => {
        const id = String(input.id ?? "")
        return {
          from: { id },
          to: context.store.associated(types.from, id, types.to).map((entry) => ({
            toObjectId: Number(entry.toId),
            associationTypes: renderTypes(entry.types),
          })),
        }
      })
      const iso = new Date(context.now).toISOString()
      return { status: 200, body: { status: "COMPLETE", results, startedAt: iso, completedAt: iso } }
    },
  },
]
