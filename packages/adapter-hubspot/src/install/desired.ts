import type { FieldSpec, HostObject, Label, Locale } from "@tixi/core"
import {
  customerKeyProperty,
  keyProperty,
  objectTypesOf,
  ownerProperty,
  tixiGroupName,
} from "../mapping/names.ts"
import { describe, propertyFor } from "../mapping/values.ts"
import type { PropertyInput } from "../operations/create-property.ts"
import type { HubSpotObjectType } from "../operations/object-types.ts"
import type { CaseStage } from "../settings/settings.ts"

/** A property tixi wants on one object type, and the tixi field (if any) it serves. */
export interface DesiredProperty {
  readonly objectType: HubSpotObjectType
  readonly input: PropertyInput
  /** The tixi host object and field name, for reporting per field spec. */
  readonly field?: { readonly object: HostObject; readonly name: string }
}

/** Every object type tixi keeps properties on. */
export const tixiObjectTypes: ReadonlyArray<HubSpotObjectType> = [
  "companies",
  "contacts",
  "tickets",
  "tasks",
  "meetings",
  "calls",
  "notes",
  "emails",
]

/** The label of tixi's property group. */
export const groupLabel: Label = { "zh-CN": "tixi 客户服务管理", en: "tixi customer service" }

const infrastructureLabels = {
  [keyProperty]: {
    label: { "zh-CN": "tixi 编号", en: "tixi key" },
    description: { "zh-CN": "tixi 的记录编号，勿改", en: "tixi's key for this record; do not edit" },
  },
  [customerKeyProperty]: {
    label: { "zh-CN": "tixi 客户编号", en: "tixi customer key" },
    description: { "zh-CN": "投诉所属客户的 tixi 编号", en: "the tixi key of the case's customer" },
  },
  [ownerProperty]: {
    label: { "zh-CN": "tixi 负责人", en: "tixi owner" },
    description: { "zh-CN": "tixi 指派的负责人", en: "the person tixi assigned" },
  },
} as const

function infrastructure(
  name: keyof typeof infrastructureLabels,
  language: Locale,
  unique: boolean,
): PropertyInput {
  const { label, description } = infrastructureLabels[name]
  return {
    name,
    label: label[language],
    type: "string",
    fieldType: "text",
    groupName: tixiGroupName,
    description: describe(label, description, language),
    options: [],
    ...(unique ? { hasUniqueValue: true } : {}),
    displayOrder: -1,
  }
}

/** Objects on which HubSpot allows unique-value properties. */
const uniqueCapable = new Set<HubSpotObjectType>(["companies", "contacts", "tickets"])

/** The properties tixi needs whatever the fields: keys, the case's customer and owner. */
export function infrastructureProperties(language: Locale): Array<DesiredProperty> {
  const desired: Array<DesiredProperty> = tixiObjectTypes.map((objectType) => ({
    objectType,
    input: infrastructure(keyProperty, language, uniqueCapable.has(objectType)),
  }))
  desired.push({ objectType: "tickets", input: infrastructure(customerKeyProperty, language, false) })
  desired.push({ objectType: "tickets", input: infrastructure(ownerProperty, language, false) })
  desired.push({ objectType: "tasks", input: infrastructure(ownerProperty, language, false) })
  return desired
}

/** The properties of tixi's field specs, on every object type their host object lives on. */
export function fieldProperties(specs: ReadonlyArray<FieldSpec>, language: Locale): Array<DesiredProperty> {
  return specs.flatMap((spec, index) =>
    objectTypesOf(spec.object).map((objectType) => ({
      objectType,
      input: propertyFor(spec, language, index),
      field: { object: spec.object, name: spec.name },
    })),
  )
}

/** The pipeline tixi wants: its label and stages in order, in the portal's language. */
export function desiredPipeline(label: Label, stages: ReadonlyArray<CaseStage>, language: Locale) {
  return {
    label: label[language],
    labels: [label["zh-CN"], label.en],
    stages: stages.map((stage, index) => ({
      name: stage.name,
      label: stage.label[language],
      labels: [stage.label["zh-CN"], stage.label.en],
      displayOrder: index,
      ticketState: stage.state === "closed" ? ("CLOSED" as const) : ("OPEN" as const),
    })),
  }
}
