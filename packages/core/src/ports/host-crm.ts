import { Context, type Effect } from "effect"
import type { ConfidentialityLevel } from "../access/confidentiality-level.ts"
import type { PortFailure } from "../errors/port-failure.ts"
import type { HostRecordId, PersonId } from "../ids/ids.ts"
import type { Label } from "../labels/label.ts"
import type { Instant } from "../time/instant.ts"

/** A value as hosts store custom fields: text, number, yes/no, or empty. */
export type HostFieldValue = string | number | boolean | null

/** Custom field values by tixi field name (adapters map names to HubSpot properties, Salesforce fields). */
export type HostFields = Readonly<Record<string, HostFieldValue>>

/** Whether a customer is an organisation (法人客户) or a natural person (自然人客户). */
export type CustomerKind = "organization" | "person"

/** How to reach a customer, as the host holds it (a company's telephone, a contact's e-mail). */
export interface CustomerContactDetails {
  readonly phone?: string
  readonly email?: string
  readonly address?: string
}

/** A customer as the host stores it: a HubSpot company or contact, a Salesforce Account or Contact. */
export interface HostCustomer {
  readonly id: HostRecordId
  /** tixi's own key for the customer (its customer id); writes match on it, so they never duplicate. */
  readonly externalKey: string | undefined
  readonly kind: CustomerKind
  readonly name: string
  readonly fields: HostFields
  readonly updatedAt: Instant
  /**
   * How to reach the customer, from the host's own fields, when the host keeps them. A complaint
   * staff open in the CRM is registered with them (客户投诉登记表 asks for a telephone, an e-mail
   * or an address).
   */
  readonly contactDetails?: CustomerContactDetails
}

/** A customer to create or update, matched on `externalKey`. */
export interface CustomerDraft {
  readonly externalKey: string
  readonly kind: CustomerKind
  readonly name: string
  readonly fields: HostFields
}

/** Whether a case is still being worked on. Hosts map it to ticket state / `IsClosed`. */
export type HostCaseStatus = "open" | "closed"

/** How urgent a case is on the host (HubSpot `hs_ticket_priority`, Salesforce `Priority`). */
export type HostCasePriority = "low" | "normal" | "high" | "urgent"

/** A complaint or service request as the host stores it: a HubSpot ticket, a Salesforce Case. */
export interface HostCase {
  readonly id: HostRecordId
  /**
   * tixi's key for the case (the complaint id); `host:<id>` (see `unkeyedCaseKey`) for a case staff
   * opened that tixi has not taken over yet.
   */
  readonly externalKey: string
  readonly subject: string
  readonly description: string
  /** The customer's externalKey, when the case is linked to a customer. */
  readonly customerKey: string | undefined
  readonly status: HostCaseStatus
  /** The tixi stage the case is in (a pipeline stage / a Status value on the host). */
  readonly stage: string
  readonly priority: HostCasePriority
  readonly ownerId: PersonId | undefined
  readonly fields: HostFields
  readonly updatedAt: Instant
}

/** A case to create or update, matched on `externalKey`; fields not named are left as they are. */
export interface CaseDraft {
  readonly externalKey: string
  readonly subject: string
  readonly description: string
  readonly customerKey?: string
  readonly status: HostCaseStatus
  readonly stage: string
  readonly priority: HostCasePriority
  readonly ownerId?: PersonId
  readonly fields: HostFields
  /**
   * The host record of a case staff opened in the CRM (a ticket an agent created in HubSpot), which
   * this case takes over: while no record carries `externalKey`, this one is keyed with it and
   * updated instead of a new one being created, so the case stays where staff opened it. A record
   * already keyed with another key is refused (`Conflict`); a record gone from the host is replaced
   * by a new one.
   */
  readonly adoptRecordId?: HostRecordId
}

/**
 * The key a host reports for a case staff opened that tixi has not keyed yet: `host:<record id>`.
 * tixi's own keys never start with `host:`, so a case is known to be unkeyed by its key alone.
 */
export const unkeyedCaseKey = (id: HostRecordId | string): string => `host:${id}`

/** Whether a case key is a host's key for a case tixi has not keyed yet (see `unkeyedCaseKey`). */
export const isUnkeyedCaseKey = (key: string): boolean => key.startsWith("host:")

/** A to-do for a member of staff (督促 reminders, investigation tasks), linked to a case. */
export interface HostTask {
  readonly id: HostRecordId
  readonly externalKey: string
  readonly subject: string
  readonly body: string
  readonly assigneeId: PersonId | undefined
  readonly dueAt: Instant | undefined
  readonly status: "open" | "done"
  readonly caseKey: string | undefined
}

/** A task to create, matched on `externalKey`. */
export interface TaskDraft {
  readonly externalKey: string
  readonly subject: string
  readonly body: string
  readonly assigneeId?: PersonId
  readonly dueAt?: Instant
  readonly caseKey?: string
}

/** What kind of contact with the customer an activity records. */
export type ActivityKind = "call" | "meeting" | "visit" | "email" | "note"

/** A contact with the customer recorded on the host timeline (a call, a visit, a note). */
export interface HostActivity {
  readonly id: HostRecordId
  readonly externalKey: string
  readonly kind: ActivityKind
  readonly subject: string
  readonly body: string
  readonly occurredAt: Instant
  readonly caseKey: string | undefined
  readonly customerKey: string | undefined
}

/** An activity to record, matched on `externalKey`. */
export interface ActivityDraft {
  readonly externalKey: string
  readonly kind: ActivityKind
  readonly subject: string
  readonly body: string
  readonly occurredAt: Instant
  readonly caseKey?: string
  readonly customerKey?: string
}

/** Which host object a custom field belongs to. */
export type HostObject = "customer" | "case"

/** The value type of a custom field, as every host can store it. */
export type HostFieldType =
  | "text"
  | "longText"
  | "number"
  | "money"
  | "date"
  | "dateTime"
  | "boolean"
  | "choice"
  | "multiChoice"

/** A custom field tixi needs on the host, e.g. the complaint's urgency on tickets. */
export interface FieldSpec {
  readonly object: HostObject
  /** tixi's field name, e.g. `complaint_urgency`; adapters prefix and case it for the host. */
  readonly name: string
  readonly label: Label
  readonly description?: Label
  readonly type: HostFieldType
  /** The options of a choice field, in display order. */
  readonly options?: ReadonlyArray<{ readonly value: string; readonly label: Label }>
  /**
   * The field's confidentiality level (密级) where it differs from its module's default
   * (`moduleDefaultLevel`); `customerAttributes` resolves every catalogued field's level.
   */
  readonly confidentiality?: ConfidentialityLevel
}

/** One change `install` makes (or would make, in a dry run). */
export interface InstallStep {
  readonly action: "create" | "update" | "unchanged"
  readonly object: HostObject
  readonly name: string
  /** What changes, in words, e.g. `adds option "litigation"`. */
  readonly detail: string
}

/** The outcome of a batch write: which inputs succeeded and which failed, by input index. */
export interface BatchOutcome<Value> {
  readonly succeeded: ReadonlyArray<{ readonly index: number; readonly value: Value }>
  readonly failed: ReadonlyArray<{ readonly index: number; readonly error: PortFailure }>
}

/** A page of a listing and the cursor of the next page (undefined after the last). */
export interface Page<Item> {
  readonly items: ReadonlyArray<Item>
  readonly next: string | undefined
}

/** A change made on the host, for tixi to react to (a ticket opened by an agent, a field edited). */
export interface HostChange {
  /** The host's id of the change, used to drop duplicates. */
  readonly changeId: string
  readonly object: HostObject
  readonly recordId: HostRecordId
  readonly externalKey: string | undefined
  readonly changeType: "created" | "updated" | "deleted"
  readonly changedFields: ReadonlyArray<string>
  readonly occurredAt: Instant
  /** Whether tixi itself made the change; tixi ignores its own writes to avoid echo loops. */
  readonly origin: "tixi" | "host"
}

/**
 * The host CRM where staff work (HubSpot, Salesforce, or the in-memory host): customers, cases,
 * tasks, activities, custom fields, and the changes made there. Every write is matched on tixi's
 * `externalKey`, so repeating a write after a crash never creates a second record.
 */
export interface HostCrmService {
  /** Which host this is, e.g. `memory`, `hubspot`, `salesforce`. */
  readonly host: string
  getCustomer(id: HostRecordId): Effect.Effect<HostCustomer, PortFailure>
  findCustomer(externalKey: string): Effect.Effect<HostCustomer | undefined, PortFailure>
  /** Lists customers in a stable order, a page at a time (limit 1–1000). */
  listCustomers(request: {
    readonly cursor?: string
    readonly limit: number
  }): Effect.Effect<Page<HostCustomer>, PortFailure>
  /** Creates or updates customers by externalKey, in as few host calls as the host allows. */
  upsertCustomers(
    drafts: ReadonlyArray<CustomerDraft>,
  ): Effect.Effect<BatchOutcome<HostCustomer>, PortFailure>
  /** Writes custom fields of existing customers (grades, limits); partial failures per record. */
  updateCustomerFields(
    updates: ReadonlyArray<{ readonly id: HostRecordId; readonly fields: HostFields }>,
  ): Effect.Effect<BatchOutcome<HostRecordId>, PortFailure>
  upsertCase(draft: CaseDraft): Effect.Effect<HostCase, PortFailure>
  getCase(id: HostRecordId): Effect.Effect<HostCase, PortFailure>
  findCase(externalKey: string): Effect.Effect<HostCase | undefined, PortFailure>
  createTask(draft: TaskDraft): Effect.Effect<HostTask, PortFailure>
  /** Marks the task with this externalKey done; completing a done task changes nothing. */
  completeTask(externalKey: string): Effect.Effect<HostTask, PortFailure>
  logActivity(draft: ActivityDraft): Effect.Effect<HostActivity, PortFailure>
  /** Creates or updates tixi's custom fields; with `dryRun` only reports what it would do. */
  ensureFields(
    specs: ReadonlyArray<FieldSpec>,
    options: { readonly dryRun: boolean },
  ): Effect.Effect<ReadonlyArray<InstallStep>, PortFailure>
  /** Changes made after `cursor` (from the start when undefined), oldest first. */
  pollChanges(
    cursor: string | undefined,
    limit: number,
  ): Effect.Effect<
    { readonly changes: ReadonlyArray<HostChange>; readonly cursor: string | undefined },
    PortFailure
  >
}

/** The host CRM port (DESIGN rule 3). */
export class HostCrm extends Context.Service<HostCrm, HostCrmService>()("@tixi/core/ports/HostCrm") {}
