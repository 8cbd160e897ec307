import {
  defaultAssociationTypeIds,
  defaultDefinitions,
  defaultTicketPipeline,
  lastModifiedProperty,
  requiredOnCreate,
} from "./definitions.ts"
import type {
  AssociationType,
  HistoryEntry,
  ObjectTypeName,
  Pipeline,
  PropertyDefinition,
  PropertyGroup,
  StoredObject,
  WriteSource,
} from "./model.ts"
import { objectTypeNames } from "./model.ts"
import type { PropertyProblem } from "./responses.ts"

/** What happened to a record, for webhook subscriptions. */
export interface StoreEvent {
  readonly objectType: ObjectTypeName
  readonly objectId: string
  readonly kind: "creation" | "propertyChange" | "deletion" | "associationChange"
  readonly propertyName?: string
  readonly propertyValue?: string
  readonly source: WriteSource
  readonly occurredAt: number
  readonly association?: {
    readonly toObjectType: ObjectTypeName
    readonly toObjectId: string
    readonly associationTypeId: number
    readonly removed: boolean
  }
}

/** A value as a JSON body may carry it; HubSpot reads all of them as strings. */
export type RawValue = string | number | boolean | null

/** The outcome of a write: the record, or the problems that stopped it (nothing written). */
export type WriteOutcome =
  | { readonly ok: true; readonly record: StoredObject; readonly created: boolean }
  | { readonly ok: false; readonly kind: "invalid"; readonly problems: ReadonlyArray<PropertyProblem> }
  | { readonly ok: false; readonly kind: "conflict"; readonly message: string; readonly existingId: string }

const civilDate = /^\d{4}-\d{2}-\d{2}$/

/**
 * The data of one fake portal: records with property history, property definitions and groups,
 * pipelines, and v4 associations. Every write is validated as HubSpot validates it and nothing is
 * half-written: a write with any invalid value changes nothing.
 */
export class PortalStore {
  readonly objects = new Map<ObjectTypeName, Map<string, StoredObject>>()
  readonly definitions = new Map<ObjectTypeName, Map<string, PropertyDefinition>>()
  readonly groups = new Map<ObjectTypeName, Map<string, PropertyGroup>>()
  readonly pipelines = new Map<"tickets", Array<Pipeline>>()
  /** `${type}:${id}` → `${toType}` → toId → types. */
  private readonly associations = new Map<string, Map<ObjectTypeName, Map<string, Array<AssociationType>>>>()
  /** `${type}.${property}` → value → record id, for unique-value properties. */
  private readonly uniqueIndex = new Map<string, Map<string, string>>()
  private nextId = 18_000_000_001
  private readonly listeners: Array<(event: StoreEvent) => void> = []

  readonly portalId: number
  private readonly searchIndexDelayMillis: number

  constructor(portalId: number, searchIndexDelayMillis: number) {
    this.portalId = portalId
    this.searchIndexDelayMillis = searchIndexDelayMillis
    for (const type of objectTypeNames) {
      this.objects.set(type, new Map())
      this.definitions.set(type, defaultDefinitions(type))
      this.groups.set(type, new Map())
    }
    this.pipelines.set("tickets", [defaultTicketPipeline()])
  }

  /** Subscribes to record events (the webhook dispatcher does). */
  onEvent(listener: (event: StoreEvent) => void) {
    this.listeners.push(listener)
  }

  private emit(event: StoreEvent) {
    for (const listener of this.listeners) listener(event)
  }

  /** A fresh record id: numeric, unique across every object type, as HubSpot's are. */
  newId(): string {
    return String(this.nextId++)
  }

  records(type: ObjectTypeName): Map<string, StoredObject> {
    return this.objects.get(type)!
  }

  definitionsOf(type: ObjectTypeName): Map<string, PropertyDefinition> {
    return this.definitions.get(type)!
  }

  /** The live (not archived) record, or undefined. */
  find(type: ObjectTypeName, id: string): StoredObject | undefined {
    const record = this.records(type).get(id)
    return record && !record.archived ? record : undefined
  }

  /** The record whose unique property has this value. */
  findByUnique(type: ObjectTypeName, property: string, value: string): StoredObject | undefined {
    const id = this.uniqueIndex.get(`${type}.${property}`)?.get(value)
    return id === undefined ? undefined : this.find(type, id)
  }

  /** Records a property became unique (values already stored are indexed). */
  indexUnique(type: ObjectTypeName, property: string) {
    const index = new Map<string, string>()
    for (const record of this.records(type).values()) {
      const value = record.properties.get(property)
      if (!record.archived && value !== undefined && value !== "") index.set(value, record.id)
    }
    this.uniqueIndex.set(`${type}.${property}`, index)
  }

  ticketPipelines(): Array<Pipeline> {
    return this.pipelines.get("tickets")!
  }

  /** Normalises one value for its definition, or says why it is invalid. */
  private normalise(
    type: ObjectTypeName,
    definition: PropertyDefinition,
    raw: RawValue,
    pending: ReadonlyMap<string, string>,
    record: StoredObject | undefined,
  ): { value: string } | { problem: PropertyProblem } {
    const name = definition.name
    if (raw === null || raw === "") return { value: "" }
    const text = String(raw)
    const problem = (error: PropertyProblem["error"], message: string) => ({
      problem: { name, error, message },
    })
    switch (definition.type) {
      case "number":
        return /^-?\d+(\.\d+)?$/.test(text.trim())
          ? { value: text.trim() }
          : problem("INVALID_INTEGER", `${JSON.stringify(text)} was not a valid number.`)
      case "bool":
        return text === "true" || text === "false"
          ? { value: text }
          : problem("INVALID_BOOLEAN", `${JSON.stringify(text)} was not a valid boolean.`)
      case "date": {
        if (civilDate.test(text)) return { value: text }
        if (/^\d+$/.test(text) && Number(text) % 86_400_000 === 0)
          return { value: new Date(Number(text)).toISOString().slice(0, 10) }
        return problem("INVALID_DATE", `${JSON.stringify(text)} is not a valid date (midnight UTC).`)
      }
      case "datetime": {
        const at = /^\d+$/.test(text) ? Number(text) : Date.parse(text)
        return Number.isFinite(at)
          ? { value: new Date(at).toISOString() }
          : problem("INVALID_DATE", `${JSON.stringify(text)} is not a valid datetime.`)
      }
      case "enumeration": {
        if (type === "tickets" && name === "hs_pipeline") {
          return this.ticketPipelines().some((pipeline) => pipeline.id === text && !pipeline.archived)
            ? { value: text }
            : problem(
                "INVALID_OPTION",
                `${JSON.stringify(text)} was not one of the allowed options: pipelines`,
              )
        }
        if (type === "tickets" && name === "hs_pipeline_stage") {
          const pipelineId = pending.get("hs_pipeline") ?? record?.properties.get("hs_pipeline") ?? "0"
          const pipeline = this.ticketPipelines().find((candidate) => candidate.id === pipelineId)
          return pipeline?.stages.some((stage) => stage.id === text && !stage.archived)
            ? { value: text }
            : problem(
                "INVALID_OPTION",
                `${JSON.stringify(text)} was not one of the allowed options: stages of pipeline ${pipelineId}`,
              )
        }
        if (definition.options.length === 0) return { value: text }
        const allowed = new Set(definition.options.map((option) => option.value))
        const values = definition.fieldType === "checkbox" ? text.split(";") : [text]
        const bad = values.filter((value) => !allowed.has(value))
        return bad.length === 0
          ? { value: text }
          : problem(
              "INVALID_OPTION",
              `${JSON.stringify(bad[0])} was not one of the allowed options: [${[...allowed].join(", ")}]`,
            )
      }
      default:
        return { value: text }
    }
  }

  /** Checks a write without applying it: normalised values, or the problems. */
  check(
    type: ObjectTypeName,
    input: Readonly<Record<string, RawValue>>,
    record: StoredObject | undefined,
    options: { readonly allowReadOnly?: boolean } = {},
  ):
    | { ok: true; values: Map<string, string> }
    | { ok: false; problems: Array<PropertyProblem> }
    | { ok: false; conflict: string; existingId: string } {
    const definitions = this.definitionsOf(type)
    const problems: Array<PropertyProblem> = []
    const values = new Map<string, string>()
    // The pipeline first: a stage is valid or not depending on it.
    const ordered = Object.keys(input).sort(
      (a, b) => Number(b === "hs_pipeline") - Number(a === "hs_pipeline"),
    )
    for (const name of ordered) {
      const definition = definitions.get(name)
      if (!definition) {
        problems.push({ name, error: "PROPERTY_DOESNT_EXIST", message: `Property "${name}" does not exist` })
        continue
      }
      if (definition.readOnlyValue && !options.allowReadOnly) {
        problems.push({ name, error: "READ_ONLY_VALUE", message: `Property "${name}" is read-only` })
        continue
      }
      const outcome = this.normalise(type, definition, input[name] ?? null, values, record)
      if ("problem" in outcome) problems.push(outcome.problem)
      else values.set(name, outcome.value)
    }
    if (!record) {
      for (const name of requiredOnCreate[type] ?? []) {
        if (!values.get(name))
          problems.push({ name, error: "REQUIRED", message: `Property "${name}" is required` })
      }
    }
    if (problems.length > 0) return { ok: false, problems }
    for (const [name, value] of values) {
      if (value === "" || !definitions.get(name)?.hasUniqueValue) continue
      const holder = this.uniqueIndex.get(`${type}.${name}`)?.get(value)
      if (holder !== undefined && holder !== record?.id && this.find(type, holder)) {
        return {
          ok: false,
          conflict: `A ${type.slice(0, -1)} with ${name} ${JSON.stringify(value)} already exists (id ${holder}).`,
          existingId: holder,
        }
      }
    }
    return { ok: true, values }
  }

  /** Creates a record (validated first; nothing written when invalid). */
  create(
    type: ObjectTypeName,
    input: Readonly<Record<string, RawValue>>,
    source: WriteSource,
    now: number,
  ): WriteOutcome {
    const prepared: Record<string, RawValue> = { ...input }
    if (type === "tickets" && prepared.hs_pipeline === undefined) prepared.hs_pipeline = "0"
    const checked = this.check(type, prepared, undefined)
    if (!checked.ok) {
      return "problems" in checked
        ? { ok: false, kind: "invalid", problems: checked.problems }
        : { ok: false, kind: "conflict", message: checked.conflict, existingId: checked.existingId }
    }
    const id = this.newId()
    const record: StoredObject = {
      id,
      type,
      properties: new Map(),
      history: new Map(),
      createdAt: now,
      updatedAt: now,
      archived: false,
      archivedAt: undefined,
      searchableAt: now + this.searchIndexDelayMillis,
    }
    const iso = new Date(now).toISOString()
    const system = new Map<string, string>([
      ["hs_object_id", id],
      ["createdate", iso],
      [lastModifiedProperty(type), iso],
    ])
    if (type !== "companies" && type !== "contacts" && type !== "tickets") system.set("hs_createdate", iso)
    for (const [name, value] of system)
      this.setValue(record, name, value, { sourceType: "CALCULATED", sourceId: "" }, now)
    this.records(type).set(id, record)
    this.emit({ objectType: type, objectId: id, kind: "creation", source, occurredAt: now })
    this.applyValues(record, checked.values, source, now)
    return { ok: true, record, created: true }
  }

  /** Updates a record's properties (validated first; nothing written when invalid). */
  update(
    type: ObjectTypeName,
    record: StoredObject,
    input: Readonly<Record<string, RawValue>>,
    source: WriteSource,
    now: number,
  ): WriteOutcome {
    const checked = this.check(type, input, record)
    if (!checked.ok) {
      return "problems" in checked
        ? { ok: false, kind: "invalid", problems: checked.problems }
        : { ok: false, kind: "conflict", message: checked.conflict, existingId: checked.existingId }
    }
    this.applyValues(record, checked.values, source, now)
    return { ok: true, record, created: false }
  }

  private applyValues(
    record: StoredObject,
    values: ReadonlyMap<string, string>,
    source: WriteSource,
    now: number,
  ) {
    const entrySource = {
      sourceType: source.sourceType,
      sourceId: source.sourceId,
      ...(source.sourceType === "CRM_UI" ? { updatedByUserId: source.userId } : {}),
    }
    let changed = false
    for (const [name, value] of values) {
      if ((record.properties.get(name) ?? "") === value && record.properties.has(name)) continue
      this.setValue(record, name, value, entrySource, now)
      changed = true
      this.emit({
        objectType: record.type,
        objectId: record.id,
        kind: "propertyChange",
        propertyName: name,
        propertyValue: value,
        source,
        occurredAt: now,
      })
    }
    if (record.type === "tickets" && values.has("hs_pipeline_stage")) this.stampClosedDate(record, now)
    if (changed) {
      record.updatedAt = now
      this.setValue(
        record,
        lastModifiedProperty(record.type),
        new Date(now).toISOString(),
        {
          sourceType: "CALCULATED",
          sourceId: "",
        },
        now,
      )
    }
  }

  /** HubSpot sets `closed_date` when a ticket enters a CLOSED stage and clears it on reopening. */
  private stampClosedDate(record: StoredObject, now: number) {
    const pipeline = this.ticketPipelines().find(
      (candidate) => candidate.id === record.properties.get("hs_pipeline"),
    )
    const stage = pipeline?.stages.find(
      (candidate) => candidate.id === record.properties.get("hs_pipeline_stage"),
    )
    const closed = stage?.metadata.ticketState === "CLOSED"
    const current = record.properties.get("closed_date") ?? ""
    const next = closed ? current || new Date(now).toISOString() : ""
    if (next !== current)
      this.setValue(record, "closed_date", next, { sourceType: "CALCULATED", sourceId: "" }, now)
  }

  private setValue(
    record: StoredObject,
    name: string,
    value: string,
    source: Omit<HistoryEntry, "value" | "timestamp">,
    now: number,
  ) {
    const definition = this.definitionsOf(record.type).get(name)
    if (definition?.hasUniqueValue) {
      const index = this.uniqueIndex.get(`${record.type}.${name}`) ?? new Map<string, string>()
      const previous = record.properties.get(name)
      if (previous !== undefined && index.get(previous) === record.id) index.delete(previous)
      if (value !== "") index.set(value, record.id)
      this.uniqueIndex.set(`${record.type}.${name}`, index)
    }
    record.properties.set(name, value)
    const history = record.history.get(name) ?? []
    history.unshift({ value, timestamp: now, ...source })
    record.history.set(name, history)
  }

  /** Archives a record (HubSpot's delete); its unique values are freed. */
  archive(type: ObjectTypeName, record: StoredObject, source: WriteSource, now: number) {
    record.archived = true
    record.archivedAt = now
    for (const [name, definition] of this.definitionsOf(type)) {
      if (!definition.hasUniqueValue) continue
      const value = record.properties.get(name)
      const index = this.uniqueIndex.get(`${type}.${name}`)
      if (value !== undefined && index?.get(value) === record.id) index.delete(value)
    }
    this.emit({ objectType: type, objectId: record.id, kind: "deletion", source, occurredAt: now })
  }

  /** Whether a search at `now` sees the record. */
  searchable(record: StoredObject, now: number): boolean {
    return !record.archived && record.searchableAt <= now
  }

  /** The default association type id between two object types, if HubSpot defines one. */
  defaultTypeId(from: ObjectTypeName, to: ObjectTypeName): number | undefined {
    return defaultAssociationTypeIds[`${from}->${to}`]
  }

  /** Associates two records with the given types (and the inverse direction with its default). */
  associate(
    from: ObjectTypeName,
    fromId: string,
    to: ObjectTypeName,
    toId: string,
    types: ReadonlyArray<AssociationType>,
    source: WriteSource,
    now: number,
  ) {
    const add = (
      a: ObjectTypeName,
      aId: string,
      b: ObjectTypeName,
      bId: string,
      added: ReadonlyArray<AssociationType>,
    ) => {
      const key = `${a}:${aId}`
      const byType =
        this.associations.get(key) ?? new Map<ObjectTypeName, Map<string, Array<AssociationType>>>()
      const byId = byType.get(b) ?? new Map<string, Array<AssociationType>>()
      const existing = byId.get(bId) ?? []
      const fresh = added.filter(
        (type) => !existing.some((held) => held.associationTypeId === type.associationTypeId),
      )
      byId.set(bId, [...existing, ...fresh])
      byType.set(b, byId)
      this.associations.set(key, byType)
      return fresh
    }
    const fresh = add(from, fromId, to, toId, types)
    const inverse = this.defaultTypeId(to, from)
    if (inverse !== undefined)
      add(to, toId, from, fromId, [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: inverse }])
    for (const type of fresh) {
      this.emit({
        objectType: from,
        objectId: fromId,
        kind: "associationChange",
        source,
        occurredAt: now,
        association: {
          toObjectType: to,
          toObjectId: toId,
          associationTypeId: type.associationTypeId,
          removed: false,
        },
      })
    }
  }

  /** The records associated with one record, with their association types, in id order. */
  associated(
    from: ObjectTypeName,
    fromId: string,
    to: ObjectTypeName,
  ): Array<{ toId: string; types: Array<AssociationType> }> {
    const byId = this.associations.get(`${from}:${fromId}`)?.get(to)
    if (!byId) return []
    return [...byId.entries()]
      .filter(([toId]) => this.find(to, toId) !== undefined)
      .sort(([a], [b]) => (BigInt(a) < BigInt(b) ? -1 : 1))
      .map(([toId, types]) => ({ toId, types }))
  }
}
