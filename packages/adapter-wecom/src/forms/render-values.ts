import { approvalReferenceControls, type IdMapping, referenceValue, withheldMarker } from "@tixi/adapter-kit"
import { type AnyField, type AnyForm, type Locale, Money, type TableField, ValidationError } from "@tixi/core"
import { Result } from "effect"
import type { RawContent, RawControl } from "../operations/raw-schemas.ts"
import { booleanOptions } from "./render-template.ts"

type Issue = { path: Array<string | number>; message: string; code: string }

/** Midnight in China (UTC+8) of a civil date, in seconds, as WeCom's day controls store it. */
export const chinaMidnightSeconds = (date: string) => Math.floor(Date.parse(`${date}T00:00:00+08:00`) / 1000)

function contentValue(
  field: AnyField,
  value: unknown,
  control: RawControl,
  locale: Locale,
  ids: IdMapping,
  path: Array<string | number>,
  issues: Array<Issue>,
): RawContent["value"] | undefined {
  switch (field.kind) {
    case "text":
    case "longText":
    case "customer":
    case "phone":
      return { text: String(value) }
    case "integer":
    case "decimal":
    case "percent":
      return { new_number: String(value) }
    case "money":
      return { new_money: Money.toMajorString(value as Money.Money) }
    case "date":
      return { date: { type: "day", s_timestamp: String(chinaMidnightSeconds(value as string)) } }
    case "dateTime":
      return { date: { type: "hour", s_timestamp: String(Math.floor((value as number) / 1000)) } }
    case "person":
      return { members: [{ userid: ids.userIdOf(value as string) }] }
    case "department":
      return { departments: [{ openapi_id: String(ids.deptIdOf(value as string)) }] }
    case "boolean":
    case "choice":
    case "multiChoice": {
      const options = control.config?.selector?.options ?? []
      const wanted =
        field.kind === "boolean"
          ? [booleanOptions[value === true ? 0 : 1].label[locale]]
          : (field.kind === "choice" ? [value as string] : (value as ReadonlyArray<string>)).map((item) =>
              (
                field as unknown as { enumeration: { label(v: string, l: Locale): string } }
              ).enumeration.label(item, locale),
            )
      const keys: Array<{ key: string }> = []
      for (const text of wanted) {
        const option = options.find((candidate) => candidate.value.some((entry) => entry.text === text))
        if (option === undefined) {
          issues.push({
            path,
            message: `the template has no option "${text}": run install`,
            code: "template_mismatch",
          })
          return undefined
        }
        keys.push({ key: option.key })
      }
      return { selector: { type: field.kind === "multiChoice" ? "multi" : "single", options: keys } }
    }
    case "table": {
      const columns = (field as unknown as TableField<Record<string, AnyField>>).columns
      const children = control.config?.table?.children ?? []
      const rows: Array<{ list: Array<RawContent> }> = []
      for (const [rowIndex, row] of (value as ReadonlyArray<Record<string, unknown>>).entries()) {
        const list: Array<RawContent> = []
        for (const [column, inner] of Object.entries(columns)) {
          if (row[column] === undefined) continue
          const child = children.find((candidate) =>
            candidate.property.title.some((title) => title.text === inner.label[locale]),
          )
          if (child === undefined) {
            issues.push({
              path: [...path, rowIndex, column],
              message: `the template's table has no column "${inner.label[locale]}": run install`,
              code: "template_mismatch",
            })
            continue
          }
          const cell = contentValue(
            inner,
            row[column],
            child,
            locale,
            ids,
            [...path, rowIndex, column],
            issues,
          )
          if (cell !== undefined)
            list.push({ control: child.property.control, id: child.property.id, value: cell })
        }
        rows.push({ list })
      }
      return { children: rows }
    }
  }
}

/**
 * A submission's values as WeCom's `apply_data.contents`, matched to the template as WeCom holds
 * it (`gettemplatedetail`): each field goes to the control whose title is the field's label, and
 * a field the template lacks is refused with its path ("run install"), as is a choice the
 * template has no option for. The form validates the values first. A field in `withheld` (the
 * approvers may not read it) goes as "（保密）" in its Text or Textarea control (install renders
 * such fields as Text controls). A template installed before the field was withheld may still
 * have a Number, Money, Date, Selector, Contact or Table control, which cannot hold that text:
 * an optional one is left out, and a required one is refused here with the field's path ("run
 * install"), so the value never reaches WeCom in any control type.
 */
export function renderContents(
  form: AnyForm,
  controls: ReadonlyArray<RawControl>,
  values: Readonly<Record<string, unknown>>,
  references: { readonly businessKey: string; readonly requestType: string; readonly key: string },
  locale: Locale,
  ids: IdMapping,
  withheld: ReadonlySet<string> = new Set(),
): Result.Result<ReadonlyArray<RawContent>, ValidationError> {
  const parsed = form.parse(values)
  if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
  const valid = parsed.success as Record<string, unknown>
  const byTitle = new Map(
    controls.map((control) => [
      control.property.title.find((title) => title.lang === "zh_CN")?.text ?? control.property.title[0]?.text,
      control,
    ]),
  )
  const issues: Array<Issue> = []
  const contents: Array<RawContent> = []
  for (const [key, field] of Object.entries(form.fields)) {
    const value = valid[key]
    if (value === undefined) continue
    const control = byTitle.get(field.label[locale])
    if (control === undefined) {
      issues.push({
        path: [key],
        message: `the template has no control titled "${field.label[locale]}": run install`,
        code: "template_mismatch",
      })
      continue
    }
    if (withheld.has(key)) {
      const kind = control.property.control
      if (kind === "Text" || kind === "Textarea")
        contents.push({ control: kind, id: control.property.id, value: { text: withheldMarker[locale] } })
      else if (control.property.require === 1)
        issues.push({
          path: [key],
          message: `the approvers may not read this field and the template's required ${kind} control cannot say "${withheldMarker[locale]}": run install`,
          code: "template_mismatch",
        })
      continue
    }
    const rendered = contentValue(field, value, control, locale, ids, [key], issues)
    if (rendered !== undefined)
      contents.push({ control: control.property.control, id: control.property.id, value: rendered })
  }
  const markers: Array<[{ readonly label: { readonly [L in Locale]: string } }, string]> = [
    [approvalReferenceControls.businessKey, references.businessKey],
    [approvalReferenceControls.reference, referenceValue(references.requestType, references.key)],
  ]
  for (const [marker, text] of markers) {
    const control = byTitle.get(marker.label[locale])
    if (control === undefined) {
      issues.push({
        path: [],
        message: `the template lacks tixi's "${marker.label[locale]}" control: run install`,
        code: "template_mismatch",
      })
      continue
    }
    contents.push({ control: "Text", id: control.property.id, value: { text } })
  }
  if (issues.length > 0) return Result.fail(new ValidationError({ subject: form.id, issues }))
  return Result.succeed(contents)
}
