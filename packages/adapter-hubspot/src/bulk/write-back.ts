import { chunk } from "@tixi/adapter-kit"
import { type HostFields, type HostRecordId, NotFound, PortFailure } from "@tixi/core"
import { Clock, Effect } from "effect"
import type { Gateway } from "../gateway/gateway.ts"
import type { FieldRegistry } from "../host-crm/field-registry.ts"
import { parseCustomerRecordId } from "../host-crm/record-ids.ts"
import { batchSize } from "../operations/object-types.ts"
import { updateBatch } from "../operations/update-batch.ts"

/** How far a long write-back has got. */
export interface WriteBackProgress {
  readonly done: number
  readonly total: number
  readonly failed: number
  readonly elapsedMillis: number
  readonly requests: number
  readonly rateLimited: number
}

/** Options of a write-back. */
export interface WriteBackOptions {
  /** Called after each batch call. */
  readonly onProgress?: (progress: WriteBackProgress) => Effect.Effect<void>
}

/** Each record's fate, by input index. */
export interface WriteBackOutcome {
  readonly succeeded: ReadonlyArray<{ readonly index: number; readonly value: HostRecordId }>
  readonly failed: ReadonlyArray<{ readonly index: number; readonly error: PortFailure }>
}

/**
 * Writes fields of many customers (a whole portal's grades, credit limits, deadlines) through
 * `batch/update`, 100 records a call, several calls in flight, at the tier's ceiling: the
 * gateway's limiter paces the calls, 207 replies fail only their own records, a rejected batch is
 * split until the bad records are alone, and 429s and 5xx are retried. Every record ends
 * succeeded or failed with its reason; none is silently dropped.
 */
export const writeBack = (
  gateway: Gateway,
  registry: FieldRegistry,
  updates: ReadonlyArray<{ readonly id: HostRecordId; readonly fields: HostFields }>,
  options: WriteBackOptions = {},
): Effect.Effect<WriteBackOutcome, PortFailure> =>
  Effect.gen(function* () {
    const started = yield* Clock.currentTimeMillis
    const failed: Array<{ index: number; error: PortFailure }> = []
    const succeeded: Array<{ index: number; value: HostRecordId }> = []
    const byType = { companies: [] as Array<number>, contacts: [] as Array<number> }
    const allFields: Record<string, string | number | boolean | null> = {}
    updates.forEach((update, index) => {
      const parsed = parseCustomerRecordId(update.id)
      if (!parsed) {
        failed.push({
          index,
          error: new PortFailure({
            port: "HostCrm",
            operation: "updateCustomerFields",
            reason: new NotFound({ resource: "customer", id: update.id }),
            detail: `customer ${update.id} does not exist on HubSpot`,
          }),
        })
        return
      }
      byType[parsed.type].push(index)
      Object.assign(allFields, update.fields)
    })
    yield* registry.ensureWritable("customer", allFields)
    const batches = (["companies", "contacts"] as const).flatMap((type) =>
      chunk(byType[type], batchSize).map((indices) => ({ type, indices })),
    )
    let done = 0
    yield* Effect.forEach(
      batches,
      ({ type, indices }) =>
        Effect.gen(function* () {
          const result = yield* Effect.result(
            updateBatch(
              gateway,
              type,
              indices.map((index) => ({
                id: parseCustomerRecordId(updates[index]!.id)!.id,
                properties: registry.toProperties("customer", updates[index]!.fields),
              })),
            ),
          )
          if (result._tag === "Failure") {
            // Retries are spent or the daily budget is: this batch's records fail with the reason
            // (the caller writes them again later); the other batches go on.
            for (const index of indices) failed.push({ index, error: result.failure })
          } else {
            for (const position of result.success.succeeded) {
              succeeded.push({ index: indices[position]!, value: updates[indices[position]!]!.id })
            }
            for (const { index: position, error } of result.success.failed) {
              failed.push({ index: indices[position]!, error })
            }
          }
          done += indices.length
          if (options.onProgress) {
            const now = yield* Clock.currentTimeMillis
            yield* options.onProgress({
              done,
              total: updates.length,
              failed: failed.length,
              elapsedMillis: now - started,
              requests: gateway.metrics.requests,
              rateLimited: gateway.metrics.rateLimited,
            })
          }
        }),
      { concurrency: gateway.settings.concurrency, discard: true },
    )
    succeeded.sort((a, b) => a.index - b.index)
    failed.sort((a, b) => a.index - b.index)
    return { succeeded, failed }
  })
