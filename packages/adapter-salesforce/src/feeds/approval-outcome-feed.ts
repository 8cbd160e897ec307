import { approvalOutcomeEventType, type ChangeFeed } from "@tixi/adapter-kit"
import { Effect } from "effect"
import type { SalesforceAdapterService } from "../adapter.ts"

/** Options of the feed of Salesforce approval outcomes. */
export interface ApprovalOutcomeFeedOptions {
  /** The feed's name: the source of its events and the key of its cursor (default `salesforce-approvals`). */
  readonly name?: string | undefined
  /** How long to wait between polls (default 30 s: each decided approval costs a few API calls). */
  readonly everyMillis?: number | undefined
}

/**
 * The decisions approvers make in Salesforce Approval Processes, as a change feed for the runtime
 * (`intake.feeds`): Salesforce calls no one back, so tixi polls the finished `ProcessInstance`s
 * (`pollOutcomes`) from the cursor last kept. Each outcome becomes an `approval.outcome` event
 * keyed by the outcome's own id (`approvalId:state`), which the hosted processes route by
 * business key (a credit-limit override, a complaint's remedy). A poll reads again from the last
 * decision's instant, so the last outcomes come again: the feed hands each over once per run,
 * and the intake stores each id once whatever the run.
 */
export function salesforceApprovalOutcomeFeed(
  adapter: SalesforceAdapterService,
  options: ApprovalOutcomeFeedOptions = {},
): ChangeFeed {
  const every = options.everyMillis ?? 30_000
  return {
    name: options.name ?? "salesforce-approvals",
    run: (position, keep) =>
      Effect.gen(function* () {
        let cursor = position
        // What the last poll handed over: the next one reads the same last decisions again.
        let handed = new Set<string>()
        for (;;) {
          const read = yield* adapter.pollApprovalOutcomes(cursor)
          yield* keep({
            events: read.events
              .filter((outcome) => !handed.has(outcome.eventId))
              .map((outcome) => ({ id: outcome.eventId, type: approvalOutcomeEventType, payload: outcome })),
            position: read.cursor,
          })
          handed = new Set(read.events.map((outcome) => outcome.eventId))
          cursor = read.cursor
          yield* Effect.sleep(every)
        }
      }),
  }
}
