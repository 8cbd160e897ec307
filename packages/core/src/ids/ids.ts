declare const brand: unique symbol

/**
 * A string identifier that the type checker keeps apart from other identifiers, so a customer id
 * cannot be passed where a complaint id is expected. At run time it is a plain string.
 */
export type Id<Kind extends string> = string & { readonly [brand]: Kind }

/** A customer (法人 organisation or 自然人 person) as tixi knows it. */
export type CustomerId = Id<"Customer">
/** A member of staff, as the directory knows them. */
export type PersonId = Id<"Person">
/** A department of the company. */
export type DepartmentId = Id<"Department">
/** A record id on the host CRM (a HubSpot object id, a Salesforce record id, …). */
export type HostRecordId = Id<"HostRecord">
/** An approval instance on the approvals host (a DingTalk instance id, a WeCom sp_no, …). */
export type ApprovalId = Id<"Approval">

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$/

/** Whether a string is usable as an id: 1–200 characters, no spaces or control characters. */
export const isWellFormedId = (value: string): boolean => idPattern.test(value)

/**
 * Brands a string as an id of one kind. Throws on an empty or malformed value, because an id
 * is always produced by tixi or a host, never typed by a user; user input goes through forms.
 */
export function makeId<Kind extends string>(_kind: Kind, value: string): Id<Kind> {
  if (!isWellFormedId(value)) throw new TypeError(`malformed ${_kind} id: ${JSON.stringify(value)}`)
  return value as Id<Kind>
}

/** Brands a customer id. */
export const customerId = (value: string): CustomerId => makeId("Customer", value)
/** Brands a person id. */
export const personId = (value: string): PersonId => makeId("Person", value)
/** Brands a department id. */
export const departmentId = (value: string): DepartmentId => makeId("Department", value)
/** Brands a host record id. */
export const hostRecordId = (value: string): HostRecordId => makeId("HostRecord", value)
/** Brands an approval id. */
export const approvalId = (value: string): ApprovalId => makeId("Approval", value)
