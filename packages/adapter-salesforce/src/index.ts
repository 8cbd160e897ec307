/**
 * @tixi/adapter-salesforce — tixi inside a Salesforce org: `HostCrm` on Accounts, Contacts and
 * Cases, `Approvals` on Approval Processes, `Directory` on users, roles and permission sets, an idempotent installer for tixi's custom fields,
 * bulk write-back that picks the cheapest path (sObject Collections or Bulk API 2.0), the org's
 * API allocation guarded, and changes from polling or Change Data Capture.
 */
export * from "./adapter.ts"
export { makeSalesforceApprovals } from "./approvals/salesforce-approvals.ts"
export { audienceFor, signJwtAssertion } from "./auth/jwt-assertion.ts"
export type { SalesforceSession, SessionProvider } from "./auth/session.ts"
export {
  type IntakeResult,
  makeChangeEventIntake,
  type ReceivedChangeEvent,
  type UndecodableChangeEvent,
} from "./changes/change-event-intake.ts"
export { clientOfChangeOrigin, isOwnChange } from "./changes/change-origin.ts"
export { overlapMillis } from "./changes/poll-changes.ts"
export { parseLimitInfo } from "./client/limit-info.ts"
export type { SalesforceCall, SalesforceClient } from "./client/salesforce-client.ts"
export { isComplaintCase } from "./crm/complaint-cases.ts"
export { unassignedDepartment } from "./directory/person-of-user.ts"
export { makeSalesforceDirectory } from "./directory/salesforce-directory.ts"
export { reasonForSalesforceError } from "./errors/map-salesforce-error.ts"
export {
  type ApprovalOutcomeFeedOptions,
  salesforceApprovalOutcomeFeed,
} from "./feeds/approval-outcome-feed.ts"
export {
  type ChangeEventFeedOptions,
  salesforceChangeEventFeed,
  salesforceUndecodableEventType,
} from "./feeds/change-event-feed.ts"
export { approvalKeyField, approverField } from "./install/base-fields.ts"
export { fieldMetadata } from "./install/field-metadata.ts"
export type { InstallPlan } from "./install/install.ts"
export { customFieldName } from "./mapping/field-names.ts"
export { fieldsOfBitmaps } from "./pubsub/changed-fields.ts"
export { type ChangeEventSchema, decodeChangeEvent } from "./pubsub/decode-change-event.ts"
export { pubSubEndpoint } from "./pubsub/pubsub-descriptor.ts"
export {
  type PubSubOptions,
  type PubSubSubscription,
  subscribeToChangeEvents,
} from "./pubsub/pubsub-subscriber.ts"
export {
  environmentVariables,
  SalesforceConfigError,
  settingsFromEnvironment,
} from "./settings/layer-config.ts"
export * from "./settings/settings.ts"
export type * from "./vendor/directory.ts"
export type * from "./vendor/rest.ts"
export type * from "./vendor/tooling.ts"
export type { RecordOutcome, RecordWrite, WriteReport } from "./writes/record-writes.ts"
export {
  chooseWritePath,
  estimateWrite,
  type WriteCostModel,
  type WriteEstimate,
  type WritePath,
} from "./writes/write-plan.ts"
