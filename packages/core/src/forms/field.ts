import { z } from "zod"
import type { ConfidentialityLevel } from "../access/confidentiality-level.ts"
import type { Enumeration } from "../labels/enumeration.ts"
import type { Label } from "../labels/label.ts"
import { isKnownCurrency, minorDigits } from "../money/currency.ts"
import type { Money } from "../money/money.ts"
import { type CivilDate, civilDateSchema } from "../time/civil-date.ts"
import { type Instant, instantSchema } from "../time/instant.ts"
import { erasable } from "./erasable.ts"
import { refuseUnsafeCharacters } from "./safe-text.ts"

/**
 * The kinds of field a tixi form has. Each maps to one control on every host: a DingTalk/WeCom
 * approval control, a HubSpot property type and a Salesforce field type (see the adapters).
 */
export type FieldKind =
  | "text"
  | "longText"
  | "integer"
  | "decimal"
  | "money"
  | "percent"
  | "date"
  | "dateTime"
  | "boolean"
  | "choice"
  | "multiChoice"
  | "person"
  | "department"
  | "customer"
  | "phone"
  | "table"

/** What every field has, whatever its kind. */
export interface FieldCommon {
  readonly kind: FieldKind
  /** The field's caption on a form, in both languages (表单栏目). */
  readonly label: Label
  /** A hint shown under the control. */
  readonly description: Label | undefined
  /** Whether the form is invalid without a value. */
  readonly required: boolean
  /**
   * The field's confidentiality level (密级). A field built on its own has one only when it says
   * so; `defineForm` gives every other field its form's default (a table's column, its table's
   * level), so every field and every column of a form has one.
   */
  readonly confidentiality: ConfidentialityLevel | undefined
}

/** A field whose values have type `Value` (the phantom `_value` carries the type only). */
export interface Field<Value, Kind extends FieldKind = FieldKind> extends FieldCommon {
  readonly kind: Kind
  /** Validates a present value. */
  readonly schema: z.ZodType<Value>
  readonly _value?: Value
}

/** Any field, for code that walks a form's fields. */
export type AnyField = Field<unknown>

/** The value type of a field, `undefined` included when it is optional. */
export type FieldValue<F> = F extends Field<infer V> ? V : never

/** Options every builder takes. */
export interface FieldOptions<Required extends boolean = true> {
  readonly label: Label
  readonly description?: Label
  /** Fields are required unless this is false. */
  readonly required?: Required
  /** Only where the field differs from its form's default level (a natural person's telephone on a complaint). */
  readonly confidentiality?: ConfidentialityLevel
}

/** Records at the type level whether a field is required, so form values type-check exactly. */
export interface RequiredFlag<Required extends boolean> {
  readonly required: Required
}

function common<Kind extends FieldKind, Required extends boolean>(
  kind: Kind,
  options: FieldOptions<Required>,
) {
  return {
    kind,
    label: options.label,
    description: options.description,
    required: (options.required ?? true) as Required,
    confidentiality: options.confidentiality,
  }
}

/** A single line of text (a name, a number written by hand, an address). */
export interface TextField extends Field<string, "text"> {
  readonly maxLength: number
}

/** A single line of text. */
export function text<const Required extends boolean = true>(
  options: FieldOptions<Required> & { readonly maxLength?: number; readonly pattern?: RegExp },
): TextField & RequiredFlag<NoInfer<Required>> {
  const maxLength = options.maxLength ?? 200
  let schema = refuseUnsafeCharacters(
    z.string().trim().min(1, "must not be empty").max(maxLength, `at most ${maxLength} characters`),
  )
  if (options.pattern) schema = schema.regex(options.pattern, "has the wrong format")
  return { ...common("text", options), maxLength, schema: erasable(schema) }
}

/** A paragraph: the complaint's content (投诉缘由), an investigation's findings. */
export interface LongTextField extends Field<string, "longText"> {
  readonly maxLength: number
}

/** A paragraph of text. */
export function longText<const Required extends boolean = true>(
  options: FieldOptions<Required> & { readonly maxLength?: number },
): LongTextField & RequiredFlag<NoInfer<Required>> {
  const maxLength = options.maxLength ?? 5000
  const schema = refuseUnsafeCharacters(
    z.string().trim().min(1, "must not be empty").max(maxLength, `at most ${maxLength} characters`),
  )
  return { ...common("longText", options), maxLength, schema }
}

/** A whole number: counts, quantities (数量, 索赔个数). */
export interface IntegerField extends Field<number, "integer"> {
  readonly min: number
  readonly max: number
  readonly unit: Label | undefined
}

/** A whole number within bounds (default 0 to the safe-integer maximum). */
export function integer<const Required extends boolean = true>(
  options: FieldOptions<Required> & { readonly min?: number; readonly max?: number; readonly unit?: Label },
): IntegerField & RequiredFlag<NoInfer<Required>> {
  const min = options.min ?? 0
  const max = options.max ?? Number.MAX_SAFE_INTEGER
  const schema = z
    .number()
    .int("must be a whole number")
    .min(min, `at least ${min}`)
    .max(max, `at most ${max}`)
  return { ...common("integer", options), min, max, unit: options.unit, schema }
}

/** A number with decimals: a score, a rate. */
export interface DecimalField extends Field<number, "decimal"> {
  readonly min: number
  readonly max: number
  readonly decimals: number
}

/** A number with at most `decimals` decimal places, within bounds. */
export function decimal<const Required extends boolean = true>(
  options: FieldOptions<Required> & {
    readonly min?: number
    readonly max?: number
    readonly decimals?: number
  },
): DecimalField & RequiredFlag<NoInfer<Required>> {
  const min = options.min ?? Number.NEGATIVE_INFINITY
  const max = options.max ?? Number.POSITIVE_INFINITY
  const decimals = options.decimals ?? 2
  const factor = 10 ** decimals
  const schema = z
    .number()
    .finite("must be a number")
    .min(min, `at least ${min}`)
    .max(max, `at most ${max}`)
    .refine(
      (value) => Math.abs(Math.round(value * factor) - value * factor) < 1e-6,
      `at most ${decimals} decimals`,
    )
  return { ...common("decimal", options), min, max, decimals, schema }
}

/** An amount of money (损失金额, 索赔金额, 费用) in integer minor units. */
export interface MoneyField extends Field<Money, "money"> {
  /** The currency every value must have, when the form fixes one. */
  readonly currency: string | undefined
  readonly allowNegative: boolean
}

/** An amount of money; non-negative unless `allowNegative`. */
export function money<const Required extends boolean = true>(
  options: FieldOptions<Required> & { readonly currency?: string; readonly allowNegative?: boolean },
): MoneyField & RequiredFlag<NoInfer<Required>> {
  const allowNegative = options.allowNegative ?? false
  const schema = z
    .object({
      minor: z
        .number()
        .int("minor units must be a whole number")
        .refine(Number.isSafeInteger, "amount too large"),
      currency: z.string().refine(isKnownCurrency, "unknown currency"),
    })
    .superRefine((value, context) => {
      if (options.currency !== undefined && value.currency !== options.currency) {
        context.addIssue({
          code: "custom",
          message: `currency must be ${options.currency}`,
          path: ["currency"],
        })
      }
      if (!allowNegative && value.minor < 0) {
        context.addIssue({ code: "custom", message: "must not be negative", path: ["minor"] })
      }
      if (isKnownCurrency(value.currency)) minorDigits(value.currency)
    })
  return { ...common("money", options), currency: options.currency, allowNegative, schema }
}

/** A share in percent, 0–100 (责任归属 比率%). */
export interface PercentField extends Field<number, "percent"> {
  readonly decimals: number
}

/** A percentage from 0 to 100 with at most `decimals` decimals (default whole percent). */
export function percent<const Required extends boolean = true>(
  options: FieldOptions<Required> & { readonly decimals?: number },
): PercentField & RequiredFlag<NoInfer<Required>> {
  const decimals = options.decimals ?? 0
  const factor = 10 ** decimals
  const schema = z
    .number()
    .min(0, "at least 0 %")
    .max(100, "at most 100 %")
    .refine(
      (value) => Math.abs(Math.round(value * factor) - value * factor) < 1e-6,
      `at most ${decimals} decimals`,
    )
  return { ...common("percent", options), decimals, schema }
}

/** A calendar date (受理日期, 承诺办理日), `YYYY-MM-DD`. */
export interface DateField extends Field<CivilDate, "date"> {}

/** A calendar date. */
export function date<const Required extends boolean = true>(
  options: FieldOptions<Required>,
): DateField & RequiredFlag<NoInfer<Required>> {
  return { ...common("date", options), schema: civilDateSchema }
}

/** A point in time (投诉受理日 上午/下午 时 分), milliseconds since the epoch. */
export interface DateTimeField extends Field<Instant, "dateTime"> {}

/** A point in time, from 1800 to 2199 (`instantSchema`), so no form carries one the platform cannot date. */
export function dateTime<const Required extends boolean = true>(
  options: FieldOptions<Required>,
): DateTimeField & RequiredFlag<NoInfer<Required>> {
  return { ...common("dateTime", options), schema: instantSchema }
}

/** A yes/no box. */
export interface BooleanField extends Field<boolean, "boolean"> {}

/** A yes/no box. */
export function boolean<const Required extends boolean = true>(
  options: FieldOptions<Required>,
): BooleanField & RequiredFlag<NoInfer<Required>> {
  return { ...common("boolean", options), schema: z.boolean() }
}

/** One value of an enumeration (□商品 □服务 □其他). */
export interface ChoiceField<Value extends string> extends Field<Value, "choice"> {
  readonly enumeration: Enumeration<Value>
}

/** One value of an enumeration. */
export function choice<Value extends string, const Required extends boolean = true>(
  enumeration: Enumeration<Value>,
  options: FieldOptions<Required>,
): ChoiceField<Value> & RequiredFlag<NoInfer<Required>> {
  return { ...common("choice", options), enumeration, schema: enumeration.schema }
}

/** Several values of an enumeration, each at most once. */
export interface MultiChoiceField<Value extends string> extends Field<ReadonlyArray<Value>, "multiChoice"> {
  readonly enumeration: Enumeration<Value>
}

/** Several distinct values of an enumeration; at least one when required. */
export function multiChoice<Value extends string, const Required extends boolean = true>(
  enumeration: Enumeration<Value>,
  options: FieldOptions<Required>,
): MultiChoiceField<Value> & RequiredFlag<NoInfer<Required>> {
  const schema = z
    .array(enumeration.schema)
    .min(options.required === false ? 0 : 1, "choose at least one")
    .refine((values) => new Set(values).size === values.length, "each value at most once")
  return { ...common("multiChoice", options), enumeration, schema: schema as z.ZodType<ReadonlyArray<Value>> }
}

const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$/, "must be an id (letters, digits, . _ : @ / -)")

/** A member of staff (承办人, 查证人); hosts render it as their people picker. */
export interface PersonField extends Field<string, "person"> {}

/** A member of staff, by person id. */
export function person<const Required extends boolean = true>(
  options: FieldOptions<Required>,
): PersonField & RequiredFlag<NoInfer<Required>> {
  return { ...common("person", options), schema: erasable(idSchema) }
}

/** A department (责任部门, 问题发生部门). */
export interface DepartmentField extends Field<string, "department"> {}

/** A department, by id. */
export function department<const Required extends boolean = true>(
  options: FieldOptions<Required>,
): DepartmentField & RequiredFlag<NoInfer<Required>> {
  return { ...common("department", options), schema: idSchema }
}

/** A customer record (投诉客户), by customer id. */
export interface CustomerField extends Field<string, "customer"> {}

/** A customer, by id. */
export function customer<const Required extends boolean = true>(
  options: FieldOptions<Required>,
): CustomerField & RequiredFlag<NoInfer<Required>> {
  return { ...common("customer", options), schema: erasable(idSchema) }
}

/** A telephone number as the customer gives it (digits, spaces, +, -, parentheses, extension). */
export interface PhoneField extends Field<string, "phone"> {}

/** A telephone number. */
export function phone<const Required extends boolean = true>(
  options: FieldOptions<Required>,
): PhoneField & RequiredFlag<NoInfer<Required>> {
  const schema = z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]{4,30}(?:\s*(?:ext\.?|转|x)\s*[0-9]{1,6})?$/, "must be a telephone number")
  return { ...common("phone", options), schema: erasable(schema) }
}

/** The row value of a table's columns. */
export type RowValue<Columns extends Record<string, AnyField>> = {
  readonly [K in keyof Columns as Columns[K] extends { required: true } ? K : never]: FieldValue<Columns[K]>
} & {
  readonly [K in keyof Columns as Columns[K] extends { required: true } ? never : K]?: FieldValue<Columns[K]>
}

/** Rows of the same columns (责任归属: 部门 / 比率%; 处理方式 items). */
export interface TableField<Columns extends Record<string, AnyField>>
  extends Field<ReadonlyArray<RowValue<Columns>>, "table"> {
  readonly columns: Columns
  readonly minRows: number
  readonly maxRows: number
}

/** A table of rows; at least one row when required. */
export function table<const Columns extends Record<string, AnyField>, const Required extends boolean = true>(
  options: FieldOptions<Required> & {
    readonly columns: Columns
    readonly minRows?: number
    readonly maxRows?: number
  },
): TableField<Columns> & RequiredFlag<NoInfer<Required>> {
  const minRows = options.minRows ?? (options.required === false ? 0 : 1)
  const maxRows = options.maxRows ?? 100
  const row = objectSchema(options.columns)
  const schema = z
    .array(row)
    .min(minRows, `at least ${minRows} row(s)`)
    .max(maxRows, `at most ${maxRows} rows`)
  return {
    ...common("table", options),
    columns: options.columns,
    minRows,
    maxRows,
    schema: schema as unknown as z.ZodType<ReadonlyArray<RowValue<Columns>>>,
  }
}

/** The zod object of a set of fields, optional fields allowed to be absent. */
export function objectSchema(fields: Record<string, AnyField>): z.ZodObject {
  const shape: Record<string, z.ZodType> = {}
  for (const [key, field] of Object.entries(fields)) {
    shape[key] = field.required ? field.schema : field.schema.optional()
  }
  return z.strictObject(shape)
}

/**
 * The builders, used as `field.text({ label: label("受理编号", "Acceptance number") })`.
 * Fields are required unless `required: false`.
 */
export const field = {
  text,
  longText,
  integer,
  decimal,
  money,
  percent,
  date,
  dateTime,
  boolean,
  choice,
  multiChoice,
  person,
  department,
  customer,
  phone,
  table,
}
