import { Result, Schema } from "effect"
import type { Label } from "../../labels/label.ts"
import { PersonalDataKind } from "../labels/information-labels.ts"
import { erasedValue, isErased } from "./erased.ts"
import { informationPersonalLocations } from "./information-locations.ts"
import type { PersonalRecordLocation } from "./personal-locations.ts"
import type { PayloadPath, StoredEvent } from "./stored-event.ts"

/** One value tixi holds about a person: where it is stored, what it is, and the value. */
export interface PersonalValue {
  readonly process: string
  readonly instanceId: string
  readonly sequence: number
  readonly eventType: string
  readonly path: PayloadPath
  readonly kind: PersonalDataKind
  /** The form's caption of the field, or the kind's label for an id found elsewhere. */
  readonly label: Label
  readonly value: string
}

/** What tixi holds about a person (PIPL art. 45 access), labelled in both languages. */
export interface PersonalDataExport {
  readonly subject: string
  readonly values: ReadonlyArray<PersonalValue>
}

/** One value to erase: where it is and what kind it is — never the value itself. */
export interface ErasureReplacement {
  readonly process: string
  readonly instanceId: string
  readonly sequence: number
  readonly path: PayloadPath
  readonly kind: PersonalDataKind
}

/**
 * How to erase a person's data (PIPL art. 47) from stored events that must stay for replay: each
 * value replaced by an `Erased` marker of its kind. The plan names no value, so it can be kept as
 * the record of the erasure.
 */
export interface ErasurePlan {
  readonly replacements: ReadonlyArray<ErasureReplacement>
}

/** A plan that does not fit the events it is applied to: nothing is rewritten. */
export class ErasureMismatch extends Schema.TaggedError<ErasureMismatch>()("ErasureMismatch", {
  process: Schema.String,
  instanceId: Schema.String,
  sequence: Schema.Number,
  /** The path, joined with dots. */
  path: Schema.String,
  reason: Schema.String,
}) {
  override get message(): string {
    return `${this.process} ${this.instanceId} #${this.sequence} ${this.path}: ${this.reason}`
  }
}

type Json = unknown

const valueAt = (root: Json, path: PayloadPath): Json =>
  path.reduce<Json>(
    (node, step) =>
      node !== null && typeof node === "object" ? (node as Record<string | number, Json>)[step] : undefined,
    root,
  )

/** The records a location's path reaches in an event, with their paths (`*` expands every row). */
function recordsAt(
  root: Json,
  pattern: ReadonlyArray<string>,
): ReadonlyArray<{ path: PayloadPath; record: Json }> {
  let reached: Array<{ path: PayloadPath; record: Json }> = [{ path: [], record: root }]
  for (const step of pattern)
    reached = reached.flatMap(({ path, record }) => {
      if (step !== "*") return [{ path: [...path, step], record: valueAt(record, [step]) }]
      return Array.isArray(record)
        ? record.map((row, index) => ({ path: [...path, index], record: row }))
        : []
    })
  return reached
}

/** Every string leaf equal to `subject`, with its path. */
function idReferences(node: Json, subject: string, path: PayloadPath = []): ReadonlyArray<PayloadPath> {
  if (node === subject) return [path]
  if (node === null || typeof node !== "object") return []
  return Object.entries(node).flatMap(([key, child]) =>
    idReferences(child, subject, [...path, Array.isArray(node) ? Number(key) : key]),
  )
}

const pathKey = (path: PayloadPath) => path.join(".")

/**
 * Every value in `events` that is `subject`'s personal data: the fields a location marks personal
 * in the records naming the person, and the person's id wherever else it is stored (an actor, an
 * owner, a signature). Values already erased are not data any more and are skipped.
 */
export function findPersonalData(
  subject: string,
  events: ReadonlyArray<StoredEvent>,
  locations: ReadonlyArray<PersonalRecordLocation> = informationPersonalLocations,
): ReadonlyArray<PersonalValue> {
  return events.flatMap((stored) => {
    const { process, instanceId, sequence, event } = stored
    const found = new Map<string, PersonalValue>()
    const add = (path: PayloadPath, kind: PersonalDataKind, label: Label) => {
      const value = valueAt(event, path)
      if (typeof value !== "string" || value === "" || isErased(value) || found.has(pathKey(path))) return
      found.set(pathKey(path), {
        process,
        instanceId,
        sequence,
        eventType: event.type,
        path,
        kind,
        label,
        value,
      })
    }
    for (const location of locations) {
      if (location.process !== process || location.eventType !== event.type) continue
      for (const { path, record } of recordsAt(event, location.records)) {
        if (valueAt(record, [location.subjectField]) !== subject) continue
        for (const [field, personal] of Object.entries(location.fields))
          add([...path, field], personal.kind, personal.label)
      }
    }
    for (const path of idReferences(event, subject)) add(path, "personId", PersonalDataKind.labels.personId)
    return [...found.values()]
  })
}

/** What tixi holds about `subject` in `events`, each value with its form's zh/en caption. */
export const exportPersonalData = (
  subject: string,
  events: ReadonlyArray<StoredEvent>,
  locations?: ReadonlyArray<PersonalRecordLocation>,
): PersonalDataExport => ({ subject, values: findPersonalData(subject, events, locations) })

/** The plan that erases every value `findPersonalData` finds for `subject`. */
export const planErasure = (
  subject: string,
  events: ReadonlyArray<StoredEvent>,
  locations?: ReadonlyArray<PersonalRecordLocation>,
): ErasurePlan => ({
  replacements: findPersonalData(subject, events, locations).map(
    ({ process, instanceId, sequence, path, kind }) => ({
      process,
      instanceId,
      sequence,
      path,
      kind,
    }),
  ),
})

const eventKey = (process: string, instanceId: string, sequence: number) =>
  `${process}\u0000${instanceId}\u0000${sequence}`

function withValueAt(node: Json, path: PayloadPath, value: Json): Json {
  if (path.length === 0) return value
  const [step, ...rest] = path
  if (Array.isArray(node))
    return node.map((child, index) => (index === step ? withValueAt(child, rest, value) : child))
  const record = node as Record<string, Json>
  return { ...record, [step!]: withValueAt(record[step!], rest, value) }
}

/**
 * The events with the plan applied: every value replaced by its `Erased` marker, the input left
 * untouched. Applying a plan again changes nothing, so a retried erasure is safe; a replacement
 * whose event or value is missing fails the whole plan, naming where.
 */
export function applyErasure(
  events: ReadonlyArray<StoredEvent>,
  plan: ErasurePlan,
): Result.Result<ReadonlyArray<StoredEvent>, ErasureMismatch> {
  const byEvent = new Map<string, Array<ErasureReplacement>>()
  for (const replacement of plan.replacements) {
    const key = eventKey(replacement.process, replacement.instanceId, replacement.sequence)
    byEvent.set(key, [...(byEvent.get(key) ?? []), replacement])
  }
  const seen = new Set<string>()
  const erased: Array<StoredEvent> = []
  for (const stored of events) {
    const key = eventKey(stored.process, stored.instanceId, stored.sequence)
    let event: Json = stored.event
    for (const replacement of byEvent.get(key) ?? []) {
      const value = valueAt(event, replacement.path)
      if (typeof value !== "string")
        return Result.fail(mismatch(replacement, "no stored text value at this path"))
      if (!isErased(value)) event = withValueAt(event, replacement.path, erasedValue(replacement.kind))
    }
    seen.add(key)
    erased.push(event === stored.event ? stored : { ...stored, event: event as StoredEvent["event"] })
  }
  const missing = plan.replacements.find(
    (replacement) => !seen.has(eventKey(replacement.process, replacement.instanceId, replacement.sequence)),
  )
  if (missing !== undefined) return Result.fail(mismatch(missing, "no such stored event"))
  return Result.succeed(erased)
}

const mismatch = (replacement: ErasureReplacement, reason: string) =>
  new ErasureMismatch({
    process: replacement.process,
    instanceId: replacement.instanceId,
    sequence: replacement.sequence,
    path: pathKey(replacement.path),
    reason,
  })
