import { withheldMarker } from "@tixi/adapter-kit"
import { type AnyField, type AnyForm, type Locale, Money, type TableField, ValidationError } from "@tixi/core"
import { Result } from "effect"
import type { RawFormComponentValue } from "../operations/raw-schemas.ts"
import { componentTypeOf } from "./render-template.ts"

/** How tixi ids become DingTalk ids inside form values (contact and department controls). */
export interface ValueIds {
  readonly userIdOf: (personId: string) => string
  readonly deptIdOf: (departmentId: string) => number
}

const pad = (value: number) => String(value).padStart(2, "0")

/** An instant as DingTalk's date controls show it: China Standard Time (UTC+8, no daylight saving). */
export function chinaDateTime(instant: number): string {
  const shifted = new Date(instant + 8 * 3_600_000)
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())} ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`
}

function text(field: AnyField, value: unknown, locale: Locale, ids: ValueIds): string {
  switch (field.kind) {
    case "text":
    case "longText":
    case "customer":
    case "phone":
    case "date":
      return String(value)
    case "integer":
    case "decimal":
    case "percent":
      return String(value)
    case "money":
      return Money.toMajorString(value as Money.Money)
    case "dateTime":
      return chinaDateTime(value as number)
    case "boolean":
      return value === true ? (locale === "zh-CN" ? "是" : "Yes") : locale === "zh-CN" ? "否" : "No"
    case "choice":
    case "multiChoice": {
      const enumeration = (field as unknown as { enumeration: { label(v: string, l: Locale): string } })
        .enumeration
      return field.kind === "choice"
        ? enumeration.label(value as string, locale)
        : JSON.stringify((value as ReadonlyArray<string>).map((item) => enumeration.label(item, locale)))
    }
    case "person":
      return JSON.stringify([ids.userIdOf(value as string)])
    case "department":
      return String(ids.deptIdOf(value as string))
    case "table": {
      const columns = (field as unknown as TableField<Record<string, AnyField>>).columns
      const rows = (value as ReadonlyArray<Record<string, unknown>>).map((row) =>
        Object.entries(columns)
          .filter(([column]) => row[column] !== undefined)
          .map(([column, inner]) => ({
            name: inner.label[locale],
            value: text(inner, row[column], locale, ids),
          })),
      )
      return JSON.stringify(rows)
    }
  }
}

/**
 * A submission's values as DingTalk's `formComponentValues`: validated by the form first (a
 * `ValidationError` names every bad field, nothing is sent), then each present field under its
 * control label (DingTalk matches `name` to the template's label) with its key as `bizAlias`.
 * Values longer than DingTalk's 65,535 characters are refused with the field's path. A field in
 * `withheld` (the approvers may not read it) goes as `withheldMarker`, so a required control is
 * still filled and the approver sees that something was held back.
 */
export function renderValues(
  form: AnyForm,
  values: Readonly<Record<string, unknown>>,
  locale: Locale,
  ids: ValueIds,
  withheld: ReadonlySet<string> = new Set(),
): Result.Result<ReadonlyArray<RawFormComponentValue>, ValidationError> {
  const parsed = form.parse(values)
  if (Result.isFailure(parsed)) return Result.fail(parsed.failure)
  const valid = parsed.success as Record<string, unknown>
  const rendered: Array<RawFormComponentValue> = []
  const issues: Array<{ path: Array<string | number>; message: string; code: string }> = []
  for (const [key, field] of Object.entries(form.fields)) {
    const value = valid[key]
    if (value === undefined) continue
    const rendition = withheld.has(key) ? withheldMarker[locale] : text(field, value, locale, ids)
    if (rendition.length > 65_535) {
      issues.push({ path: [key], message: "longer than DingTalk's 65,535 characters", code: "too_big" })
      continue
    }
    rendered.push({ name: field.label[locale], value: rendition, componentType: componentTypeOf[field.kind] })
  }
  if (issues.length > 0) return Result.fail(new ValidationError({ subject: form.id, issues }))
  if (rendered.length > 148) {
    return Result.fail(
      new ValidationError({
        subject: form.id,
        issues: [{ path: [], message: "DingTalk takes at most 150 values", code: "too_big" }],
      }),
    )
  }
  return Result.succeed(rendered)
}
