import type { HostCrmService } from "@tixi/core"
import { Effect } from "effect"
import { writeBack } from "../bulk/write-back.ts"
import { completeTask, createTask, logActivity } from "./activities.ts"
import { findCase, getCase, upsertCase } from "./cases.ts"
import { pollChanges } from "./changes.ts"
import type { HostCrmContext } from "./context.ts"
import { findCustomer, getCustomer, listCustomers, upsertCustomers } from "./customers.ts"
import { ensureFields } from "./ensure-fields.ts"

/** Options of the HostCrm service on HubSpot. */
export interface HostCrmOptions {
  /** Only changes older than this are polled, so search has indexed them (default 10 s). */
  readonly settleMillis: number
}

/** The HostCrm port on HubSpot (see each operation's file for how it maps). */
export function makeHubSpotHostCrm(context: HostCrmContext, options: HostCrmOptions): HostCrmService {
  return {
    host: "hubspot",
    getCustomer: (id) => getCustomer(context, id),
    findCustomer: (key) => findCustomer(context, key),
    listCustomers: (request) => listCustomers(context, request),
    upsertCustomers: (drafts) => upsertCustomers(context, drafts),
    updateCustomerFields: (updates) => writeBack(context.gateway, context.fields, updates),
    upsertCase: (draft) => upsertCase(context, draft),
    getCase: (id) => getCase(context, id),
    findCase: (key) => findCase(context, key),
    createTask: (draft) => createTask(context, draft),
    completeTask: (key) => completeTask(context, key),
    logActivity: (draft) => logActivity(context, draft),
    ensureFields: (specs, { dryRun }) => ensureFields(context, specs, dryRun),
    pollChanges: (cursor, limit) =>
      pollChanges(context, cursor, limit, options.settleMillis).pipe(Effect.withSpan("HubSpot.pollChanges")),
  }
}
