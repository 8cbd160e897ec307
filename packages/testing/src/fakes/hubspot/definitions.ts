import type { ObjectTypeName, Pipeline, PropertyDefinition, PropertyOption, PropertyType } from "./model.ts"

const option = (value: string, label: string, displayOrder: number): PropertyOption => ({
  value,
  label,
  displayOrder,
  hidden: false,
})

const fieldTypeOf: Record<PropertyType, string> = {
  bool: "booleancheckbox",
  date: "date",
  datetime: "date",
  enumeration: "select",
  number: "number",
  phone_number: "phonenumber",
  string: "text",
}

interface DefaultProperty {
  readonly name: string
  readonly label: string
  readonly type: PropertyType
  readonly groupName: string
  readonly options?: ReadonlyArray<PropertyOption>
  readonly readOnly?: boolean
  readonly unique?: boolean
}

const stamp = Date.UTC(2020, 0, 1)

function define(property: DefaultProperty, index: number): PropertyDefinition {
  return {
    name: property.name,
    label: property.label,
    type: property.type,
    fieldType: fieldTypeOf[property.type],
    groupName: property.groupName,
    description: "",
    options: property.options ?? [],
    displayOrder: index,
    hasUniqueValue: property.unique ?? false,
    hidden: false,
    formField: false,
    calculated: false,
    hubspotDefined: true,
    readOnlyValue: property.readOnly ?? false,
    createdAt: stamp,
    updatedAt: stamp,
  }
}

const common = (modified: string): ReadonlyArray<DefaultProperty> => [
  { name: "hs_object_id", label: "Record ID", type: "number", groupName: "system", readOnly: true },
  { name: "createdate", label: "Create Date", type: "datetime", groupName: "system" },
  { name: modified, label: "Last Modified Date", type: "datetime", groupName: "system", readOnly: true },
  { name: "hubspot_owner_id", label: "Owner", type: "enumeration", groupName: "system" },
]

const activity = (prefix: string): ReadonlyArray<DefaultProperty> => [
  { name: "hs_timestamp", label: "Activity date", type: "datetime", groupName: `${prefix}information` },
  { name: "hs_createdate", label: "Create date", type: "datetime", groupName: `${prefix}information` },
]

/** HubSpot's default properties of each object type (the ones tixi reads or writes). */
export const defaultProperties: Readonly<Record<ObjectTypeName, ReadonlyArray<DefaultProperty>>> = {
  companies: [
    ...common("hs_lastmodifieddate"),
    { name: "name", label: "Company name", type: "string", groupName: "companyinformation" },
    { name: "domain", label: "Company Domain Name", type: "string", groupName: "companyinformation" },
    { name: "industry", label: "Industry", type: "string", groupName: "companyinformation" },
    { name: "address", label: "Street Address", type: "string", groupName: "companyinformation" },
    { name: "city", label: "City", type: "string", groupName: "companyinformation" },
    { name: "phone", label: "Phone Number", type: "phone_number", groupName: "companyinformation" },
    { name: "annualrevenue", label: "Annual Revenue", type: "number", groupName: "companyinformation" },
    {
      name: "numberofemployees",
      label: "Number of Employees",
      type: "number",
      groupName: "companyinformation",
    },
    { name: "total_revenue", label: "Total Revenue", type: "number", groupName: "deal_information" },
    {
      name: "num_associated_deals",
      label: "Number of Associated Deals",
      type: "number",
      groupName: "deal_information",
    },
    {
      name: "hs_num_open_deals",
      label: "Number of open deals",
      type: "number",
      groupName: "deal_information",
    },
    {
      name: "recent_deal_amount",
      label: "Recent Deal Amount",
      type: "number",
      groupName: "deal_information",
    },
    {
      name: "recent_deal_close_date",
      label: "Recent Deal Close Date",
      type: "datetime",
      groupName: "deal_information",
    },
  ],
  contacts: [
    ...common("lastmodifieddate"),
    { name: "firstname", label: "First Name", type: "string", groupName: "contactinformation" },
    { name: "lastname", label: "Last Name", type: "string", groupName: "contactinformation" },
    { name: "email", label: "Email", type: "string", groupName: "contactinformation", unique: true },
    { name: "phone", label: "Phone Number", type: "phone_number", groupName: "contactinformation" },
    { name: "address", label: "Street Address", type: "string", groupName: "contactinformation" },
    { name: "city", label: "City", type: "string", groupName: "contactinformation" },
    { name: "company", label: "Company Name", type: "string", groupName: "contactinformation" },
  ],
  tickets: [
    ...common("hs_lastmodifieddate"),
    { name: "subject", label: "Ticket name", type: "string", groupName: "ticketinformation" },
    { name: "content", label: "Ticket description", type: "string", groupName: "ticketinformation" },
    { name: "hs_pipeline", label: "Pipeline", type: "enumeration", groupName: "ticketinformation" },
    {
      name: "hs_pipeline_stage",
      label: "Ticket status",
      type: "enumeration",
      groupName: "ticketinformation",
    },
    {
      name: "hs_ticket_priority",
      label: "Priority",
      type: "enumeration",
      groupName: "ticketinformation",
      options: [
        option("LOW", "Low", 0),
        option("MEDIUM", "Medium", 1),
        option("HIGH", "High", 2),
        option("URGENT", "Urgent", 3),
      ],
    },
    { name: "hs_ticket_category", label: "Category", type: "enumeration", groupName: "ticketinformation" },
    { name: "closed_date", label: "Close date", type: "datetime", groupName: "ticketinformation" },
    { name: "source_type", label: "Source", type: "enumeration", groupName: "ticketinformation" },
  ],
  tasks: [
    ...common("hs_lastmodifieddate"),
    ...activity("task"),
    { name: "hs_task_subject", label: "Task Title", type: "string", groupName: "taskinformation" },
    { name: "hs_task_body", label: "Notes", type: "string", groupName: "taskinformation" },
    {
      name: "hs_task_status",
      label: "Task Status",
      type: "enumeration",
      groupName: "taskinformation",
      options: [
        option("NOT_STARTED", "Not started", 0),
        option("IN_PROGRESS", "In progress", 1),
        option("WAITING", "Waiting", 2),
        option("COMPLETED", "Completed", 3),
        option("DEFERRED", "Deferred", 4),
      ],
    },
    {
      name: "hs_task_priority",
      label: "Priority",
      type: "enumeration",
      groupName: "taskinformation",
      options: [
        option("NONE", "None", 0),
        option("LOW", "Low", 1),
        option("MEDIUM", "Medium", 2),
        option("HIGH", "High", 3),
      ],
    },
    {
      name: "hs_task_type",
      label: "Task Type",
      type: "enumeration",
      groupName: "taskinformation",
      options: [option("TODO", "To-do", 0), option("CALL", "Call", 1), option("EMAIL", "Email", 2)],
    },
  ],
  meetings: [
    ...common("hs_lastmodifieddate"),
    ...activity("meeting"),
    { name: "hs_meeting_title", label: "Meeting name", type: "string", groupName: "meetinginformation" },
    {
      name: "hs_meeting_body",
      label: "Meeting description",
      type: "string",
      groupName: "meetinginformation",
    },
    { name: "hs_meeting_location", label: "Location", type: "string", groupName: "meetinginformation" },
    { name: "hs_meeting_start_time", label: "Start Time", type: "datetime", groupName: "meetinginformation" },
    { name: "hs_meeting_end_time", label: "End Time", type: "datetime", groupName: "meetinginformation" },
    { name: "hs_meeting_outcome", label: "Outcome", type: "string", groupName: "meetinginformation" },
  ],
  calls: [
    ...common("hs_lastmodifieddate"),
    ...activity("call"),
    { name: "hs_call_title", label: "Call Title", type: "string", groupName: "callinformation" },
    { name: "hs_call_body", label: "Call notes", type: "string", groupName: "callinformation" },
    {
      name: "hs_call_direction",
      label: "Call direction",
      type: "enumeration",
      groupName: "callinformation",
      options: [option("INBOUND", "Inbound", 0), option("OUTBOUND", "Outbound", 1)],
    },
    { name: "hs_call_status", label: "Call status", type: "string", groupName: "callinformation" },
    { name: "hs_call_duration", label: "Call duration", type: "number", groupName: "callinformation" },
  ],
  notes: [
    ...common("hs_lastmodifieddate"),
    ...activity("note"),
    { name: "hs_note_body", label: "Note body", type: "string", groupName: "noteinformation" },
  ],
  emails: [
    ...common("hs_lastmodifieddate"),
    ...activity("email"),
    { name: "hs_email_subject", label: "Subject", type: "string", groupName: "emailinformation" },
    { name: "hs_email_text", label: "Body", type: "string", groupName: "emailinformation" },
    {
      name: "hs_email_direction",
      label: "Email direction",
      type: "enumeration",
      groupName: "emailinformation",
      options: [
        option("EMAIL", "Logged outgoing", 0),
        option("INCOMING_EMAIL", "Incoming", 1),
        option("FORWARDED_EMAIL", "Forwarded", 2),
      ],
    },
    { name: "hs_email_status", label: "Email status", type: "string", groupName: "emailinformation" },
  ],
}

/** A fresh copy of an object type's default property definitions. */
export function defaultDefinitions(type: ObjectTypeName): Map<string, PropertyDefinition> {
  return new Map(defaultProperties[type].map((property, index) => [property.name, define(property, index)]))
}

/** The property that holds each object type's last modification time (contacts differ). */
export const lastModifiedProperty = (type: ObjectTypeName): string =>
  type === "contacts" ? "lastmodifieddate" : "hs_lastmodifieddate"

/** The property every activity requires on create (HubSpot rejects activities without it). */
export const requiredOnCreate: Readonly<Partial<Record<ObjectTypeName, ReadonlyArray<string>>>> = {
  tasks: ["hs_timestamp"],
  meetings: ["hs_timestamp"],
  calls: ["hs_timestamp"],
  notes: ["hs_timestamp"],
  emails: ["hs_timestamp"],
  tickets: ["hs_pipeline_stage"],
}

/** The ticket pipeline every portal starts with ("Support Pipeline", id `0`). */
export function defaultTicketPipeline(): Pipeline {
  const stage = (id: string, label: string, displayOrder: number, ticketState: "OPEN" | "CLOSED") => ({
    id,
    label,
    displayOrder,
    metadata: { ticketState, isClosed: String(ticketState === "CLOSED") },
    archived: false,
    createdAt: stamp,
    updatedAt: stamp,
  })
  return {
    id: "0",
    label: "Support Pipeline",
    displayOrder: 0,
    stages: [
      stage("1", "New", 0, "OPEN"),
      stage("2", "Waiting on contact", 1, "OPEN"),
      stage("3", "Waiting on us", 2, "OPEN"),
      stage("4", "Closed", 3, "CLOSED"),
    ],
    archived: false,
    createdAt: stamp,
    updatedAt: stamp,
  }
}

/**
 * HubSpot-defined default association type ids, from one object type to another (the values of
 * `@hubspot/api-client`'s `AssociationTypes`, e.g. ticketToCompany 339, taskToTicket 230).
 */
export const defaultAssociationTypeIds: Readonly<Record<string, number>> = {
  "contacts->companies": 279,
  "companies->contacts": 280,
  "contacts->tickets": 15,
  "tickets->contacts": 16,
  "tickets->companies": 339,
  "companies->tickets": 340,
  "calls->tickets": 220,
  "tickets->calls": 219,
  "emails->tickets": 224,
  "tickets->emails": 223,
  "meetings->tickets": 226,
  "tickets->meetings": 225,
  "notes->tickets": 228,
  "tickets->notes": 227,
  "tasks->tickets": 230,
  "tickets->tasks": 229,
  "calls->companies": 182,
  "companies->calls": 181,
  "emails->companies": 186,
  "companies->emails": 185,
  "meetings->companies": 188,
  "companies->meetings": 187,
  "notes->companies": 190,
  "companies->notes": 189,
  "tasks->companies": 192,
  "companies->tasks": 191,
  "calls->contacts": 194,
  "contacts->calls": 193,
  "emails->contacts": 198,
  "contacts->emails": 197,
  "meetings->contacts": 200,
  "contacts->meetings": 199,
  "notes->contacts": 202,
  "contacts->notes": 201,
  "tasks->contacts": 204,
  "contacts->tasks": 203,
}
