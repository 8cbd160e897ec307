import type { FieldSpec, HostFieldType, Locale } from "@tixi/core"
import type { CustomFieldMetadata } from "../vendor/tooling.ts"

/** The describe type each tixi field type becomes, for comparing an installed field with its spec. */
export const describeTypeFor: Readonly<Record<HostFieldType, string>> = {
  text: "string",
  longText: "textarea",
  number: "double",
  money: "currency",
  date: "date",
  dateTime: "datetime",
  boolean: "boolean",
  choice: "picklist",
  multiChoice: "multipicklist",
}

const other = (language: Locale): Locale => (language === "en" ? "zh-CN" : "en")
const cut = (text: string, length: number) => (text.length <= length ? text : `${text.slice(0, length - 1)}…`)

/**
 * The Tooling API metadata of a tixi field: the label in the configured language (Salesforce
 * labels hold 40 characters), the other language in the help text, so staff see both; choices as
 * a restricted picklist whose values are tixi's values and whose labels are tixi's labels.
 */
// https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customfield.htm
export function fieldMetadata(spec: FieldSpec, language: Locale): CustomFieldMetadata {
  const second = other(language)
  const help = [spec.label[second], spec.description?.[language], spec.description?.[second]]
    .filter(Boolean)
    .join(" · ")
  const common = {
    label: cut(spec.label[language], 40),
    description: cut(`tixi field ${spec.name}. ${spec.description?.en ?? spec.label.en}`, 1000),
    inlineHelpText: cut(help, 510),
  }
  const values = (spec.options ?? []).map((option) => ({
    fullName: option.value,
    label: cut(option.label[language], 255),
    default: false,
  }))
  switch (spec.type) {
    case "text":
      return { ...common, type: "Text", length: 255 }
    case "longText":
      return { ...common, type: "LongTextArea", length: 32_768, visibleLines: 5 }
    case "number":
      return { ...common, type: "Number", precision: 18, scale: 2 }
    case "money":
      return { ...common, type: "Currency", precision: 18, scale: 2 }
    case "date":
      return { ...common, type: "Date" }
    case "dateTime":
      return { ...common, type: "DateTime" }
    case "boolean":
      return { ...common, type: "Checkbox", defaultValue: "false" }
    case "choice":
      return {
        ...common,
        type: "Picklist",
        valueSet: { restricted: true, valueSetDefinition: { sorted: false, value: values } },
      }
    case "multiChoice":
      return {
        ...common,
        type: "MultiselectPicklist",
        visibleLines: 4,
        valueSet: { restricted: true, valueSetDefinition: { sorted: false, value: values } },
      }
  }
}
