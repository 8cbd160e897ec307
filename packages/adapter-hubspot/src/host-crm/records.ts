import {
  type ActivityDraft,
  type CustomerContactDetails,
  type HostActivity,
  type HostCase,
  type HostCasePriority,
  type HostCustomer,
  type HostTask,
  hostRecordId,
  personId,
} from "@tixi/core"
import { customerKeyProperty, keyProperty, ownerProperty } from "../mapping/names.ts"
import type { HubSpotObject } from "../vendor/schemas.ts"
import type { FieldRegistry } from "./field-registry.ts"
import { adoptedCaseKey, customerRecordId } from "./record-ids.ts"
import type { MappedStage } from "./stage-map.ts"

/** The core properties read with every company, contact and ticket. */
export const coreProperties = {
  companies: ["name", "phone", "address", "city", "hs_lastmodifieddate", "createdate", keyProperty],
  contacts: [
    "firstname",
    "lastname",
    "email",
    "phone",
    "address",
    "city",
    "lastmodifieddate",
    "createdate",
    keyProperty,
  ],
  tickets: [
    "subject",
    "content",
    "hs_pipeline",
    "hs_pipeline_stage",
    "hs_ticket_priority",
    "hs_lastmodifieddate",
    "createdate",
    keyProperty,
    customerKeyProperty,
    ownerProperty,
  ],
  tasks: ["hs_task_subject", "hs_task_body", "hs_task_status", "hs_timestamp", keyProperty, ownerProperty],
} as const

const instant = (value: string | null | undefined, fallback: Date | string): number => {
  const parsed = value ? (/^\d+$/.test(value) ? Number(value) : Date.parse(value)) : Number.NaN
  if (Number.isFinite(parsed)) return parsed
  return fallback instanceof Date ? fallback.getTime() : Date.parse(fallback)
}

/** How to reach a company or contact: its phone, e-mail (contacts) and street address with city. */
function contactDetailsOf(properties: HubSpotObject["properties"]): CustomerContactDetails | undefined {
  const text = (name: string) => properties[name]?.trim() || undefined
  const phone = text("phone")
  const email = text("email")
  const address = [text("address"), text("city")].filter((part) => part !== undefined).join(", ")
  if (phone === undefined && email === undefined && address === "") return undefined
  return {
    ...(phone === undefined ? {} : { phone }),
    ...(email === undefined ? {} : { email }),
    ...(address === "" ? {} : { address }),
  }
}

/** A company or contact as a tixi customer. */
export function toCustomer(
  type: "companies" | "contacts",
  record: HubSpotObject,
  registry: FieldRegistry,
  fieldProperties: ReadonlyArray<string>,
): HostCustomer {
  const properties = record.properties
  const contactDetails = contactDetailsOf(properties)
  const name =
    type === "companies"
      ? (properties.name ?? "")
      : [properties.firstname, properties.lastname]
          .filter((part) => part !== null && part !== undefined && part !== "")
          .join(" ")
  return {
    id: customerRecordId(type, record.id),
    externalKey: properties[keyProperty] || undefined,
    kind: type === "companies" ? "organization" : "person",
    name,
    fields: registry.fieldsOf("customer", record, fieldProperties),
    updatedAt: instant(
      type === "companies" ? properties.hs_lastmodifieddate : properties.lastmodifieddate,
      record.updatedAt,
    ),
    ...(contactDetails === undefined ? {} : { contactDetails }),
  }
}

const priorities: Record<string, HostCasePriority> = {
  LOW: "low",
  MEDIUM: "normal",
  HIGH: "high",
  URGENT: "urgent",
}

/** HubSpot's ticket priority for a tixi priority (`normal` is HubSpot's MEDIUM). */
export const hubSpotPriorityOf = (priority: HostCasePriority): string =>
  ({ low: "LOW", normal: "MEDIUM", high: "HIGH", urgent: "URGENT" })[priority]

/** A ticket as a tixi case. */
export function toCase(
  record: HubSpotObject,
  stage: MappedStage,
  registry: FieldRegistry,
  fieldProperties: ReadonlyArray<string>,
): HostCase {
  const properties = record.properties
  const owner = properties[ownerProperty]
  return {
    id: hostRecordId(record.id),
    externalKey: properties[keyProperty] || adoptedCaseKey(record.id),
    subject: properties.subject ?? "",
    description: properties.content ?? "",
    customerKey: properties[customerKeyProperty] || undefined,
    status: stage.status,
    stage: stage.name,
    priority: priorities[properties.hs_ticket_priority ?? ""] ?? "normal",
    ownerId: owner ? personId(owner) : undefined,
    fields: registry.fieldsOf("case", record, fieldProperties),
    updatedAt: instant(properties.hs_lastmodifieddate, record.updatedAt),
  }
}

/** A HubSpot task as a tixi task. */
export function toTask(record: HubSpotObject, caseKey: string | undefined): HostTask {
  const properties = record.properties
  const owner = properties[ownerProperty]
  const due = properties.hs_timestamp ? instant(properties.hs_timestamp, record.createdAt) : undefined
  return {
    id: hostRecordId(record.id),
    externalKey: properties[keyProperty] ?? "",
    subject: properties.hs_task_subject ?? "",
    body: properties.hs_task_body ?? "",
    assigneeId: owner ? personId(owner) : undefined,
    dueAt: due,
    status: properties.hs_task_status === "COMPLETED" ? "done" : "open",
    caseKey,
  }
}

/** A logged call, meeting, email or note as a tixi activity (its draft says what it records). */
export function toActivity(record: HubSpotObject, draft: ActivityDraft): HostActivity {
  return {
    id: hostRecordId(record.id),
    externalKey: draft.externalKey,
    kind: draft.kind,
    subject: draft.subject,
    body: draft.body,
    occurredAt: draft.occurredAt,
    caseKey: draft.caseKey,
    customerKey: draft.customerKey,
  }
}
