/**
 * A fake HubSpot portal that behaves like HubSpot where tixi depends on it: limits, error bodies,
 * partial failures, search caps, webhooks. Serve it with msw (`http.all(…, ({ request }) =>
 * portal.fetch(request))`) or on a local port with `serveFakeHubSpot`.
 */
export * from "./definitions.ts"
export * from "./model.ts"
export * from "./portal.ts"
export * from "./rate-limits.ts"
export * from "./responses.ts"
export { associationPageLimit } from "./routes-associations.ts"
export { batchLimit, historyBatchLimit } from "./routes-objects.ts"
export { ownersPageLimit } from "./routes-owners.ts"
export * from "./search.ts"
export * from "./serve.ts"
export type { StoreEvent } from "./store.ts"
export * from "./users.ts"
export * from "./webhooks.ts"
