/**
 * The records a fake HubSpot portal keeps, in HubSpot's own terms (object type names, property
 * definitions with `type`/`fieldType`, pipelines with `ticketState`, v4 association type ids).
 * Shapes follow the public v3/v4 API; see https://developers.hubspot.com/docs/api-reference.
 */

/** The CRM object types the fake serves, by their plural API name. */
export type ObjectTypeName =
  | "companies"
  | "contacts"
  | "tickets"
  | "tasks"
  | "meetings"
  | "calls"
  | "notes"
  | "emails"

/** Every object type the fake serves. */
export const objectTypeNames: ReadonlyArray<ObjectTypeName> = [
  "companies",
  "contacts",
  "tickets",
  "tasks",
  "meetings",
  "calls",
  "notes",
  "emails",
]

/** HubSpot's object type ids (`0-2` is companies), accepted wherever a type name is. */
export const objectTypeIds: Readonly<Record<ObjectTypeName, string>> = {
  contacts: "0-1",
  companies: "0-2",
  tickets: "0-5",
  tasks: "0-27",
  notes: "0-46",
  meetings: "0-47",
  calls: "0-48",
  emails: "0-49",
}

/** The singular names webhooks and v4 associations use (`company.propertyChange`). */
export const singularNames: Readonly<Record<ObjectTypeName, string>> = {
  companies: "company",
  contacts: "contact",
  tickets: "ticket",
  tasks: "task",
  meetings: "meeting",
  calls: "call",
  notes: "note",
  emails: "email",
}

/** Reads `companies`, `company`, `COMPANY` or `0-2` as an object type; undefined when unknown. */
export function objectTypeOf(raw: string): ObjectTypeName | undefined {
  const lower = raw.toLowerCase()
  for (const name of objectTypeNames) {
    if (lower === name || lower === singularNames[name] || lower === objectTypeIds[name]) return name
  }
  return undefined
}

/** Objects on which HubSpot lets a property be a unique identifier (`hasUniqueValue`). */
export const uniqueValueObjects: ReadonlySet<ObjectTypeName> = new Set(["companies", "contacts", "tickets"])

/** A property's value type as HubSpot names it. */
export type PropertyType = "bool" | "date" | "datetime" | "enumeration" | "number" | "phone_number" | "string"

/** One option of an enumeration property. */
export interface PropertyOption {
  readonly label: string
  readonly value: string
  readonly description?: string
  readonly displayOrder: number
  readonly hidden: boolean
}

/** A property definition, as `GET /crm/v3/properties/{objectType}` returns it. */
export interface PropertyDefinition {
  readonly name: string
  readonly label: string
  readonly type: PropertyType
  readonly fieldType: string
  readonly groupName: string
  readonly description: string
  readonly options: ReadonlyArray<PropertyOption>
  readonly displayOrder: number
  readonly hasUniqueValue: boolean
  readonly hidden: boolean
  readonly formField: boolean
  readonly calculated: boolean
  readonly hubspotDefined: boolean
  /** Set by HubSpot; writing it through the API fails with READ_ONLY_VALUE. */
  readonly readOnlyValue: boolean
  readonly createdAt: number
  readonly updatedAt: number
}

/** A property group, as `GET /crm/v3/properties/{objectType}/groups` returns it. */
export interface PropertyGroup {
  readonly name: string
  readonly label: string
  readonly displayOrder: number
  readonly archived: boolean
}

/** Who wrote a value: an app through the API, or a user in HubSpot's screens. */
export type WriteSource =
  | { readonly sourceType: "INTEGRATION"; readonly sourceId: string; readonly appId: number }
  | { readonly sourceType: "CRM_UI"; readonly sourceId: string; readonly userId: number }

/** One entry of a property's history (`propertiesWithHistory`), newest first. */
export interface HistoryEntry {
  readonly value: string
  readonly timestamp: number
  readonly sourceType: string
  readonly sourceId: string
  readonly updatedByUserId?: number
}

/** A stored CRM record. */
export interface StoredObject {
  readonly id: string
  readonly type: ObjectTypeName
  readonly properties: Map<string, string>
  readonly history: Map<string, Array<HistoryEntry>>
  readonly createdAt: number
  updatedAt: number
  archived: boolean
  archivedAt: number | undefined
  /** Search only finds a new record from this instant: HubSpot indexes asynchronously. */
  readonly searchableAt: number
}

/** A pipeline stage; ticket stages carry `ticketState` OPEN or CLOSED. */
export interface PipelineStage {
  readonly id: string
  label: string
  displayOrder: number
  metadata: Record<string, string>
  archived: boolean
  readonly createdAt: number
  updatedAt: number
}

/** A pipeline of deals or tickets. */
export interface Pipeline {
  readonly id: string
  label: string
  displayOrder: number
  readonly stages: Array<PipelineStage>
  archived: boolean
  readonly createdAt: number
  updatedAt: number
}

/** One labelled or default association type between two records. */
export interface AssociationType {
  readonly associationCategory: "HUBSPOT_DEFINED" | "USER_DEFINED" | "INTEGRATOR_DEFINED"
  readonly associationTypeId: number
}

/** An app installed in the portal: its token authenticates API calls, its secret signs webhooks. */
export interface FakeApp {
  readonly appId: number
  readonly accessToken: string
  readonly clientSecret: string
  /** Public (OAuth, marketplace) apps get 110 per 10 s and no daily headers; private apps the tier's limit. */
  readonly kind: "private" | "public"
}
