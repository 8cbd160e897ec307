/** The `Metadata` of a Tooling API `CustomField`, as far as tixi sets it. */
// https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customfield.htm
export interface CustomFieldMetadata {
  readonly label: string
  readonly type:
    | "Text"
    | "LongTextArea"
    | "Number"
    | "Currency"
    | "Date"
    | "DateTime"
    | "Checkbox"
    | "Picklist"
    | "MultiselectPicklist"
    | "Lookup"
  readonly description?: string
  readonly inlineHelpText?: string
  readonly length?: number
  readonly precision?: number
  readonly scale?: number
  readonly visibleLines?: number
  readonly defaultValue?: string
  readonly externalId?: boolean
  readonly unique?: boolean
  readonly caseSensitive?: boolean
  /** Lookups: the object referred to, the relationship name and what happens when it is deleted. */
  readonly referenceTo?: string
  readonly relationshipName?: string
  readonly deleteConstraint?: "SetNull" | "Restrict" | "Cascade"
  readonly valueSet?: {
    readonly restricted: boolean
    readonly valueSetDefinition: {
      readonly sorted: boolean
      readonly value: ReadonlyArray<{
        readonly fullName: string
        readonly label: string
        readonly default: boolean
      }>
    }
  }
}
