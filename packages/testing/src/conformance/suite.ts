import { Effect, type Layer } from "effect"
import { it } from "vitest"

/**
 * Cases an implementation may skip, each with the reason, e.g.
 * `{ "changes.staffOrigin": "the Salesforce fake has no staff UI; covered by the CDC tests" }`.
 * A skip without a reason does not type-check, so every skipped case says why.
 */
export type Skips<Case extends string> = Partial<Record<Case, string>>

/** Options every conformance suite takes. */
export interface SuiteOptions<Case extends string> {
  readonly skip?: Skips<Case>
  /** Milliseconds per case; fakes that enforce real rate-limit windows may need more. */
  readonly timeout?: number
}

/**
 * Declares one conformance case: runs `program` on a fresh layer, or skips it with its reason in
 * the test's title so the report shows why. The layer is told which case it serves, so a fake host
 * can hold what that case presumes (e.g. custom fields a real org would have installed).
 */
export function conformanceCase<Case extends string, Services>(
  caseName: Case,
  options: SuiteOptions<Case>,
  layer: (caseName: Case) => Layer.Layer<Services, unknown>,
  program: () => Effect.Effect<void, unknown, Services>,
): void {
  const reason = options.skip?.[caseName]
  if (reason !== undefined) {
    // The reason is written beside the skip where each implementation declares its suite (`Skips`
    // requires one) and shown in the test's title, so the report says why the case does not apply:
    // today the in-memory host takes any field (simulations run without an install), WeCom's API
    // has no withdrawal (the adapter's own tests cover it), and the in-memory directory has no
    // host names or departments to map posts from.
    it.skip(`${caseName} (skipped: ${reason})`, () => {})
    return
  }
  it(
    caseName,
    () => Effect.runPromise(Effect.provide(Effect.suspend(program), layer(caseName))),
    options.timeout,
  )
}

/** The failure of an effect that must fail, for asserting on typed errors. */
export const failureOf = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.flatMap(Effect.result(effect), (result) =>
    result._tag === "Failure"
      ? Effect.succeed(result.failure)
      : Effect.die(new Error("expected a failure, got a success")),
  )
