import type { PortFailure } from "@tixi/core"
import { Effect } from "effect"

/** Whether a whole-batch failure is about some inputs (and splitting finds them) or about the call. */
export const isAboutInputs = (failure: PortFailure) =>
  failure.reason._tag === "InvalidRequest" ||
  failure.reason._tag === "Conflict" ||
  failure.reason._tag === "NotFound"

/**
 * Runs a batch call over some inputs and, when HubSpot rejects the whole batch for a bad input,
 * splits it in halves until each bad input fails alone: every input ends succeeded or failed
 * with its own reason. Failures not about the inputs (rate limits spent, no access) fail the call.
 */
export const settleEach = <A>(
  indices: ReadonlyArray<number>,
  attempt: (indices: ReadonlyArray<number>) => Effect.Effect<ReadonlyMap<number, A>, PortFailure>,
): Effect.Effect<
  { readonly succeeded: Map<number, A>; readonly failed: Map<number, PortFailure> },
  PortFailure
> =>
  Effect.gen(function* () {
    const succeeded = new Map<number, A>()
    const failed = new Map<number, PortFailure>()
    const run = (part: ReadonlyArray<number>): Effect.Effect<void, PortFailure> =>
      Effect.gen(function* () {
        if (part.length === 0) return
        const outcome = yield* Effect.result(attempt(part))
        if (outcome._tag === "Success") {
          for (const [index, value] of outcome.success) succeeded.set(index, value)
          return
        }
        if (!isAboutInputs(outcome.failure)) return yield* Effect.fail(outcome.failure)
        if (part.length === 1) {
          failed.set(part[0]!, outcome.failure)
          return
        }
        const middle = Math.ceil(part.length / 2)
        yield* run(part.slice(0, middle))
        yield* run(part.slice(middle))
      })
    yield* run(indices)
    return { succeeded, failed }
  })
