import { approvalReferenceControls as markerControls } from "@tixi/adapter-kit"
import type { AnyField, AnyForm, Locale, TableField } from "@tixi/core"
import type { RawFormComponent } from "../operations/raw-schemas.ts"

/** A form that cannot become a DingTalk template, with the field to fix. */
export class TemplateRenderError extends Error {
  readonly formId: string
  readonly field: string
  constructor(formId: string, field: string, reason: string) {
    super(`${formId}.${field}: ${reason}`)
    this.name = "TemplateRenderError"
    this.formId = formId
    this.field = field
  }
}

const yesNo = { "zh-CN": ["是", "否"], en: ["Yes", "No"] } as const

/** The DingTalk control type of each tixi field kind. */
export const componentTypeOf: Record<AnyField["kind"], string> = {
  text: "TextField",
  longText: "TextareaField",
  integer: "NumberField",
  decimal: "NumberField",
  money: "MoneyField",
  percent: "NumberField",
  date: "DDDateField",
  dateTime: "DDDateField",
  boolean: "DDSelectField",
  choice: "DDSelectField",
  multiChoice: "DDMultiSelectField",
  person: "InnerContactField",
  department: "DepartmentField",
  // DingTalk has no customer control: the customer's id or name goes in a text field.
  customer: "TextField",
  // PhoneField insists on one number format per mode; a text field takes what customers give.
  phone: "TextField",
  table: "TableField",
}

function component(
  formId: string,
  key: string,
  field: AnyField,
  locale: Locale,
  nested: boolean,
): RawFormComponent {
  const componentType = componentTypeOf[field.kind]
  const caption = field.label[locale]
  if (caption.length > 20)
    throw new TemplateRenderError(formId, key, `label "${caption}" is longer than DingTalk's 20 characters`)
  const props: Record<string, unknown> = {
    componentId: `${componentType}_${key}`.slice(0, 64),
    label: caption,
    required: field.required,
    bizAlias: key,
  }
  if (field.description !== undefined) props.placeholder = field.description[locale].slice(0, 128)
  switch (field.kind) {
    case "integer": {
      const unit = (field as { unit?: { readonly [L in Locale]: string } }).unit
      if (unit !== undefined) props.unit = unit[locale]
      break
    }
    case "percent":
      props.unit = "%"
      break
    case "money":
      props.upper = "0"
      break
    case "date":
      props.unit = "天"
      props.format = "yyyy-MM-dd"
      break
    case "dateTime":
      props.unit = "小时"
      props.format = "yyyy-MM-dd HH:mm"
      break
    case "boolean":
      props.options = [
        { key: "true", value: yesNo[locale][0] },
        { key: "false", value: yesNo[locale][1] },
      ]
      break
    case "choice":
    case "multiChoice": {
      const enumeration = (
        field as unknown as {
          enumeration: { values: ReadonlyArray<string>; label(v: string, l: Locale): string }
        }
      ).enumeration
      props.options = enumeration.values.map((value) => ({
        key: value,
        value: enumeration.label(value, locale),
      }))
      break
    }
    case "person":
      props.choice = "0"
      break
    case "department":
      props.multiple = false
      break
    case "table":
      if (nested) throw new TemplateRenderError(formId, key, "DingTalk tables cannot contain tables")
      props.tableViewMode = "table"
      break
  }
  const rendered: RawFormComponent = { componentType, props: props as RawFormComponent["props"] }
  if (field.kind !== "table") return rendered
  const columns = (field as unknown as TableField<Record<string, AnyField>>).columns
  return {
    ...rendered,
    children: Object.entries(columns).map(([column, inner]) =>
      component(formId, `${key}.${column}`.replace(".", "_"), inner, locale, true),
    ),
  }
}

/**
 * A tixi form as DingTalk form components: one control per field in the form's order (labels in
 * `locale`, the field key as `bizAlias`), then tixi's two reference controls. Throws a
 * `TemplateRenderError` naming the field DingTalk cannot take (a label over 20 characters,
 * a table inside a table, two controls with the same label, a table's columns counted).
 */
export function renderTemplate(form: AnyForm, locale: Locale): ReadonlyArray<RawFormComponent> {
  const components = Object.entries(form.fields).map(([key, field]) =>
    component(form.id, key, field, locale, false),
  )
  components.push(
    {
      componentType: "TextField",
      props: {
        componentId: "TextField_tixiBusinessKey",
        label: markerControls.businessKey.label[locale],
        required: true,
        bizAlias: markerControls.businessKey.alias,
      },
    },
    {
      componentType: "TextField",
      props: {
        componentId: "TextField_tixiReference",
        label: markerControls.reference.label[locale],
        required: true,
        bizAlias: markerControls.reference.alias,
      },
    },
  )
  // DingTalk matches values to controls by label, table columns included: labels are unique.
  const seen = new Map<string, string>()
  for (const rendered of components.flatMap((component) => [component, ...(component.children ?? [])])) {
    const other = seen.get(rendered.props.label)
    if (other !== undefined) {
      throw new TemplateRenderError(
        form.id,
        rendered.props.bizAlias ?? "",
        `label "${rendered.props.label}" is also used by ${other}`,
      )
    }
    seen.set(rendered.props.label, rendered.props.bizAlias ?? "")
  }
  return components
}
