/** The HubSpot object types tixi reads and writes, by their plural API names. */
export type HubSpotObjectType =
  | "companies"
  | "contacts"
  | "tickets"
  | "tasks"
  | "meetings"
  | "calls"
  | "notes"
  | "emails"

/** Activity object types (HubSpot "engagements"). */
export type ActivityObjectType = "tasks" | "meetings" | "calls" | "notes" | "emails"

/** Batch endpoints take at most 100 inputs ("Batch operations are limited to 100 records at a time"). */
export const batchSize = 100

/**
 * A batch read asking for `propertiesWithHistory` takes at most 50 inputs (HubSpot answers 400
 * "The maximum number of inputs supported in a batch request for property histories is 50").
 */
export const historyBatchSize = 50

/** Search returns at most 200 results a page. */
export const searchPageSize = 200

/** Search pages past 10,000 results fail with 400; tixi partitions its searches to stay below. */
export const searchResultCap = 10_000

/** The property that holds the last modification time: contacts use their own name. */
export const lastModifiedProperty = (type: HubSpotObjectType): string =>
  type === "contacts" ? "lastmodifieddate" : "hs_lastmodifieddate"
