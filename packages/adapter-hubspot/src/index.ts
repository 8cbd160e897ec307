/**
 * @tixi/adapter-hubspot — tixi inside a HubSpot portal: the HostCrm port on companies, contacts,
 * tickets, tasks, meetings and calls; install of tixi's properties and complaint pipeline; signed
 * webhooks with deduplication and echo suppression; bulk write-back at the rate-limit ceiling; the
 * Directory port on the portal's owners and teams.
 */
export { HubSpot, type HubSpotAdapter, type HubSpotOptions, layer, make } from "./adapter.ts"
export type { PortalCompany, ReadProgress } from "./bulk/read-portal.ts"
export type { WriteBackOptions, WriteBackOutcome, WriteBackProgress } from "./bulk/write-back.ts"
export {
  createHubSpotAdapter,
  type HubSpotClientAdapter,
  type Promised,
  type PromisedDirectory,
  type PromisedHostCrm,
} from "./create-hubspot-adapter.ts"
export { makeHubSpotDirectory } from "./directory/make-hubspot-directory.ts"
export { departmentOfTeam, noTeamDepartment, noTeamDepartmentId } from "./directory/team-department.ts"
export { failureFromReply, reasonFor } from "./errors/hubspot-errors.ts"
export { dayInTimeZone, type GatewayMetrics } from "./gateway/gateway.ts"
export { adoptedCaseKey, customerRecordId, parseCustomerRecordId } from "./host-crm/record-ids.ts"
export { isInTixiPipeline } from "./host-crm/stage-map.ts"
export { formatInstallReport, type InstallReport } from "./install/install.ts"
export type { InstallChange } from "./install/plan.ts"
export { complaintCaseStages, tixiFields } from "./install/tixi-schema.ts"
export {
  customerKeyProperty,
  keyProperty,
  ownerProperty,
  propertyNameOf,
  tixiGroupName,
} from "./mapping/names.ts"
export {
  environmentVariables,
  type HubSpotDomain,
  hubSpotConfig,
  layerConfig,
} from "./settings/layer-config.ts"
export {
  type CaseStage,
  defaultPipelineLabel,
  type HubSpotIdMapping,
  type HubSpotSettings,
  type ResolvedSettings,
} from "./settings/settings.ts"
export { type HubSpotTier, hubSpotTierLimits, hubSpotTiers } from "./settings/tiers.ts"
export type {
  HubSpotAssociationEvent,
  HubSpotObjectEvent,
  HubSpotOwner,
  HubSpotOwnerTeam,
  HubSpotTeam,
  HubSpotWebhookEvent,
  HubSpotWebhookEventCommon,
} from "./vendor/schemas.ts"
export {
  type HubSpotDeliveryVerdict,
  type IntakeLikeRequest,
  verifyHubSpotDelivery,
} from "./webhooks/intake-delivery.ts"
export {
  type HubSpotIntakeSourceOptions,
  type HubSpotIntakeSourceSettings,
  hubSpotIntakeSource,
  hubSpotUnparsedEventType,
  keptUnparsedCharacters,
} from "./webhooks/intake-source.ts"
export {
  eventKey,
  isAssociationEvent,
  maxEventsPerDelivery,
  parseWebhookEvents,
  type SkippedEvent,
} from "./webhooks/parse-events.ts"
export { makeInMemorySeenEvents, type SeenEvents } from "./webhooks/seen-events.ts"
export {
  defaultSignatureVersions,
  maxSignatureAgeMillis,
  type SignatureCheck,
  type SignatureRejection,
  type SignatureVersion,
  type SignedRequest,
  verifyHubSpotSignature,
} from "./webhooks/verify-signature.ts"
export {
  handleHubSpotWebhook,
  type WebhookChange,
  type WebhookHandlerOptions,
  type WebhookOutcome,
} from "./webhooks/webhook-handler.ts"
