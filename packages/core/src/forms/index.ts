export type {
  AnyField,
  BooleanField,
  ChoiceField,
  CustomerField,
  DateField,
  DateTimeField,
  DecimalField,
  DepartmentField,
  Field,
  FieldCommon,
  FieldKind,
  FieldOptions,
  FieldValue,
  IntegerField,
  LongTextField,
  MoneyField,
  MultiChoiceField,
  PercentField,
  PersonField,
  PhoneField,
  RequiredFlag,
  RowValue,
  TableField,
  TextField,
} from "./field.ts"
export { field, objectSchema } from "./field.ts"
export * from "./form.ts"
export { refuseUnsafeCharacters, safeTextSchema, unsafeCharacterIn } from "./safe-text.ts"
