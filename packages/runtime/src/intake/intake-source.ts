/**
 * The intake's contract with the vendors' endpoints lives in `@tixi/adapter-kit`, so adapters
 * implement it without depending on the runtime; the runtime re-exports it for its users.
 */
export {
  type ChangeFeed,
  type FeedBatch,
  type HostPollingFeedOptions,
  hostChangeEventType,
  hostPollingFeed,
  IntakeRejected,
  IntakeRejectionReason,
  type IntakeRequest,
  type IntakeResponse,
  type IntakeSource,
  type VerifiedDelivery,
  type VerifiedEvent,
} from "@tixi/adapter-kit"
