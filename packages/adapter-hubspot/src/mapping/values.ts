import type { FieldSpec, HostFields, HostFieldValue, Label, Locale } from "@tixi/core"
import type { PropertyFieldType, PropertyInput, PropertyType } from "../operations/create-property.ts"
import { propertyNameOf, tixiGroupName } from "./names.ts"

/** A tixi value as HubSpot stores it (always a string; empty clears the property). */
export function toHubSpotValue(spec: FieldSpec | undefined, value: HostFieldValue): string {
  if (value === null) return ""
  if (typeof value === "boolean") return value ? "true" : "false"
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : ""
  if (spec?.type === "dateTime" && /^\d+$/.test(value)) return value
  return value
}

/** A HubSpot value as tixi reads it, typed by the field's spec (numbers, yes/no, instants). */
export function fromHubSpotValue(
  spec: FieldSpec | undefined,
  raw: string | null | undefined,
): HostFieldValue {
  if (raw === null || raw === undefined || raw === "") return null
  switch (spec?.type) {
    case "number":
    case "money": {
      const number = Number(raw)
      return Number.isFinite(number) ? number : null
    }
    case "boolean":
      return raw === "true"
    case "dateTime": {
      const at = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw)
      return Number.isFinite(at) ? at : null
    }
    case "date":
      return raw.slice(0, 10)
    default:
      return raw
  }
}

/** tixi fields as HubSpot properties, named and converted by their specs. */
export function toProperties(
  fields: HostFields,
  specs: ReadonlyMap<string, FieldSpec>,
): Record<string, string> {
  const properties: Record<string, string> = {}
  for (const [name, value] of Object.entries(fields)) {
    properties[propertyNameOf(name)] = toHubSpotValue(specs.get(name), value)
  }
  return properties
}

const hubSpotTypes: Record<FieldSpec["type"], { type: PropertyType; fieldType: PropertyFieldType }> = {
  text: { type: "string", fieldType: "text" },
  longText: { type: "string", fieldType: "textarea" },
  number: { type: "number", fieldType: "number" },
  money: { type: "number", fieldType: "number" },
  date: { type: "date", fieldType: "date" },
  dateTime: { type: "datetime", fieldType: "date" },
  boolean: { type: "bool", fieldType: "booleancheckbox" },
  choice: { type: "enumeration", fieldType: "select" },
  multiChoice: { type: "enumeration", fieldType: "checkbox" },
}

/** The HubSpot type and field type a tixi field type becomes. */
export const hubSpotTypeOf = (type: FieldSpec["type"]) => hubSpotTypes[type]

const other = (language: Locale): Locale => (language === "zh-CN" ? "en" : "zh-CN")

/** A description that carries the other language, so a portal in one language keeps both. */
export function describe(label: Label, description: Label | undefined, language: Locale): string {
  const second = other(language)
  const parts = [label[second]]
  if (description) parts.push(description[language], description[second])
  return parts.filter((part) => part.length > 0).join(" · ")
}

/** The property definition tixi wants for a field spec, in the portal's language. */
export function propertyFor(spec: FieldSpec, language: Locale, displayOrder: number): PropertyInput {
  const { type, fieldType } = hubSpotTypes[spec.type]
  const second = other(language)
  const options =
    spec.type === "boolean"
      ? [
          {
            label: language === "zh-CN" ? "是" : "Yes",
            value: "true",
            description: second === "en" ? "Yes" : "是",
            displayOrder: 0,
            hidden: false,
          },
          {
            label: language === "zh-CN" ? "否" : "No",
            value: "false",
            description: second === "en" ? "No" : "否",
            displayOrder: 1,
            hidden: false,
          },
        ]
      : (spec.options ?? []).map((option, index) => ({
          label: option.label[language],
          value: option.value,
          description: option.label[second],
          displayOrder: index,
          hidden: false,
        }))
  return {
    name: propertyNameOf(spec.name),
    label: spec.label[language],
    type,
    fieldType,
    groupName: tixiGroupName,
    description: describe(spec.label, spec.description, language),
    options,
    displayOrder,
  }
}
