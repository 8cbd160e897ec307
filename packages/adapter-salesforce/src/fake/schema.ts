/** A field of an sObject in the fake org, in describe's terms. */
export interface FakeField {
  readonly name: string
  label: string
  type: string
  readonly custom: boolean
  externalId?: boolean
  unique?: boolean
  length?: number
  precision?: number
  scale?: number
  /** Required on create (nillable false, no default). */
  readonly required?: boolean
  /** Set by the org, never by a client. */
  readonly readOnly?: boolean
  readonly referenceTo?: ReadonlyArray<string>
  readonly relationshipName?: string
  picklistValues?: Array<{ value: string; label: string; active: boolean; defaultValue?: boolean }>
  restricted?: boolean
  description?: string
  inlineHelpText?: string
}

/** An sObject type in the fake org. */
export interface FakeObjectDefinition {
  readonly name: string
  readonly keyPrefix: string
  readonly fields: Array<FakeField>
  /** Whether changes to it are published as Change Data Capture events. */
  readonly changeEvents: boolean
}

const field = (name: string, type: string, extra: Partial<FakeField> = {}): FakeField => ({
  name,
  label: name.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/Id$/, "ID"),
  type,
  custom: false,
  ...extra,
})
const picklist = (name: string, values: ReadonlyArray<string>, extra: Partial<FakeField> = {}) =>
  field(name, "picklist", {
    picklistValues: values.map((value, index) => ({
      value,
      label: value,
      active: true,
      defaultValue: index === 0,
    })),
    ...extra,
  })
const reference = (
  name: string,
  to: ReadonlyArray<string>,
  relationshipName: string,
  extra: Partial<FakeField> = {},
) => field(name, "reference", { referenceTo: to, relationshipName, ...extra })

/** The fields every object has. */
const systemFields = (): Array<FakeField> => [
  field("Id", "id", { readOnly: true }),
  field("IsDeleted", "boolean", { readOnly: true }),
  field("CreatedDate", "datetime", { readOnly: true }),
  reference("CreatedById", ["User"], "CreatedBy", { readOnly: true }),
  field("LastModifiedDate", "datetime", { readOnly: true }),
  reference("LastModifiedById", ["User"], "LastModifiedBy", { readOnly: true }),
  field("SystemModstamp", "datetime", { readOnly: true }),
]

const object = (
  name: string,
  keyPrefix: string,
  fields: Array<FakeField>,
  changeEvents = false,
): FakeObjectDefinition => ({
  name,
  keyPrefix,
  fields: [...systemFields(), ...fields],
  changeEvents,
})

/**
 * The standard objects of a fresh Service Cloud org as far as tixi uses them, with the standard
 * picklist values a new org ships (Case Status New / Working / Escalated / Closed, Priority High /
 * Medium / Low, …).
 */
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_case.htm
export function standardObjects(options: { readonly personAccounts: boolean }): Array<FakeObjectDefinition> {
  const personFields = options.personAccounts
    ? [
        field("IsPersonAccount", "boolean", { readOnly: true }),
        field("FirstName", "string", { length: 40 }),
        field("LastName", "string", { length: 80 }),
        field("PersonEmail", "email", { length: 80 }),
        reference("RecordTypeId", ["RecordType"], "RecordType"),
      ]
    : []
  return [
    object(
      "Account",
      "001",
      [
        field("Name", "string", { length: 255, required: !options.personAccounts }),
        picklist("Type", ["Prospect", "Customer - Direct", "Customer - Channel", "Partner", "Other"]),
        picklist("Industry", ["Manufacturing", "Retail", "Technology", "Other"]),
        field("Phone", "phone", { length: 40 }),
        field("BillingStreet", "textarea", { length: 255 }),
        field("BillingCity", "string", { length: 40 }),
        reference("OwnerId", ["User"], "Owner"),
        ...personFields,
      ],
      true,
    ),
    object(
      "Contact",
      "003",
      [
        field("FirstName", "string", { length: 40 }),
        field("LastName", "string", { length: 80, required: true }),
        field("Email", "email", { length: 80 }),
        field("Phone", "phone", { length: 40 }),
        field("MailingStreet", "textarea", { length: 255 }),
        field("MailingCity", "string", { length: 40 }),
        reference("AccountId", ["Account"], "Account"),
        reference("OwnerId", ["User"], "Owner"),
      ],
      true,
    ),
    object(
      "Case",
      "500",
      [
        field("CaseNumber", "string", { readOnly: true, length: 30 }),
        field("Subject", "string", { length: 255 }),
        field("Description", "textarea", { length: 32_000 }),
        picklist("Status", ["New", "Working", "Escalated", "Closed"], { restricted: true }),
        picklist("Priority", ["High", "Medium", "Low"]),
        picklist("Origin", ["Phone", "Email", "Web"]),
        picklist("Type", ["Mechanical", "Electrical", "Electronic", "Structural", "Other"]),
        picklist("Reason", [
          "Installation",
          "Equipment Complexity",
          "Performance",
          "Breakdown",
          "Equipment Design",
          "Feedback",
          "Other",
        ]),
        field("IsEscalated", "boolean"),
        field("IsClosed", "boolean", { readOnly: true }),
        field("ClosedDate", "datetime", { readOnly: true }),
        reference("AccountId", ["Account"], "Account"),
        reference("ContactId", ["Contact"], "Contact"),
        reference("ParentId", ["Case"], "Parent"),
        reference("OwnerId", ["User"], "Owner"),
      ],
      true,
    ),
    object("Task", "00T", [
      field("Subject", "string", { length: 255 }),
      field("Description", "textarea", { length: 32_000 }),
      picklist("Status", ["Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred"], {
        restricted: true,
      }),
      picklist("Priority", ["High", "Normal", "Low"]),
      picklist("TaskSubtype", ["Task", "Email", "Call"]),
      field("ActivityDate", "date"),
      field("ReminderDateTime", "datetime"),
      field("IsReminderSet", "boolean"),
      field("IsClosed", "boolean", { readOnly: true }),
      reference("WhatId", ["Case", "Account"], "What"),
      reference("WhoId", ["Contact"], "Who"),
      reference("OwnerId", ["User"], "Owner"),
    ]),
    object("Event", "00U", [
      field("Subject", "string", { length: 255 }),
      field("Description", "textarea", { length: 32_000 }),
      field("StartDateTime", "datetime", { required: true }),
      field("EndDateTime", "datetime"),
      field("DurationInMinutes", "int"),
      field("Location", "string", { length: 255 }),
      picklist("Type", ["Call", "Email", "Meeting", "Other"]),
      reference("WhatId", ["Case", "Account"], "What"),
      reference("WhoId", ["Contact"], "Who"),
      reference("OwnerId", ["User"], "Owner"),
    ]),
    object("CaseStatus", "01J", [
      field("MasterLabel", "string"),
      field("ApiName", "string"),
      field("IsClosed", "boolean"),
      field("IsDefault", "boolean"),
      field("SortOrder", "int"),
    ]),
    // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_user.htm
    object("User", "005", [
      field("Username", "string"),
      field("Name", "string"),
      field("Email", "email", { length: 128 }),
      field("IsActive", "boolean"),
      reference("UserRoleId", ["UserRole"], "UserRole"),
      reference("ManagerId", ["User"], "Manager"),
      field("Department", "string", { length: 80 }),
      field("Title", "string", { length: 80 }),
      picklist("LanguageLocaleKey", ["en_US", "zh_CN"]),
      picklist(
        "UserType",
        [
          "Standard",
          "PowerPartner",
          "CspLitePortal",
          "CustomerSuccess",
          "PowerCustomerSuccess",
          "CsnOnly",
          "Guest",
        ],
        { readOnly: true },
      ),
    ]),
    // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_role.htm
    object("UserRole", "00E", [
      field("Name", "string", { length: 80, required: true }),
      field("DeveloperName", "string", { length: 80 }),
      reference("ParentRoleId", ["UserRole"], "ParentRole"),
    ]),
    object("RecordType", "012", [
      field("DeveloperName", "string"),
      field("SobjectType", "string"),
      field("IsPersonType", "boolean"),
    ]),
    object("ProcessDefinition", "04a", [
      field("DeveloperName", "string"),
      field("Name", "string"),
      field("TableEnumOrId", "string"),
      field("State", "string"),
    ]),
    object("ProcessNode", "04b", [
      field("DeveloperName", "string"),
      field("Name", "string"),
      reference("ProcessDefinitionId", ["ProcessDefinition"], "ProcessDefinition"),
    ]),
    object("ProcessInstance", "04g", [
      reference("ProcessDefinitionId", ["ProcessDefinition"], "ProcessDefinition"),
      reference("TargetObjectId", ["Account", "Case"], "TargetObject"),
      field("Status", "picklist"),
      field("CompletedDate", "datetime"),
      reference("SubmittedById", ["User"], "SubmittedBy"),
      reference("LastActorId", ["User"], "LastActor"),
    ]),
    object("ProcessInstanceWorkitem", "04i", [
      reference("ProcessInstanceId", ["ProcessInstance"], "ProcessInstance"),
      reference("ActorId", ["User"], "Actor"),
      reference("OriginalActorId", ["User"], "OriginalActor"),
    ]),
    object("ProcessInstanceStep", "04h", [
      reference("ProcessInstanceId", ["ProcessInstance"], "ProcessInstance"),
      reference("StepNodeId", ["ProcessNode"], "StepNode"),
      field("StepStatus", "picklist"),
      reference("ActorId", ["User"], "Actor"),
      reference("OriginalActorId", ["User"], "OriginalActor"),
      field("Comments", "textarea"),
    ]),
    object("PermissionSet", "0PS", [
      field("Name", "string"),
      field("Label", "string"),
      field("IsOwnedByProfile", "boolean", { readOnly: true }),
    ]),
    // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_permissionsetassignment.htm
    object("PermissionSetAssignment", "0Pa", [
      reference("AssigneeId", ["User"], "Assignee", { required: true }),
      reference("PermissionSetId", ["PermissionSet"], "PermissionSet", { required: true }),
    ]),
    object("FieldPermissions", "01k", [
      reference("ParentId", ["PermissionSet"], "Parent"),
      field("SobjectType", "string"),
      field("Field", "string"),
      field("PermissionsRead", "boolean"),
      field("PermissionsEdit", "boolean"),
    ]),
  ]
}

/** Which field type a Tooling `CustomField` Metadata type becomes in describe. */
export const describeTypeOf: Readonly<Record<string, string>> = {
  Text: "string",
  TextArea: "textarea",
  LongTextArea: "textarea",
  Number: "double",
  Currency: "currency",
  Percent: "percent",
  Date: "date",
  DateTime: "datetime",
  Checkbox: "boolean",
  Picklist: "picklist",
  MultiselectPicklist: "multipicklist",
  Lookup: "reference",
}
