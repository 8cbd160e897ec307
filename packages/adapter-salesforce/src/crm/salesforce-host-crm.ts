import type { HostCrmService } from "@tixi/core"
import { pollChanges } from "../changes/poll-changes.ts"
import { ensureFields } from "../install/ensure-fields.ts"
import { completeTask, createTask, logActivity } from "./activities.ts"
import { findCase, getCase, upsertCase } from "./cases.ts"
import type { CrmContext } from "./crm-context.ts"
import {
  findCustomer,
  getCustomer,
  listCustomers,
  updateCustomerFields,
  upsertCustomers,
} from "./customers.ts"

/**
 * `HostCrm` on Salesforce: customers are Accounts (Person Accounts or Contacts for natural
 * persons), cases are Cases, tasks are Tasks, activities are Tasks and Events, tixi fields are
 * custom fields, and changes come from SystemModstamp polling (or Change Data Capture through
 * `makeChangeEventIntake`).
 */
export const makeSalesforceHostCrm = (context: CrmContext): HostCrmService => ({
  host: "salesforce",
  getCustomer: (id) => getCustomer(context, id),
  findCustomer: (externalKey) => findCustomer(context, externalKey),
  listCustomers: (request) => listCustomers(context, request),
  upsertCustomers: (drafts) => upsertCustomers(context, drafts),
  updateCustomerFields: (updates) => updateCustomerFields(context, updates),
  upsertCase: (draft) => upsertCase(context, draft),
  getCase: (id) => getCase(context, id),
  findCase: (externalKey) => findCase(context, externalKey),
  createTask: (draft) => createTask(context, draft),
  completeTask: (externalKey) => completeTask(context, externalKey),
  logActivity: (draft) => logActivity(context, draft),
  ensureFields: (specs, options) => ensureFields(context, specs, options),
  pollChanges: (cursor, limit) => pollChanges(context, cursor, limit),
})
