import { inputsOf, objectBody, type Route, type RouteContext } from "./context.ts"
import {
  type ObjectTypeName,
  objectTypeOf,
  type Pipeline,
  type PipelineStage,
  type PropertyDefinition,
  type PropertyOption,
  type PropertyType,
  uniqueValueObjects,
} from "./model.ts"
import { errorReply, type FakeReply } from "./responses.ts"

const propertyTypes = new Set<PropertyType>([
  "bool",
  "date",
  "datetime",
  "enumeration",
  "number",
  "phone_number",
  "string",
])
const fieldTypes = new Set([
  "booleancheckbox",
  "calculation_equation",
  "checkbox",
  "date",
  "file",
  "html",
  "number",
  "phonenumber",
  "radio",
  "select",
  "text",
  "textarea",
])

function typed(handler: (context: RouteContext, type: ObjectTypeName) => FakeReply) {
  return (context: RouteContext) => {
    const type = objectTypeOf(context.params[0]!)
    return type
      ? handler(context, type)
      : errorReply(400, "VALIDATION_ERROR", `Unable to infer object type from: ${context.params[0]}`)
  }
}

function renderProperty(definition: PropertyDefinition) {
  return {
    ...definition,
    createdAt: new Date(definition.createdAt).toISOString(),
    updatedAt: new Date(definition.updatedAt).toISOString(),
    archived: false,
    modificationMetadata: {
      archivable: !definition.hubspotDefined,
      readOnlyDefinition: definition.hubspotDefined,
      readOnlyValue: definition.readOnlyValue,
    },
  }
}

function readOptions(raw: unknown): Array<PropertyOption> | string {
  if (raw === undefined) return []
  if (!Array.isArray(raw)) return "options must be an array"
  const options: Array<PropertyOption> = []
  const values = new Set<string>()
  for (const [index, entry] of raw.entries()) {
    const option = objectBody(entry)
    if (!option || typeof option.value !== "string" || typeof option.label !== "string") {
      return `options[${index}] needs a label and a value`
    }
    if (values.has(option.value)) return `options[${index}]: duplicate value ${option.value}`
    values.add(option.value)
    options.push({
      label: option.label,
      value: option.value,
      displayOrder: typeof option.displayOrder === "number" ? option.displayOrder : index,
      hidden: option.hidden === true,
      ...(typeof option.description === "string" ? { description: option.description } : {}),
    })
  }
  return options
}

/** Validates and stores a new property; the reply is HubSpot's. */
function createProperty(
  context: RouteContext,
  type: ObjectTypeName,
  input: Record<string, unknown>,
): FakeReply {
  const definitions = context.store.definitionsOf(type)
  const name = input.name
  if (typeof name !== "string" || !/^[a-z][a-z0-9_]{0,99}$/.test(name)) {
    return errorReply(
      400,
      "VALIDATION_ERROR",
      `Property name ${JSON.stringify(name)} is invalid: lowercase letters, digits and underscores, starting with a letter.`,
    )
  }
  if (definitions.has(name))
    return errorReply(409, "OBJECT_ALREADY_EXISTS", `Property named '${name}' already exists.`)
  for (const required of ["label", "type", "fieldType", "groupName"]) {
    if (typeof input[required] !== "string" || input[required] === "") {
      return errorReply(400, "VALIDATION_ERROR", `${required} is required.`)
    }
  }
  if (!propertyTypes.has(input.type as PropertyType))
    return errorReply(400, "VALIDATION_ERROR", `Unknown type ${String(input.type)}.`)
  if (!fieldTypes.has(input.fieldType as string))
    return errorReply(400, "VALIDATION_ERROR", `Unknown fieldType ${String(input.fieldType)}.`)
  const groupName = input.groupName as string
  const builtInGroup = [...definitions.values()].some((definition) => definition.groupName === groupName)
  if (!context.store.groups.get(type)!.has(groupName) && !builtInGroup) {
    return errorReply(400, "VALIDATION_ERROR", `Property group ${groupName} does not exist.`)
  }
  if (input.hasUniqueValue === true && !uniqueValueObjects.has(type)) {
    return errorReply(400, "VALIDATION_ERROR", `Unique value properties are not supported on ${type}.`)
  }
  const options = readOptions(input.options)
  if (typeof options === "string") return errorReply(400, "VALIDATION_ERROR", options)
  const definition: PropertyDefinition = {
    name,
    label: input.label as string,
    type: input.type as PropertyType,
    fieldType: input.fieldType as string,
    groupName,
    description: typeof input.description === "string" ? input.description : "",
    options,
    displayOrder: typeof input.displayOrder === "number" ? input.displayOrder : -1,
    hasUniqueValue: input.hasUniqueValue === true,
    hidden: input.hidden === true,
    formField: input.formField === true,
    calculated: false,
    hubspotDefined: false,
    readOnlyValue: false,
    createdAt: context.now,
    updatedAt: context.now,
  }
  definitions.set(name, definition)
  if (definition.hasUniqueValue) context.store.indexUnique(type, name)
  return { status: 201, body: renderProperty(definition) }
}

function pipelineNotFound(id: string) {
  return errorReply(404, "OBJECT_NOT_FOUND", `Pipeline ${id} does not exist.`)
}

function renderPipeline(pipeline: Pipeline) {
  const stage = (entry: PipelineStage) => ({
    ...entry,
    createdAt: new Date(entry.createdAt).toISOString(),
    updatedAt: new Date(entry.updatedAt).toISOString(),
    writePermissions: "CRM_PERMISSIONS_ENFORCEMENT",
  })
  return {
    id: pipeline.id,
    label: pipeline.label,
    displayOrder: pipeline.displayOrder,
    archived: pipeline.archived,
    createdAt: new Date(pipeline.createdAt).toISOString(),
    updatedAt: new Date(pipeline.updatedAt).toISOString(),
    stages: pipeline.stages.filter((entry) => !entry.archived).map(stage),
  }
}

function readStage(context: RouteContext, input: unknown, index: number): PipelineStage | string {
  const stage = objectBody(input)
  if (!stage || typeof stage.label !== "string" || stage.label === "")
    return `stages[${index}].label is required`
  const metadata = objectBody(stage.metadata) ?? {}
  const ticketState = metadata.ticketState
  if (ticketState !== undefined && ticketState !== "OPEN" && ticketState !== "CLOSED") {
    return `stages[${index}].metadata.ticketState must be OPEN or CLOSED`
  }
  return {
    id: context.store.newId(),
    label: stage.label,
    displayOrder: typeof stage.displayOrder === "number" ? stage.displayOrder : index,
    metadata: {
      ...(ticketState === undefined
        ? {}
        : { ticketState: ticketState as string, isClosed: String(ticketState === "CLOSED") }),
    },
    archived: false,
    createdAt: context.now,
    updatedAt: context.now,
  }
}

function ticketsOnly(type: string): FakeReply | undefined {
  return objectTypeOf(type) === "tickets"
    ? undefined
    : errorReply(400, "VALIDATION_ERROR", "This fake serves ticket pipelines only.")
}

/** Properties, property groups and ticket pipelines. */
export const settingsRoutes: ReadonlyArray<Route> = [
  {
    method: "GET",
    pattern: /^\/crm\/v3\/properties\/([^/]+)\/groups$/,
    handle: typed((context, type) => ({
      status: 200,
      body: { results: [...context.store.groups.get(type)!.values()].filter((group) => !group.archived) },
    })),
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/properties\/([^/]+)\/groups$/,
    handle: typed((context, type) => {
      const body = objectBody(context.body)
      const name = body?.name
      if (typeof name !== "string" || !/^[a-z][a-z0-9_]*$/.test(name) || typeof body?.label !== "string") {
        return errorReply(400, "VALIDATION_ERROR", "A group needs a lowercase name and a label.")
      }
      const groups = context.store.groups.get(type)!
      if (groups.has(name))
        return errorReply(409, "OBJECT_ALREADY_EXISTS", `Property group named '${name}' already exists.`)
      const group = {
        name,
        label: body.label,
        displayOrder: typeof body.displayOrder === "number" ? body.displayOrder : -1,
        archived: false,
      }
      groups.set(name, group)
      return { status: 201, body: group }
    }),
  },
  {
    method: "PATCH",
    pattern: /^\/crm\/v3\/properties\/([^/]+)\/groups\/([^/]+)$/,
    handle: typed((context, type) => {
      const groups = context.store.groups.get(type)!
      const group = groups.get(context.params[1]!)
      if (!group)
        return errorReply(404, "OBJECT_NOT_FOUND", `Property group ${context.params[1]} does not exist.`)
      const body = objectBody(context.body) ?? {}
      const updated = {
        ...group,
        ...(typeof body.label === "string" ? { label: body.label } : {}),
        ...(typeof body.displayOrder === "number" ? { displayOrder: body.displayOrder } : {}),
      }
      groups.set(group.name, updated)
      return { status: 200, body: updated }
    }),
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/properties\/([^/]+)\/batch\/create$/,
    handle: typed((context, type) => {
      const inputs = inputsOf(context.body)
      if (!inputs) return errorReply(400, "VALIDATION_ERROR", "Invalid input JSON: inputs is required.")
      if (inputs.length > 100) return errorReply(400, "VALIDATION_ERROR", "At most 100 inputs.")
      const results: Array<unknown> = []
      for (const input of inputs) {
        const reply = createProperty(context, type, input)
        if (reply.status !== 201) return reply
        results.push(reply.body)
      }
      const iso = new Date(context.now).toISOString()
      return { status: 201, body: { status: "COMPLETE", results, startedAt: iso, completedAt: iso } }
    }),
  },
  {
    method: "GET",
    pattern: /^\/crm\/v3\/properties\/([^/]+)$/,
    handle: typed((context, type) => ({
      status: 200,
      body: { results: [...context.store.definitionsOf(type).values()].map(renderProperty) },
    })),
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/properties\/([^/]+)$/,
    handle: typed((context, type) => createProperty(context, type, objectBody(context.body) ?? {})),
  },
  {
    method: "GET",
    pattern: /^\/crm\/v3\/properties\/([^/]+)\/([^/]+)$/,
    handle: typed((context, type) => {
      const definition = context.store.definitionsOf(type).get(context.params[1]!)
      return definition
        ? { status: 200, body: renderProperty(definition) }
        : errorReply(404, "OBJECT_NOT_FOUND", `Unable to find property ${context.params[1]}.`)
    }),
  },
  {
    method: "PATCH",
    pattern: /^\/crm\/v3\/properties\/([^/]+)\/([^/]+)$/,
    handle: typed((context, type) => {
      const definitions = context.store.definitionsOf(type)
      const definition = definitions.get(context.params[1]!)
      if (!definition)
        return errorReply(404, "OBJECT_NOT_FOUND", `Unable to find property ${context.params[1]}.`)
      if (definition.hubspotDefined)
        return errorReply(400, "VALIDATION_ERROR", `Property ${definition.name} is read-only.`)
      const body = objectBody(context.body) ?? {}
      if (body.hasUniqueValue !== undefined && body.hasUniqueValue !== definition.hasUniqueValue) {
        return errorReply(400, "VALIDATION_ERROR", "hasUniqueValue cannot be changed once set.")
      }
      if (body.type !== undefined && !propertyTypes.has(body.type as PropertyType)) {
        return errorReply(400, "VALIDATION_ERROR", `Unknown type ${String(body.type)}.`)
      }
      const options = body.options === undefined ? definition.options : readOptions(body.options)
      if (typeof options === "string") return errorReply(400, "VALIDATION_ERROR", options)
      const updated: PropertyDefinition = {
        ...definition,
        ...(typeof body.label === "string" ? { label: body.label } : {}),
        ...(typeof body.description === "string" ? { description: body.description } : {}),
        ...(typeof body.groupName === "string" ? { groupName: body.groupName } : {}),
        ...(typeof body.type === "string" ? { type: body.type as PropertyType } : {}),
        ...(typeof body.fieldType === "string" ? { fieldType: body.fieldType } : {}),
        ...(typeof body.displayOrder === "number" ? { displayOrder: body.displayOrder } : {}),
        ...(typeof body.hidden === "boolean" ? { hidden: body.hidden } : {}),
        options,
        updatedAt: context.now,
      }
      definitions.set(updated.name, updated)
      return { status: 200, body: renderProperty(updated) }
    }),
  },
  {
    method: "GET",
    pattern: /^\/crm\/v3\/pipelines\/([^/]+)$/,
    handle: (context) =>
      ticketsOnly(context.params[0]!) ?? {
        status: 200,
        body: {
          results: context.store
            .ticketPipelines()
            .filter((pipeline) => !pipeline.archived)
            .map(renderPipeline),
        },
      },
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/pipelines\/([^/]+)$/,
    handle: (context) => {
      const refused = ticketsOnly(context.params[0]!)
      if (refused) return refused
      const body = objectBody(context.body)
      if (!body || typeof body.label !== "string" || body.label === "")
        return errorReply(400, "VALIDATION_ERROR", "label is required.")
      const pipelines = context.store.ticketPipelines()
      if (pipelines.some((pipeline) => !pipeline.archived && pipeline.label === body.label)) {
        return errorReply(409, "CONFLICT", `A pipeline with label '${body.label}' already exists.`)
      }
      const rawStages = Array.isArray(body.stages) ? body.stages : []
      if (rawStages.length === 0)
        return errorReply(400, "VALIDATION_ERROR", "A pipeline needs at least one stage.")
      const stages: Array<PipelineStage> = []
      for (const [index, raw] of rawStages.entries()) {
        const stage = readStage(context, raw, index)
        if (typeof stage === "string") return errorReply(400, "VALIDATION_ERROR", stage)
        if (stages.some((existing) => existing.label === stage.label)) {
          return errorReply(400, "VALIDATION_ERROR", `Duplicate stage label '${stage.label}'.`)
        }
        stages.push(stage)
      }
      const pipeline: Pipeline = {
        id: context.store.newId(),
        label: body.label,
        displayOrder: typeof body.displayOrder === "number" ? body.displayOrder : pipelines.length,
        stages,
        archived: false,
        createdAt: context.now,
        updatedAt: context.now,
      }
      pipelines.push(pipeline)
      return { status: 201, body: renderPipeline(pipeline) }
    },
  },
  {
    method: "GET",
    pattern: /^\/crm\/v3\/pipelines\/([^/]+)\/([^/]+)$/,
    handle: (context) => {
      const refused = ticketsOnly(context.params[0]!)
      if (refused) return refused
      const pipeline = context.store
        .ticketPipelines()
        .find((entry) => entry.id === context.params[1] && !entry.archived)
      return pipeline ? { status: 200, body: renderPipeline(pipeline) } : pipelineNotFound(context.params[1]!)
    },
  },
  {
    method: "PATCH",
    pattern: /^\/crm\/v3\/pipelines\/([^/]+)\/([^/]+)$/,
    handle: (context) => {
      const refused = ticketsOnly(context.params[0]!)
      if (refused) return refused
      const pipeline = context.store
        .ticketPipelines()
        .find((entry) => entry.id === context.params[1] && !entry.archived)
      if (!pipeline) return pipelineNotFound(context.params[1]!)
      const body = objectBody(context.body) ?? {}
      if (typeof body.label === "string") pipeline.label = body.label
      if (typeof body.displayOrder === "number") pipeline.displayOrder = body.displayOrder
      pipeline.updatedAt = context.now
      return { status: 200, body: renderPipeline(pipeline) }
    },
  },
  {
    method: "POST",
    pattern: /^\/crm\/v3\/pipelines\/([^/]+)\/([^/]+)\/stages$/,
    handle: (context) => {
      const refused = ticketsOnly(context.params[0]!)
      if (refused) return refused
      const pipeline = context.store
        .ticketPipelines()
        .find((entry) => entry.id === context.params[1] && !entry.archived)
      if (!pipeline) return pipelineNotFound(context.params[1]!)
      const stage = readStage(context, context.body, pipeline.stages.length)
      if (typeof stage === "string") return errorReply(400, "VALIDATION_ERROR", stage)
      if (pipeline.stages.some((existing) => !existing.archived && existing.label === stage.label)) {
        return errorReply(400, "VALIDATION_ERROR", `Duplicate stage label '${stage.label}'.`)
      }
      pipeline.stages.push(stage)
      pipeline.updatedAt = context.now
      return {
        status: 201,
        body: {
          ...stage,
          createdAt: new Date(stage.createdAt).toISOString(),
          updatedAt: new Date(stage.updatedAt).toISOString(),
        },
      }
    },
  },
  {
    method: "PATCH",
    pattern: /^\/crm\/v3\/pipelines\/([^/]+)\/([^/]+)\/stages\/([^/]+)$/,
    handle: (context) => {
      const refused = ticketsOnly(context.params[0]!)
      if (refused) return refused
      const pipeline = context.store
        .ticketPipelines()
        .find((entry) => entry.id === context.params[1] && !entry.archived)
      if (!pipeline) return pipelineNotFound(context.params[1]!)
      const stage = pipeline.stages.find((entry) => entry.id === context.params[2] && !entry.archived)
      if (!stage) return errorReply(404, "OBJECT_NOT_FOUND", `Stage ${context.params[2]} does not exist.`)
      const body = objectBody(context.body) ?? {}
      if (typeof body.label === "string") stage.label = body.label
      if (typeof body.displayOrder === "number") stage.displayOrder = body.displayOrder
      const metadata = objectBody(body.metadata)
      if (metadata && (metadata.ticketState === "OPEN" || metadata.ticketState === "CLOSED")) {
        stage.metadata = {
          ...stage.metadata,
          ticketState: metadata.ticketState,
          isClosed: String(metadata.ticketState === "CLOSED"),
        }
      }
      stage.updatedAt = context.now
      return {
        status: 200,
        body: {
          ...stage,
          createdAt: new Date(stage.createdAt).toISOString(),
          updatedAt: new Date(stage.updatedAt).toISOString(),
        },
      }
    },
  },
]
