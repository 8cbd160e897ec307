import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"
import { failureFromBatchError } from "../errors/hubspot-errors.ts"
import type { Gateway } from "../gateway/gateway.ts"
import type { HubSpotBatchResponse } from "../vendor/schemas.ts"
import type { HubSpotObjectType } from "./object-types.ts"

/** One record's new values, by HubSpot id. */
export interface BatchUpdateInput {
  readonly id: string
  readonly properties: Readonly<Record<string, string>>
}

/** Which inputs of one batch were written and which failed, by input index. */
export interface BatchUpdateOutcome {
  readonly succeeded: ReadonlyArray<number>
  readonly failed: ReadonlyArray<{ readonly index: number; readonly error: PortFailure }>
  /** Calls made, bisection included. */
  readonly calls: number
}

/**
 * Updates at most 100 records in one call and reports each record's fate. HubSpot answers 207
 * when some ids do not exist (their ids under `errors[].context.ids`) and rejects the whole batch
 * with 400 when a value is invalid; tixi then splits the batch in halves until the bad records
 * are alone, so one bad value never costs the other 99 their update.
 */
export const updateBatch = (
  gateway: Gateway,
  type: HubSpotObjectType,
  inputs: ReadonlyArray<BatchUpdateInput>,
): Effect.Effect<BatchUpdateOutcome, PortFailure> => {
  const run = (indices: ReadonlyArray<number>): Effect.Effect<BatchUpdateOutcome, PortFailure> =>
    Effect.gen(function* () {
      // https://developers.hubspot.com/docs/api-reference/crm-objects-v3/batch/post-crm-v3-objects-objectType-batch-update
      // Body: BatchInputSimplePublicObjectBatchInput (@hubspot/api-client, crm/objects/models).
      const outcome = yield* Effect.result(
        gateway.send<HubSpotBatchResponse>("updateCustomerFields", (client) =>
          client.crm.objects.batchApi.updateWithHttpInfo(type, {
            inputs: indices.map((index) => ({
              id: inputs[index]!.id,
              properties: { ...inputs[index]!.properties },
              objectWriteTraceId: String(index),
            })),
          }),
        ),
      )
      if (outcome._tag === "Success") {
        const failedIndices = new Map<number, PortFailure>()
        for (const error of outcome.success.data.errors ?? []) {
          const traces = error.context?.objectWriteTraceId ?? []
          const ids = new Set(error.context?.ids ?? [])
          for (const index of indices) {
            const input = inputs[index]!
            if (traces.includes(String(index)) || ids.has(input.id)) {
              failedIndices.set(index, failureFromBatchError("updateCustomerFields", error, input.id))
            }
          }
        }
        return {
          succeeded: indices.filter((index) => !failedIndices.has(index)),
          failed: [...failedIndices].map(([index, error]) => ({ index, error })),
          calls: 1,
        }
      }
      const failure = outcome.failure
      const tag = failure.reason._tag
      if (tag !== "InvalidRequest" && tag !== "Conflict" && tag !== "NotFound")
        return yield* Effect.fail(failure)
      if (indices.length === 1)
        return { succeeded: [], failed: [{ index: indices[0]!, error: failure }], calls: 1 }
      const middle = Math.ceil(indices.length / 2)
      const left = yield* run(indices.slice(0, middle))
      const right = yield* run(indices.slice(middle))
      return {
        succeeded: [...left.succeeded, ...right.succeeded],
        failed: [...left.failed, ...right.failed],
        calls: 1 + left.calls + right.calls,
      }
    })
  if (inputs.length > 100) {
    return Effect.die(new RangeError(`updateBatch takes at most 100 inputs, got ${inputs.length}`))
  }
  return run(inputs.map((_, index) => index))
}
