import { type HostRecordId, hostRecordId } from "@tixi/core"

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

/** The key of a ticket opened by staff that tixi has not keyed yet. */
export const adoptedCaseKey = (ticketId: string) => `hubspot:ticket:${ticketId}`

/** The ticket id inside an adopted case key, or undefined. */
export function adoptedTicketId(key: string): string | undefined {
  return /^hubspot:ticket:(\d+)$/.exec(key)?.[1]
}
