import { approvalReferenceControls } from "@tixi/adapter-kit"
import type { AnyField, AnyForm, Locale, TableField } from "@tixi/core"
import type { RawControl, RawText } from "../operations/raw-schemas.ts"

/** A form that cannot become a WeCom template, with the field to fix. */
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

/** The WeCom control of each tixi field kind. */
export const controlOf: Record<AnyField["kind"], string> = {
  text: "Text",
  longText: "Textarea",
  integer: "Number",
  decimal: "Number",
  money: "Money",
  percent: "Number",
  date: "Date",
  dateTime: "Date",
  boolean: "Selector",
  choice: "Selector",
  multiChoice: "Selector",
  person: "Contact",
  department: "Contact",
  customer: "Text",
  phone: "Text",
  table: "Table",
}

/** WeCom writes its language code `zh_CN`. */
export const texts = (
  label: { readonly "zh-CN": string; readonly en: string },
  locale: Locale,
): ReadonlyArray<RawText> => [{ text: label[locale], lang: "zh_CN" }]

/** The yes/no options of a boolean field. */
export const booleanOptions = [
  { key: "option-true", label: { "zh-CN": "是", en: "Yes" } },
  { key: "option-false", label: { "zh-CN": "否", en: "No" } },
] as const

function control(
  formId: string,
  key: string,
  field: AnyField,
  locale: Locale,
  number: number,
  nested: boolean,
): RawControl {
  const kind = controlOf[field.kind]
  const title = field.label[locale]
  if (title.length > 40)
    throw new TemplateRenderError(formId, key, `title "${title}" is longer than WeCom's 40 characters`)
  const property: RawControl["property"] = {
    control: kind,
    // WeCom wants control ids written control-number ("Text-01"), unique in the template.
    id: `${kind}-${String(number).padStart(2, "0")}`,
    title: texts(field.label, locale),
    ...(field.description === undefined
      ? {}
      : { placeholder: [{ text: field.description[locale].slice(0, 80), lang: "zh_CN" as const }] }),
    require: field.required ? 1 : 0,
    un_print: 0,
  }
  switch (field.kind) {
    case "date":
      return { property, config: { date: { type: "day" } } }
    case "dateTime":
      return { property, config: { date: { type: "hour" } } }
    case "boolean":
      return {
        property,
        config: {
          selector: {
            type: "single",
            options: booleanOptions.map((option) => ({
              key: option.key,
              value: texts(option.label, locale),
            })),
          },
        },
      }
    case "choice":
    case "multiChoice": {
      const enumeration = (
        field as unknown as {
          enumeration: { values: ReadonlyArray<string>; label(v: string, l: Locale): string }
        }
      ).enumeration
      return {
        property,
        config: {
          selector: {
            type: field.kind === "choice" ? "single" : "multi",
            options: enumeration.values.map((value) => ({
              key: `option-${value}`,
              value: [{ text: enumeration.label(value, locale), lang: "zh_CN" as const }],
            })),
          },
        },
      }
    }
    case "person":
      return { property, config: { contact: { type: "single", mode: "user" } } }
    case "department":
      return { property, config: { contact: { type: "single", mode: "department" } } }
    case "table": {
      if (nested) throw new TemplateRenderError(formId, key, "WeCom tables cannot contain tables")
      const columns = (field as unknown as TableField<Record<string, AnyField>>).columns
      return {
        property,
        config: {
          table: {
            children: Object.entries(columns).map(([column, inner], index) =>
              control(formId, `${key}.${column}`, inner, locale, number * 100 + index + 1, true),
            ),
          },
        },
      }
    }
    default:
      return { property }
  }
}

/**
 * The control of a field the approvers may never read: an optional Text control under the field's
 * title. A template fixes each control's type, and WeCom's Number, Money, Date, Selector, Contact
 * and Table controls only take values of their type, so only a Text control can carry "（保密）".
 * `require` is per control, 0 or 1 (create_template,
 * https://developer.work.weixin.qq.com/document/path/97437).
 */
function withheldControl(
  key: string,
  field: AnyField,
  locale: Locale,
  number: number,
  formId: string,
): RawControl {
  const rendered = control(formId, key, { ...field, kind: "text" } as AnyField, locale, number, false)
  return { property: { ...rendered.property, require: 0 as const } }
}

/**
 * A tixi form as WeCom template controls: one per field in the form's order (titles in `locale`),
 * then tixi's reference controls. The fields in `withheld` (above the approvers' level,
 * `fieldsAboveApprovers`) get a Text control whatever their kind, so a request never needs their
 * value. Throws `TemplateRenderError` naming the field WeCom cannot take.
 */
export function renderTemplate(
  form: AnyForm,
  locale: Locale,
  withheld: ReadonlySet<string> = new Set(),
): ReadonlyArray<RawControl> {
  const fields = Object.entries(form.fields)
  const controls = fields.map(([key, field], index) =>
    withheld.has(key)
      ? withheldControl(key, field, locale, index + 1, form.id)
      : control(form.id, key, field, locale, index + 1, false),
  )
  const markers = [approvalReferenceControls.businessKey, approvalReferenceControls.reference]
  markers.forEach((marker, index) => {
    controls.push({
      property: {
        control: "Text",
        id: `Text-${String(90 + index).padStart(2, "0")}`,
        title: texts(marker.label, locale),
        require: 1,
        un_print: 1,
      },
    })
  })
  // Values are matched to controls by title, table columns included: titles are unique.
  const seen = new Set<string>()
  const nested = (control: RawControl): ReadonlyArray<RawControl> => [
    control,
    ...(control.config?.table?.children ?? []),
  ]
  for (const rendered of controls.flatMap(nested)) {
    const title = rendered.property.title[0]!.text
    if (seen.has(title)) throw new TemplateRenderError(form.id, title, `two controls are titled "${title}"`)
    seen.add(title)
  }
  return controls
}
