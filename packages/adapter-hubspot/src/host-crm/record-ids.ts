import { type HostRecordId, hostRecordId, unkeyedCaseKey } from "@tixi/core"

/**
 * Customer record ids name their object type (`company:123`, `contact:456`): HubSpot numbers
 * each object type on its own, so a bare number could mean either. Ticket ids are bare numbers.
 */
export function customerRecordId(type: "companies" | "contacts", id: string): HostRecordId {
  return hostRecordId(`${type === "companies" ? "company" : "contact"}:${id}`)
}

/** The object type and HubSpot id of a customer record id, or undefined when it is not one. */
export function parseCustomerRecordId(
  id: string,
): { readonly type: "companies" | "contacts"; readonly id: string } | undefined {
  const match = /^(company|contact):(\d+)$/.exec(id)
  if (!match) return undefined
  return { type: match[1] === "company" ? "companies" : "contacts", id: match[2]! }
}

/**
 * The key of a ticket opened by staff that tixi has not keyed yet: the core's `host:<id>`
 * (`unkeyedCaseKey`), so the complaint intake knows it for one tixi may take in.
 */
export const adoptedCaseKey = (ticketId: string): string => unkeyedCaseKey(ticketId)

/** The ticket id inside an unkeyed case key (`host:<id>`, or the earlier `hubspot:ticket:<id>`). */
export function adoptedTicketId(key: string): string | undefined {
  return /^(?:host|hubspot:ticket):(\d+)$/.exec(key)?.[1]
}
